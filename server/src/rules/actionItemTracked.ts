import { isTracked } from '../trackers/links';
import { eachItem } from './itemScope';
import type { ActionItem } from '../model/types';
import type { ItemContext, Rule } from './types';

function checkItem(item: ActionItem, context: ItemContext<object>): void {
  if (item.status !== 'open' || isTracked(item, context.trackers)) return;
  context.report({
    start: item.start, end: Math.max(item.start + 1, item.insertAt),
    message: 'This open action item links to no issue. Add a link to its issue (a URL, owner/repo#123 or a ticket key) so its progress can be followed.',
  });
}

export const actionItemTracked: Rule = {
  id: 'action-item-tracked',
  category: 'action-items',
  description: 'An open action item that links to no issue in a tracker.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'An action item gets done when it lives in the backlog the team works from. Link the issue (a URL, owner/repo#123, or a Jira key) so its progress can be followed from here.',
  examples: {
    valid: ['## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01. https://github.com/acme/app/issues/12'],
    invalid: ['## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01.'],
  },
  scope: 'item',
  checkItem,
  check: eachItem(checkItem),
};
