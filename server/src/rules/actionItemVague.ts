import { VAGUE_ACTIONS } from './phrases/vague';
import type { ActionItem } from '../model/types';
import { eachItem } from './itemScope';
import type { ItemContext, Rule } from './types';
import { matchPhrases } from './util';

// Signs of a checkable change: a number, a named artifact in code, a concrete verb with an object.
const CONCRETE = /\d|`[^`]+`|\b(?:add|create|write|enable|disable|set|configure|migrate|remove|delete|automate|fix|alert on|page on|block|require|enforce|limit|cap|pin|upgrade to|document (?:the|how))\b/i;

function checkItem(item: ActionItem, context: ItemContext<object>): void {
  const own = context.proseOf(item.start, item.insertAt);
  if (CONCRETE.test(own.replace(/\b(?:owner|due)\b.*$/i, ''))) return;
  const hit = matchPhrases(own, VAGUE_ACTIONS).next();
  if (hit.done) return;
  const m = hit.value;
  context.report({ start: item.start + m.start, end: item.start + m.end, message: `"${m.text}" is not a checkable change. ${m.row.explanation} Instead, ${m.row.instead}.` });
}

export const actionItemVague: Rule = {
  id: 'action-item-vague',
  category: 'action-items',
  description: '"Improve monitoring", "look into", "be more careful": action items with no checkable change.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'An action item is done when someone can check that it is. "Add an alert on config values over the broker limit" can be checked; "improve monitoring" cannot.',
  examples: {
    valid: ['## Action items\n\n- [ ] Add an alert on rejected batches over 1% for 5 minutes. Owner: @ana. Due: 2026-12-15.'],
    invalid: ['## Action items\n\n- [ ] Improve monitoring. Owner: @ana. Due: 2026-12-15.'],
  },
  scope: 'item',
  checkItem,
  check: eachItem(checkItem),
};
