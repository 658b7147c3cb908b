import { hindsightIn } from './judge/hindsight';
import { allowedIn, sentencesOf } from './judge/sentences';
import type { Rule } from './types';

export const noHindsightMinimizer: Rule = {
  id: 'no-hindsight-minimizer',
  category: 'blameless',
  description: '"Obviously", "simply", "just", "of course", "the signs were all there": words that make a hard moment look easy in hindsight.',
  defaultSeverity: 'hint',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: true,
  rationale: 'What is obvious after the analysis was not obvious during the incident. Minimising words make the responders look slow and hide what made the situation hard to read.',
  examples: {
    valid: ['Restarting the pod cleared the stale cache.', 'The alert fired just before midnight.'],
    invalid: ['Obviously the lockfile was outdated.', 'They could just restart the pod.'],
  },
  check(context) {
    noHindsightMinimizer.checkBlock!(sentencesOf(context), context);
  },
  scope: 'block',
  checkBlock(sentences, context) {
    for (const sentence of sentences) {
      if (allowedIn(context, sentence)) continue;
      for (const hit of hindsightIn(sentence)) {
        const words = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
        // A single word can go (with the space after it) and the sentence still reads.
        const removable = hit.row.replacement !== undefined && !/\s/.test(words);
        const after = /^[ \t]+/.exec(context.text.slice(hit.end, hit.end + 3))?.[0].length ?? 0;
        context.report({
          start: hit.start, end: hit.end,
          message: `"${words}" judges in hindsight. ${hit.row.explanation} Instead, ${hit.row.instead}.`,
          suggestions: removable ? [{ title: `Remove "${words}"`, edits: [{ start: hit.start, end: hit.end + after, newText: '' }] }] : undefined,
        });
      }
    }
  },
};
