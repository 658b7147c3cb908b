import type { Rule } from './types';
import { isNearMiss } from '../model/nearMiss';
import { visibleText } from './util';

const QUANTITY = /\d|\b(?:all|every|most|half|none|no|some|several|many|few|one|two|three|four|five|ten|hundreds?|thousands?|millions?)\s+(?:of\s+(?:the\s+|our\s+)?)?(?:users?|customers?|requests?|tenants?|accounts?|regions?|services?|orders?|pods?|nodes?|jobs?)\b|\bpercent\b|%/i;

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
  check(context) {
    // A near-miss had no impact to count: it is not asked for numbers.
    if (isNearMiss(context.model)) return;
    for (const section of context.model.sections) {
      if (!section.kinds.includes('impact')) continue;
      const body = visibleText(context.text, section.body.start, section.body.end);
      if (!body || QUANTITY.test(body)) continue;
      context.report({ start: section.titleSpan.start, end: section.titleSpan.end, message: 'The impact has no number, duration or scope. Say how many users or requests, what share, and for how long.' });
    }
  },
};
