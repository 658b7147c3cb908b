import { isNearMiss } from '../model/nearMiss';
import type { SectionWithNodes } from '../model/sections';
import type { Section } from '../model/types';
import { eachSection } from './sectionScope';
import type { Rule, RuleContext, SectionContext } from './types';
import { visibleText } from './util';

const QUANTITY = /\d|\b(?:all|every|most|half|none|no|some|several|many|few|one|two|three|four|five|ten|hundreds?|thousands?|millions?)\s+(?:of\s+(?:the\s+|our\s+)?)?(?:users?|customers?|requests?|tenants?|accounts?|regions?|services?|orders?|pods?|nodes?|jobs?)\b|\bpercent\b|%/i;

/** The impact sections; none for a near-miss, which had no impact to count and is not asked for numbers. */
function sectionsToCheck(context: RuleContext<object>): SectionWithNodes[] {
  if (isNearMiss(context.model)) return [];
  return context.sections.filter((s) => s.kinds.includes('impact'));
}

function checkSection(section: Section, context: SectionContext<object>): void {
  const body = visibleText(context.text, section.body.start, section.body.end);
  if (!body || QUANTITY.test(body)) return;
  context.report({ start: section.titleSpan.start, end: section.titleSpan.end, message: 'The impact has no number, duration or scope. Say how many users or requests, what share, and for how long.' });
}

export const impactQuantified: Rule = {
  id: 'impact-quantified',
  category: 'completeness',
  description: 'An impact section with no number, duration or scope.',
  defaultSeverity: 'hint',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Impact decides priority. "Some users saw errors" could be ten people or half the customers; numbers (users, requests, percent, minutes) let readers weigh the incident and the fixes.',
  examples: {
    valid: ['## Impact\n\n12% of checkout requests failed for 42 minutes.'],
    invalid: ['## Impact\n\nCheckout was degraded.'],
  },
  scope: 'section',
  sectionsToCheck,
  checkSection,
  check: eachSection(sectionsToCheck, checkSection),
};
