import { eachItem } from './itemScope';
import type { ActionItem } from '../model/types';
import type { ItemContext, Rule } from './types';

function checkItem(item: ActionItem, context: ItemContext<{ acceptTracker: boolean }>): void {
  if (item.owner || item.status === 'done') return;
  if (context.options.acceptTracker && item.tracker) return;
  const cell = item.cells?.owner;
  const edit = cell
    ? { start: cell.start, end: cell.end, newText: rewriteCell(context.text.slice(cell.start, cell.end), '@owner') }
    : { start: item.insertAt, end: item.insertAt, newText: ' Owner: @owner.' };
  context.report({
    start: item.start, end: item.insertAt,
    message: item.ownerPlaceholder
      ? 'This action item\'s owner is a placeholder. Name the one person who will see it through.'
      : 'This action item has no owner. Name one person who will see it through (`@handle` or `Owner: name`).',
    fix: item.ownerPlaceholder ? undefined : { title: 'Add an owner placeholder', edits: [edit] },
  });
}

export const actionItemOwner: Rule<{ acceptTracker: boolean }> = {
  id: 'action-item-owner',
  category: 'action-items',
  description: 'An action item without a named owner.',
  defaultSeverity: 'warning',
  defaultOptions: { acceptTracker: false },
  optionsSchema: { acceptTracker: { type: 'boolean', description: 'Accept a tracker link (URL, #123, ABC-123) in place of an owner.' } },
  fixable: true,
  hasSuggestions: false,
  rationale: 'An action item that belongs to everyone belongs to no one. Naming one owner (`@handle` or `Owner: name`) is what makes it happen.',
  examples: {
    valid: ['## Action items\n\n- [ ] Add an alert on rejected batches. Owner: @ana. Due: 2026-12-15.'],
    invalid: ['## Action items\n\n- [ ] Add an alert on rejected batches. Due: 2026-12-15.'],
  },
  scope: 'item',
  checkItem,
  check: eachItem(checkItem),
};

/** Puts `value` into a table cell, keeping its padding. */
export function rewriteCell(cell: string, value: string): string {
  const leadPipe = cell.startsWith('|') ? '|' : '';
  const trailPipe = cell.length > 1 && cell.endsWith('|') ? '|' : '';
  if (cell.slice(leadPipe.length, cell.length - trailPipe.length).trim() === '') return `${leadPipe} ${value} ${trailPipe}`;
  const lead = /^\|?\s*/.exec(cell)?.[0] ?? '';
  const trail = /\s*\|?$/.exec(cell)?.[0] ?? '';
  return `${lead}${value}${trail}`;
}
