import { rewriteCell } from './actionItemOwner';
import { addDays } from '../model/calendar';
import type { ActionItem } from '../model/types';
import { eachItem } from './itemScope';
import type { ItemContext, Rule } from './types';

interface Options {
  defaultDueDays: number;
}

function checkItem(item: ActionItem, context: ItemContext<Options>): void {
  if (item.status === 'done') return;
  const { options, incidentDate } = context;
  const date = addDays(context.today, options.defaultDueDays);
  const cell = item.cells?.due;
  const edit = cell
    ? { start: cell.start, end: cell.end, newText: rewriteCell(context.text.slice(cell.start, cell.end), date) }
    : item.dueSpan && item.dueText
      ? { start: item.dueSpan.start, end: item.dueSpan.end, newText: date }
      : { start: item.insertAt, end: item.insertAt, newText: ` Due: ${date}.` };
  const suggestions = [{ title: `Set the due date to ${date} (in ${options.defaultDueDays} days)`, edits: [edit] }];
  if (!item.dueText) {
    context.report({ start: item.start, end: item.insertAt, message: 'This action item has no due date. Add one (`Due: YYYY-MM-DD`) so the team can see when it is late.', suggestions });
  } else if (!item.due) {
    const span = item.dueSpan ?? item;
    context.report({ start: span.start, end: span.end, message: `The due date "${item.dueText}" cannot be read as a date. Write it as YYYY-MM-DD.`, suggestions });
  } else if (incidentDate && item.due < incidentDate) {
    const span = item.dueSpan ?? item;
    context.report({ start: span.start, end: span.end, message: `The due date ${item.due} is before the incident (${incidentDate}). Check the year or the date.`, suggestions });
  }
}

export const actionItemDueDate: Rule<Options> = {
  id: 'action-item-due-date',
  category: 'action-items',
  description: 'An action item without a due date, with one that cannot be read, or with one before the incident.',
  defaultSeverity: 'warning',
  defaultOptions: { defaultDueDays: 14 },
  optionsSchema: { defaultDueDays: { type: 'integer', minimum: 1, description: 'Days from today for the due date that the quick fix adds.' } },
  fixable: false,
  hasSuggestions: true,
  rationale: 'A date turns an intention into a commitment and lets the team see what is late. Write it as an ISO date (`Due: 2026-12-15`) so tools can track it.',
  examples: {
    valid: ['## Action items\n\n- [ ] Add an alert on rejected batches. Owner: @ana. Due: 2026-12-15.'],
    invalid: ['## Action items\n\n- [ ] Add an alert on rejected batches. Owner: @ana.', '## Action items\n\n- [ ] Add an alert. Owner: @ana. Due: next sprint.'],
  },
  scope: 'item',
  checkItem,
  check: eachItem(checkItem),
};
