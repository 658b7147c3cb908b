// Re-parsing one list item or table row of a long list or table (a 1,200-entry timeline, a 500-row
// action table) instead of the whole top-level block. remark parses a small window: the item before,
// the edited item and the first line of the item after (or the table's header, delimiter row, the
// edited row and the next row's line). The window is accepted only when remark reads it as the same
// kind of container (same list type and looseness, same table columns) with the next item or row
// starting exactly on the first unchanged line; otherwise the caller re-parses the whole block.
import type { List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { isLineStart, lineEnd, lineEndings, lineStartOf } from './blocks';
import { movedCopies, parseAt, replacing, shiftInPlace } from './windows';

/** An edit as a common prefix and suffix: text[start, oldEnd + delta) replaced old[start, oldEnd). */
export interface FineEdit {
  old: string;
  text: string;
  start: number;
  oldEnd: number;
  delta: number;
}

export interface FineResult {
  node: RootContent;
  /** How many lines the edit added (negative: removed), for the nodes after it. */
  lineDelta: number;
}

type Child = ListItem | TableRow;

/** The child whose line holds the edit, when the edit stays inside it and it has a neighbour on each side. */
function editedChild(children: readonly Child[], edit: FineEdit): number | undefined {
  const starts = children.map((c) => lineStartOf(edit.old, c.position!.start.offset!));
  let i = starts.length - 1;
  while (i >= 0 && starts[i] > edit.start) i--;
  if (i < 1 || i + 1 >= children.length || edit.oldEnd >= starts[i + 1]) return undefined;
  return i;
}

function withChildren<T extends List | Table>(node: T, children: T['children'], delta: number, lineDelta: number): T {
  const p = node.position!;
  const position = { start: p.start, end: { line: p.end.line + lineDelta, column: p.end.column, offset: p.end.offset! + delta } };
  return replacing<List | Table>(node, { children, position } as Partial<T>) as T;
}

export function reparseListItem(list: List, edit: FineEdit): FineResult | undefined {
  const items = list.children;
  const i = editedChild(items, edit);
  if (i === undefined) return undefined;
  const { old, text, delta } = edit;
  const from = lineStartOf(old, items[i - 1].position!.start.offset!);
  const boundary = lineStartOf(old, items[i + 1].position!.start.offset!) + delta;
  if (!isLineStart(text, boundary)) return undefined;
  const fromLine = items[i - 1].position!.start.line;
  const window = parseAt(text, from, lineEnd(text, boundary), fromLine);
  const got = window[0];
  const line = fromLine + lineEndings(text, from, boundary);
  if (window.length !== 1 || got.type !== 'list' || got.children.length !== 3) return undefined;
  // Same list: the same kind, the same looseness (blank lines between items anywhere make all of it loose).
  if (got.ordered !== list.ordered || got.spread !== list.spread || (i - 1 === 0 && got.start !== list.start)) return undefined;
  if (got.children[2].position!.start.line !== line) return undefined;
  const lineDelta = line - items[i + 1].position!.start.line;
  const children = [...items.slice(0, i - 1), got.children[0], got.children[1], ...movedCopies(items.slice(i + 1), delta, lineDelta)];
  return { node: withChildren(list, children, delta, lineDelta), lineDelta };
}

export function reparseTableRow(table: Table, edit: FineEdit): FineResult | undefined {
  const rows = table.children;
  const i = editedChild(rows, edit);
  if (i === undefined) return undefined;
  const { old, text, delta } = edit;
  const tableStart = lineStartOf(old, rows[0].position!.start.offset!);
  const rowStart = lineStartOf(old, rows[i].position!.start.offset!);
  const boundary = lineStartOf(old, rows[i + 1].position!.start.offset!) + delta;
  if (!isLineStart(text, boundary)) return undefined;
  // The header and delimiter rows (before the edit, so unchanged), then the edited row and the next row's line.
  const head = old.slice(tableStart, lineStartOf(old, rows[1].position!.start.offset!));
  const headLines = lineEndings(head, 0, head.length);
  const window = parseAt(head + text.slice(rowStart, lineEnd(text, boundary)), 0, Infinity, 1);
  const got = window[0];
  const rowLines = lineEndings(text, rowStart, boundary);
  if (window.length !== 1 || got.type !== 'table' || got.children.length !== 3 || rowLines !== 1) return undefined;
  if (got.children[1].position!.start.line !== headLines + 1 || got.children[2].position!.start.line !== headLines + 2) return undefined;
  if (JSON.stringify(got.align) !== JSON.stringify(table.align)) return undefined;
  const line = rows[i].position!.start.line;
  // The row was parsed from a text of its own: nobody else holds it, so it moves in place.
  const row = got.children[1];
  shiftInPlace([row], rowStart - head.length, line - headLines - 1);
  const lineDelta = line + 1 - rows[i + 1].position!.start.line;
  const children = [...rows.slice(0, i), row, ...movedCopies(rows.slice(i + 1), delta, lineDelta)];
  return { node: withChildren(table, children, delta, lineDelta), lineDelta };
}
