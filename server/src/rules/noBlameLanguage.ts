import { blameIn } from './judge/blame';
import { allowedIn, literalPattern, sentencesOf } from './judge/sentences';
import type { BlameKind } from './phrases/blame';
import type { LanguageRow } from './phrases/types';
import type { Rule, RuleContext } from './types';

const extraCache = new Map<string, LanguageRow<BlameKind>[]>();

function extraRows(context: RuleContext<object>): LanguageRow<BlameKind>[] {
  const phrases = context.shared.blamePhrases;
  const key = phrases.join('\u0000');
  let rows = extraCache.get(key);
  if (!rows) {
    rows = phrases.map((phrase) => ({
      kind: 'verdict', pattern: literalPattern(phrase), explanation: 'Your team listed this phrase as blame.',
      instead: 'describe what in the system allowed it', example: phrase, counterExample: '',
    }));
    if (extraCache.size > 8) extraCache.clear();
    extraCache.set(key, rows);
  }
  return rows;
}

export const noBlameLanguage: Rule = {
  id: 'no-blame-language',
  category: 'blameless',
  description: 'Wording that puts a person at fault instead of asking what in the system allowed the failure.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: true,
  rationale: 'People act sensibly given what they know at the time. A blameless postmortem asks what about the system let an ordinary action cause harm, and what did not catch it, so that people keep reporting honestly.',
  examples: {
    valid: ['The deploy pipeline applied the change without validating the limit.', 'The readiness probe failed to detect the hung thread.', 'The bulk-edit console accepted the update with no row filter and asked for no confirmation.'],
    invalid: ['The slowdown came down to human error.', 'The on-call engineer forgot to check the dashboard.', 'The support agent ran the bulk update on the live table instead of the copy.'],
  },
  check(context) {
    noBlameLanguage.checkBlock!(sentencesOf(context), context);
  },
  scope: 'block',
  checkBlock(sentences, context) {
    const extra = extraRows(context);
    for (const sentence of sentences) {
      if (allowedIn(context, sentence)) continue;
      for (const hit of blameIn(sentence, extra)) {
        const words = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
        context.report({
          start: hit.start, end: hit.end,
          message: `"${words}" puts a person at fault. ${hit.row.explanation} Instead, ${hit.row.instead}.`,
          suggestions: hit.row.replacement !== undefined ? [{ title: `Replace with "${hit.row.replacement}"`, edits: [{ start: hit.start, end: hit.end, newText: hit.row.replacement }] }] : undefined,
        });
      }
    }
  },
};
