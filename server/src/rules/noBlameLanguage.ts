import { BLAME_PHRASES, HUMAN_VERBS, PERSON_VERBS, PRONOUNS, ROLES } from './phrases/blame';
import type { PhraseRow } from './phrases/types';
import type { Rule, RuleContext } from './types';
import { escapeRegex, isAllowed, matchPhrases, wordRegex } from './util';

const HANDLE = String.raw`@[A-Za-z0-9][\w.-]*`;
// A capitalised word that is a person only before verbs that systems never do ("Alice forgot to").
const CAPITALISED = String.raw`[A-Z][a-z]+(?: [A-Z][a-z]+)?`;
const NOT_PEOPLE = new Set(['The', 'This', 'That', 'It', 'We', 'Our', 'Their', 'There', 'Then', 'When', 'If']);

function subjectPattern(people: string[]): string {
  const names = people.filter((p) => p.length > 1).map(escapeRegex);
  return [HANDLE, ROLES, PRONOUNS, ...names].join('|');
}

// Compiling these is not free: keep the last one (the people of one document rarely change).
let cached: { key: string; re: RegExp } | undefined;

function personVerbRegex(people: string[]): RegExp {
  const key = people.join('\u0000');
  if (cached?.key !== key) cached = { key, re: buildPersonVerbRegex(people) };
  cached.re.lastIndex = 0;
  return cached.re;
}

function buildPersonVerbRegex(people: string[]): RegExp {
  // Subject, up to two adverbs or auxiliaries, then the verb: "the engineer accidentally deleted", "she had forgotten to".
  return wordRegex(String.raw`(?:${subjectPattern(people)})(?:\s+(?:had|has|have|was|were|also|then|just|simply|again|apparently|actually|later|\w+ly)){0,2}\s+(?:${PERSON_VERBS}|${HUMAN_VERBS})`);
}

const NAME_VERB = nameVerbRegex();

function nameVerbRegex(): RegExp {
  return new RegExp(String.raw`(?<![\w@-])(${CAPITALISED})(?:\s+(?:had|has|also|then|\w+ly)){0,2}\s+(?:${HUMAN_VERBS})(?![\w-])`, 'g');
}

function extraRows(context: RuleContext<object>): PhraseRow[] {
  return context.shared.blamePhrases.map((phrase) => ({
    pattern: escapeRegex(phrase), explanation: 'Your team listed this phrase as blame.',
    instead: 'describe what in the system allowed it', example: phrase,
  }));
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
    valid: ['The deploy pipeline applied the change without validating the limit.', 'The health check failed to detect the stuck worker.'],
    invalid: ['The outage was caused by human error.', 'The on-call engineer forgot to check the dashboard.'],
  },
  check(context) {
    const { prose, report } = context;
    const seen = new Set<number>();
    const extra = extraRows(context);
    const found = [...matchPhrases(prose, BLAME_PHRASES), ...(extra.length ? matchPhrases(prose, extra) : [])];
    for (const m of found) {
      if (isAllowed(context, m.start, m.end)) continue;
      seen.add(m.start);
      report({
        start: m.start, end: m.end,
        message: `"${m.text}" puts a person at fault. ${m.row.explanation} Instead, ${m.row.instead}.`,
        suggestions: m.row.replacement !== undefined ? [{ title: `Replace with "${m.row.replacement}"`, edits: [{ start: m.start, end: m.end, newText: m.row.replacement }] }] : undefined,
      });
    }
    const people = context.model.meta.people;
    for (const re of [personVerbRegex(people), NAME_VERB]) {
      for (const m of prose.matchAll(re)) {
        if (m[1] && NOT_PEOPLE.has(m[1].split(' ')[0])) continue;
        if (seen.has(m.index) || isAllowed(context, m.index, m.index + m[0].length)) continue;
        seen.add(m.index);
        report({
          start: m.index, end: m.index + m[0].length,
          message: `"${m[0].replace(/\s+/g, ' ')}" makes a person the cause. Describe what in the system allowed the action and what did not catch it (a missing check, an unclear runbook, a risky default).`,
        });
      }
    }
  },
};
