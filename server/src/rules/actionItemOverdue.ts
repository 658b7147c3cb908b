import { daysBetween, isOverdue } from '../model/calendar';
import type { ActionItem } from '../model/types';
import { eachItem } from './itemScope';
import type { ItemContext, Rule } from './types';

function checkItem(item: ActionItem, context: ItemContext<object>): void {
  const today = context.today;
  if (!isOverdue(item, today)) return;
  const days = daysBetween(item.due!, today);
  const span = item.dueSpan ?? item;
  context.report({ start: span.start, end: span.end, message: `This action item was due on ${item.due}, ${days} day${days === 1 ? '' : 's'} ago, and is still open. Mark it done, or agree a new date with its owner.` });
}

export const actionItemOverdue: Rule = {
  id: 'action-item-overdue',
  category: 'action-items',
  description: 'An open action item past its due date.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Unfinished action items are how the same incident happens twice. Mark an item done when it is, or agree a new date and say why it moved.',
  examples: {
    valid: ['## Action items\n\n- [x] Add an alert. Owner: @ana. Due: 2020-01-10.'],
    invalid: ['## Action items\n\n- [ ] Add an alert. Owner: @ana. Due: 2020-01-10.'],
  },
  scope: 'item',
  checkItem,
  check: eachItem(checkItem),
};
