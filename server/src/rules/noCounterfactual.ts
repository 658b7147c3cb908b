import { counterfactualsIn } from './judge/counterfactual';
import { allowedIn, sentencesOf } from './judge/sentences';
import type { Rule } from './types';

// Requirements ("the check should have a timeout") and luck ("it could have been worse") are not hindsight.
const EXEMPT_SECTIONS = ['action-items', 'where-we-got-lucky'];

export const noCounterfactual: Rule = {
  id: 'no-counterfactual',
  category: 'blameless',
  description: '"Should have", "could have prevented", "had they ...": judging past actions by what is known only now.',
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
    noCounterfactual.checkBlock!(sentencesOf(context), context);
  },
  scope: 'block',
  checkBlock(sentences, context) {
    for (const sentence of sentences) {
      const hits = counterfactualsIn(sentence);
      if (hits.length === 0) continue;
      // Section kinds only for sentences with a finding: looking them up costs a walk over the sections.
      const kinds = context.kindsAt(sentence.start);
      if (EXEMPT_SECTIONS.some((k) => kinds.has(k)) || allowedIn(context, sentence)) continue;
      for (const hit of hits) {
        const words = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
        context.report({ start: hit.start, end: hit.end, message: `"${words}" is hindsight. ${hit.row.explanation} Instead, ${hit.row.instead}.` });
      }
    }
  },
};
