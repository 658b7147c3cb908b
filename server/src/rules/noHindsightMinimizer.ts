import { MINIMIZERS } from './phrases/minimizers';
import type { Rule } from './types';
import { isAllowed, matchPhrases } from './util';

export const noHindsightMinimizer: Rule = {
  id: 'no-hindsight-minimizer',
  category: 'blameless',
  description: '"Obviously", "simply", "just", "of course": words that make a hard moment look easy in hindsight.',
  defaultSeverity: 'hint',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: true,
  rationale: 'What is obvious after the analysis was not obvious during the incident. Minimising words make the responders look slow and hide what made the situation hard to read.',
  examples: {
    valid: ['Restarting the pod cleared the stale cache.', 'The alert fired just before midnight.'],
    invalid: ['Obviously the cache was stale.', 'They could just restart the pod.'],
  },
  check(context) {
    for (const m of matchPhrases(context.prose, MINIMIZERS)) {
      if (isAllowed(context, m.start, m.end)) continue;
      // Remove the word and the space after it, so the sentence still reads.
      const after = /^\s+/.exec(context.text.slice(m.end, m.end + 3))?.[0].length ?? 0;
      context.report({
        start: m.start, end: m.end,
        message: `"${m.text}" judges in hindsight. ${m.row.explanation} Instead, ${m.row.instead}.`,
        suggestions: [{ title: `Remove "${m.text}"`, edits: [{ start: m.start, end: m.end + after, newText: '' }] }],
      });
    }
  },
};
