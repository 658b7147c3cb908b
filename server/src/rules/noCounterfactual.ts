import { PRONOUNS, ROLES } from './phrases/blame';
import { COUNTERFACTUALS, PERSON_COUNTERFACTUAL } from './phrases/counterfactual';
import type { Rule } from './types';
import { isAllowed, matchPhrases, wordRegex } from './util';

// Requirements ("the check should have a timeout") and luck ("it could have been worse") are not hindsight.
const EXEMPT_SECTIONS = ['action-items', 'where-we-got-lucky'];
const PERSON_COUNTERFACTUAL_RE = wordRegex(String.raw`(?:${ROLES}|${PRONOUNS}|@[\w.-]+)\s+${PERSON_COUNTERFACTUAL}`);

export const noCounterfactual: Rule = {
  id: 'no-counterfactual',
  category: 'blameless',
  description: '"Should have", "could have", "if only": judging past actions by what is known only now.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Counterfactuals describe a world that did not happen. They hide the reasons the actual actions made sense at the time, which is what the team needs to learn.',
  examples: {
    valid: ['The dashboard did not show the queue depth, so the backlog was not visible.', '- [ ] The check should have a timeout. Owner: @ana. Due: 2026-12-15.'],
    invalid: ['The engineer should have checked the dashboard.', 'If only the alert had fired sooner.'],
  },
  check(context) {
    const { prose, report } = context;
    const hits: Array<{ start: number; end: number; text: string; why: string; instead: string }> = [];
    for (const m of matchPhrases(prose, COUNTERFACTUALS)) hits.push({ start: m.start, end: m.end, text: m.text, why: m.row.explanation, instead: m.row.instead });
    for (const m of prose.matchAll(PERSON_COUNTERFACTUAL_RE)) {
      hits.push({ start: m.index, end: m.index + m[0].length, text: m[0], why: 'A counterfactual about what a person could have done.', instead: 'describe what they knew and saw at the time' });
    }
    for (const hit of hits) {
      const kinds = context.kindsAt(hit.start);
      if (EXEMPT_SECTIONS.some((k) => kinds.has(k)) || isAllowed(context, hit.start, hit.end)) continue;
      report({ start: hit.start, end: hit.end, message: `"${hit.text.replace(/\s+/g, ' ')}" is hindsight. ${hit.why} Instead, ${hit.instead}.` });
    }
  },
};
