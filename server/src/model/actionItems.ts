// Reads action items from list items, task-list items and table rows under an action-items section.
import { endOffset, startOffset, walk, type List, type ListItem, type RootContent, type Table, type TableRow, type Nodes } from '../parsing/markdown';
import { absolute, shiftBelow, UnitCache } from '../parsing/units';
import { visibleText, visibleTextOf } from '../parsing/visibleText';
import { findDate } from './timeExpression';
import type { ActionItem, Span } from './types';

const HANDLE = /(?:^|[\s([,;/])@([A-Za-z0-9][\w.-]*[\w])/;

/** Every @handle in a text (owner completion, the workspace index). */
export function handlesIn(text: string): string[] {
  return [...new Set([...text.matchAll(new RegExp(HANDLE.source, 'g'))].map((m) => `@${m[1]}`))];
}
const OWNER_LABEL = /\b(?:owner|owners|assignee|assigned to|owned by|responsible|dri)\s*[:=]\s*(@?[A-Za-z0-9?][\w?-]*(?:\.[\w-]+)*(?: [A-Z][a-z'-]+)?)/i;
const OWNER_PLACEHOLDERS = /^@?(?:tbd|tbc|todo|\?+|none|n\/a|unassigned|owner|someone|nobody|-+)$/i;
const DUE_LABEL = /\b(?:due(?:\s+date)?|deadline|target(?:\s+date)?|eta|by)\b\s*[:=]?\s*/gi;
const DONE = /(?:\[(?:done|completed?|closed|fixed)\]|\((?:done|completed?|closed|fixed)\)|\b(?:DONE|COMPLETED?|CLOSED|FIXED)\b|✅)/;
const TRACKER = /(?:https?:\/\/\S+|(?:^|\s)#\d+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b)/;

export interface OwnerRead {
  owner?: string;
  placeholder?: boolean;
}

export function readOwner(text: string): OwnerRead {
  const label = OWNER_LABEL.exec(text);
  const handle = HANDLE.exec(text);
  const candidate = label?.[1] ?? (handle ? `@${handle[1]}` : undefined);
  if (!candidate) return {};
  return OWNER_PLACEHOLDERS.test(candidate.trim()) ? { placeholder: true } : { owner: candidate.trim() };
}

/** The due date: after a "Due:"/"by" label (parsed or not), else any full date in the text. */
export function readDue(text: string): { dueText?: string; due?: string; index?: number; length?: number } {
  for (const label of text.matchAll(DUE_LABEL)) {
    const at = label.index + label[0].length;
    const after = text.slice(at);
    const date = findDate(after);
    if (date?.index === 0) return { dueText: after.slice(0, date.length), due: date.iso, index: at, length: date.length };
    // "Due: next week" is a due date that cannot be parsed; a plain "by" is just a word.
    const written = /^[^,;.)\]|]*/.exec(after)?.[0].trim() ?? '';
    if (!/^by\b/i.test(label[0]) && written) return { dueText: written, index: at, length: written.length };
  }
  const any = findDate(text);
  return any ? { dueText: text.slice(any.index, any.index + any.length), due: any.iso, index: any.index, length: any.length } : {};
}

function statusOf(text: string, checked: boolean | null | undefined): 'open' | 'done' {
  if (checked === true) return 'done';
  if (checked === false) return 'open';
  return DONE.test(text) ? 'done' : 'open';
}

function trackerOf(node: Nodes, text: string): string | undefined {
  let url: string | undefined;
  walk(node, (n) => {
    if (n.type === 'link' && !url) url = n.url;
  });
  return url ?? TRACKER.exec(text)?.[0].trim();
}

/** The end of the line that starts at `from`, before any trailing HTML comments and spaces. */
function lineEnd(text: string, from: number, limit: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl === -1 || nl > limit ? limit : nl;
  const trailing = /(?:\s*<!--[^]*?-->)*\s*$/.exec(text.slice(from, end));
  return end - (trailing?.[0].length ?? 0);
}

function fromListItem(item: ListItem, text: string): ActionItem {
  const para = item.children[0];
  const own = para ? text.slice(startOffset(para), endOffset(para)) : '';
  const visible = visibleText(own);
  const owner = readOwner(own);
  const due = readDue(own);
  const base = para ? startOffset(para) : startOffset(item);
  return {
    start: startOffset(item), end: endOffset(item), text: visible,
    form: item.checked === null || item.checked === undefined ? 'list' : 'task',
    owner: owner.owner, ownerPlaceholder: owner.placeholder,
    dueText: due.dueText, due: due.due,
    dueSpan: due.index !== undefined ? { start: base + due.index, end: base + due.index + (due.length ?? 0) } : undefined,
    status: statusOf(own, item.checked), tracker: para ? trackerOf(para, own) : undefined,
    insertAt: para ? lineEnd(text, startOffset(para), endOffset(para)) : endOffset(item),
  };
}

/** A bullet that only names a group ("Process improvements:") and holds the items in a nested list. */
function isGroupLabel(item: ListItem, text: string): boolean {
  const para = item.children[0];
  const hasNested = item.children.some((c) => c.type === 'list');
  if (!hasNested || para?.type !== 'paragraph') return false;
  // The paragraph lies below the item: its position lacks the item's shift when the item moved.
  const shift = shiftBelow(item).offset;
  const own = visibleTextOf(para, text, {}, shift);
  return own.length <= 60 && !HANDLE.test(own) && !OWNER_LABEL.test(own);
}

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/**
 * The same item `by` code units further on: a new object. Written
 * out key by key (in the order both readers build an item) because a generic copy was most of the
 * cost of reading a long table whose rows were all cached.
 */
function shiftItem(item: ActionItem, by: number): ActionItem {
  const moved: ActionItem = {
    start: item.start + by, end: item.end + by, text: item.text, form: item.form,
    owner: item.owner, ownerPlaceholder: item.ownerPlaceholder,
    dueText: item.dueText, due: item.due, dueSpan: item.dueSpan && shiftSpan(item.dueSpan, by),
    status: item.status, tracker: item.tracker, insertAt: item.insertAt + by,
  };
  if ('cells' in item) moved.cells = { owner: item.cells!.owner && shiftSpan(item.cells!.owner, by), due: item.cells!.due && shiftSpan(item.cells!.due, by) };
  return moved;
}

/**
 * An item's cached reading: the item relative to its node's start, and what item-scoped rules
 * judged of it (engine/itemRules.ts), which lives exactly as long as the reading stays valid.
 * `placed`: the item where it was last placed, and its source there (for the same node).
 */
export interface ItemReading {
  item: ActionItem;
  /** Item rules' verdicts, one slot per rule (engine/itemRules.ts). */
  judged: unknown[];
  placed?: { at: number; item: ActionItem; source?: ItemSource };
}

/** Where a placed item came from: its reading and its node in the current tree. */
export interface ItemSource {
  reading: ItemReading;
  node: ListItem | TableRow;
}

// An item is read from its own source alone (a row also from its table's columns, in the key):
// cached per list item and table row, relative to its start, so an edit reads only the rows it changed.
const listItems = new UnitCache<ItemReading>();
const tableRows = new UnitCache<ItemReading>();

function reading(item: ActionItem, base: number): ItemReading {
  return { item: shiftItem(item, -base), judged: [], placed: undefined };
}

/**
 * The item where its node is now: the one placed last time when the node did not move (every row
 * before a keystroke in a long table), else a new one. Items are never changed once placed (no
 * reader writes to one), so two versions' models may share it; a keystroke then makes no item, span
 * or source for the rows it left in place, and the collector has fewer survivors to move.
 */
function place(read: ItemReading, node: ListItem | TableRow, out: Collected): void {
  const at = startOffset(node);
  let placed = read.placed;
  if (placed?.at !== at) read.placed = placed = { at, item: shiftItem(read.item, at), source: undefined };
  out.items.push(placed.item);
  if (!out.sources) return;
  if (placed.source?.node !== node) placed.source = { reading: read, node };
  out.sources.push(placed.source);
}

interface Collected {
  items: ActionItem[];
  /** Parallel to `items`, when the caller wants them. */
  sources?: ItemSource[];
}

function fromList(list: List, text: string, out: Collected): void {
  for (const item of list.children) {
    if (isGroupLabel(item, text)) {
      // The nested items lie below the group's item: read with current positions (it may be moved).
      absolute(item).children.filter((c): c is List => c.type === 'list').forEach((l) => fromList(l, text, out));
    } else {
      place(listItems.get(item, '', (node, base) => reading(fromListItem(node as ListItem, text), base)), item, out);
    }
  }
}

const COLUMNS: Record<string, RegExp> = {
  text: /^(?:action(?: item)?s?|items?|tasks?|description|what|follow-?ups?|remediation)$/i,
  owner: /^(?:owners?|assignees?|who|dri|responsible)$/i,
  due: /^(?:due(?: date)?|deadline|when|target(?: date)?|eta|date)$/i,
  status: /^(?:status|state|done\??)$/i,
  tracker: /^(?:tracker|issues?|tickets?|links?|jira|bugs?)$/i,
};

interface Columns {
  text: number;
  owner: number;
  due: number;
  status: number;
  tracker: number;
}

function fromRow(row: TableRow, text: string, columns: Columns): ActionItem {
  const { owner: ownerCol, due: dueCol, status: statusCol, tracker: trackerCol } = columns;
  const cell = (i: number): string => (i >= 0 && row.children[i] ? visibleTextOf(row.children[i], text) : '');
  const rowSource = text.slice(startOffset(row), endOffset(row));
  const owner = ownerCol >= 0 ? readOwner(`owner: ${cell(ownerCol)}`) : readOwner(rowSource);
  const dueCell = dueCol >= 0 ? row.children[dueCol] : undefined;
  const due = dueCell ? readDue(cell(dueCol)) : readDue(rowSource);
  const dueWritten = dueCell ? cell(dueCol) : due.dueText;
  const status = statusCol >= 0 ? (/^(?:done|closed|complete[d]?|fixed|yes|✅|\[x\])$/i.test(cell(statusCol)) ? 'done' : 'open') : statusOf(rowSource, undefined);
  const trackerCell = trackerCol >= 0 ? row.children[trackerCol] : undefined;
  return {
    start: startOffset(row), end: endOffset(row), text: cell(columns.text), form: 'table',
    owner: owner.owner, ownerPlaceholder: owner.placeholder || undefined,
    dueText: dueWritten || undefined, due: dueWritten ? readDue(dueWritten).due ?? (due.due && dueCell ? due.due : undefined) : due.due,
    dueSpan: dueCell ? { start: startOffset(dueCell), end: endOffset(dueCell) } : undefined,
    status, tracker: trackerCell ? trackerOf(trackerCell, cell(trackerCol)) || undefined : trackerOf(row, rowSource),
    insertAt: endOffset(row),
    cells: {
      owner: ownerCol >= 0 && row.children[ownerCol] ? { start: startOffset(row.children[ownerCol]), end: endOffset(row.children[ownerCol]) } : undefined,
      due: dueCell ? { start: startOffset(dueCell), end: endOffset(dueCell) } : undefined,
    },
  };
}

function fromTable(table: Table, text: string, out: Collected): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  // The header's cells lie below the row: their positions lack its shift when the table moved.
  const shift = shiftBelow(header).offset;
  const names = header.children.map((c) => visibleTextOf(c, text, {}, shift));
  const col = (key: string): number => names.findIndex((n) => COLUMNS[key].test(n));
  const columns: Columns = { text: col('text') === -1 ? 0 : col('text'), owner: col('owner'), due: col('due'), status: col('status'), tracker: col('tracker') };
  // The header decides what each cell means: a row read under other columns is read again.
  const key = `${columns.text},${columns.owner},${columns.due},${columns.status},${columns.tracker}`;
  for (const row of rows) {
    place(tableRows.get(row, key, (node, base) => reading(fromRow(node as TableRow, text, columns), base)), row, out);
  }
}

/** The action items of a section's blocks; `sources`, when given, receives where each came from (in the same order). */
export function collectActionItems(nodes: readonly RootContent[], text: string, sources?: ItemSource[]): ActionItem[] {
  const out: Collected = { items: [], sources };
  for (const node of nodes) {
    if (node.type === 'list') fromList(node, text, out);
    else if (node.type === 'table') fromTable(node, text, out);
  }
  return out.items;
}
