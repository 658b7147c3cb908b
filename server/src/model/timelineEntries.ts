// Collects the raw entries of a timeline section in every format real postmortems use:
// a heading per entry, list items, lines that start with a time (bold prefixes), table rows.
import { endOffset, plainText, startOffset, type List, type ListItem, type RootContent, type Table } from '../parsing/markdown';
import { kindsOf } from './sectionMatch';
import { readDateLine, readLeadingTime, type CalendarDate, type TimeExpression } from './timeExpression';
import type { TimelineForm } from './types';

export interface RawEntry {
  form: TimelineForm;
  start: number;
  end: number;
  /** Absolute offset of the source the expression was read from. */
  exprBase: number;
  expr?: TimeExpression;
  /** A date that a date line or a separate date column set for this entry. */
  date?: CalendarDate;
  text: string;
}

type Sink = (entry: RawEntry | { dateLine: CalendarDate }) => void;

/** "First detected: 2023-09-18 13:42": a short label, then the time, then nothing. */
const LABEL_THEN_TIME = /^\s*(?:\*\*)?([A-Za-z][A-Za-z' ]{1,30}?)(?:\*\*)?:?\s+(?=\d)/;

/** Entry text as a reader sees it: no comments, emphasis markers, code ticks or link targets. */
export function cleanInline(s: string): string {
  return s
    .replace(/<!--[^]*?(?:-->|$)/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstLine(text: string, start: number, end: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl === -1 || nl > end ? end : nl);
}

function readLine(line: string): { expr: TimeExpression; rest: string; offset: number } | undefined {
  const expr = readLeadingTime(line);
  if (expr && (expr.time || expr.unknown)) return { expr, rest: line.slice(expr.length), offset: 0 };
  const label = LABEL_THEN_TIME.exec(line);
  if (!label) return undefined;
  const after = line.slice(label[0].length);
  const labelled = readLeadingTime(after);
  if (!labelled?.time || after.slice(labelled.length).trim().length > 3) return undefined;
  return { expr: labelled, rest: label[1], offset: label[0].length };
}

function isTimedItem(item: ListItem, text: string): boolean {
  const para = item.children[0];
  return para?.type === 'paragraph' && readLine(firstLine(text, startOffset(para), endOffset(para))) !== undefined;
}

/** How many of a list's own items start with a time; 0 unless at least half of them do. */
export function timedItemCount(list: List, text: string): number {
  const timed = list.children.filter((item) => isTimedItem(item, text)).length;
  return timed * 2 >= list.children.length ? timed : 0;
}

function isTimedList(list: List, text: string): boolean {
  return timedItemCount(list, text) > 0;
}

/** "- **Resolution**: ..." in a timeline list is the next section, not an entry. */
function isSectionLabel(item: ListItem): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && first.children[0]?.type === 'strong' && kindsOf(plainText(first.children[0])).length > 0;
}

function collectList(list: List, text: string, sink: Sink): void {
  const timed = isTimedList(list, text);
  for (const item of list.children) {
    if (isSectionLabel(item)) continue;
    const para = item.children[0];
    const nested = item.children.filter((c): c is List => c.type === 'list');
    const line = para?.type === 'paragraph' ? firstLine(text, startOffset(para), endOffset(para)) : '';
    const date = readDateLine(line);
    if (date) {
      sink({ dateLine: date });
      nested.forEach((n) => collectList(n, text, sink));
      continue;
    }
    const read = readLine(line);
    if (timed && para) {
      const base = startOffset(para) + (read?.offset ?? 0);
      sink({ form: 'list', start: startOffset(item), end: endOffset(item), exprBase: base, expr: read?.expr, text: cleanInline(read ? read.rest : plainText(para)) });
    }
    // A timed item's own nested bullets are its details, unless they are a timeline of their own.
    nested.filter((n) => !timed || isTimedList(n, text)).forEach((n) => collectList(n, text, sink));
  }
}

const TIME_COLUMN = /^(?:time(?:stamp)?|when|date ?(?:and|&|\/)? ?time|datetime|time ?\(.*\)|utc|hour)$/i;
const DATE_COLUMN = /^(?:date|day)$/i;

function collectTable(table: Table, text: string, sink: Sink): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = header.children.map((cell) => plainText(cell).trim());
  let timeCol = names.findIndex((n) => TIME_COLUMN.test(n));
  const dateCol = names.findIndex((n) => DATE_COLUMN.test(n));
  if (timeCol === -1) timeCol = dateCol;
  if (timeCol === -1) return;
  for (const row of rows) {
    const cell = row.children[timeCol];
    if (!cell) continue;
    const source = text.slice(startOffset(cell), endOffset(cell)).replace(/^\|/, ' ');
    const expr = readLeadingTime(source);
    const dateCell = dateCol !== -1 && dateCol !== timeCol ? row.children[dateCol] : undefined;
    const date = dateCell ? readLeadingTime(plainText(dateCell))?.date : undefined;
    const rest = row.children.filter((_, i) => i !== timeCol && i !== dateCol).map((c) => plainText(c).trim()).filter(Boolean);
    sink({ form: 'table', start: startOffset(row), end: endOffset(row), exprBase: startOffset(cell), expr: expr?.time || expr?.unknown ? expr : undefined, date, text: rest.join(' — ') });
  }
}

function collectParagraphLines(start: number, end: number, text: string, sink: Sink): void {
  let lineStart = start;
  while (lineStart < end) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const line = text.slice(lineStart, lineEnd);
    const date = readDateLine(line);
    const read = date ? undefined : readLine(line);
    if (date) sink({ dateLine: date });
    else if (read) sink({ form: 'paragraph', start: lineStart, end: lineEnd, exprBase: lineStart + read.offset, expr: read.expr, text: cleanInline(read.rest) });
    lineStart = lineEnd + 1;
  }
}

function headingSource(node: RootContent, text: string): { source: string; base: number } {
  const raw = text.slice(startOffset(node), endOffset(node));
  const marks = /^#{1,6}[ \t]*/.exec(raw)?.[0].length ?? 0;
  return { source: raw.slice(marks).replace(/[ \t]+#+[ \t]*$/, ''), base: startOffset(node) + marks };
}

/** True when the timeline writes one heading per entry; then lists and paragraphs are entry details. */
function usesHeadings(nodes: readonly RootContent[], text: string): boolean {
  return nodes.some((n) => n.type === 'heading' && readLine(headingSource(n, text).source) !== undefined);
}

export function collectRawEntries(nodes: readonly RootContent[], text: string, sectionEnd: number): Array<RawEntry | { dateLine: CalendarDate }> {
  const out: Array<RawEntry | { dateLine: CalendarDate }> = [];
  const sink: Sink = (e) => out.push(e);
  if (usesHeadings(nodes, text)) {
    nodes.forEach((node, i) => {
      if (node.type !== 'heading') return;
      const { source, base } = headingSource(node, text);
      const date = readDateLine(source);
      if (date) return sink({ dateLine: date });
      const read = readLine(source);
      if (!read) return;
      const next = nodes.slice(i + 1).find((n) => n.type === 'heading');
      const end = next ? startOffset(next) : sectionEnd;
      const detail = nodes.slice(i + 1).find((n) => n.type === 'paragraph');
      const rest = read.rest.trim() || (detail && startOffset(detail) < end ? plainText(detail).split('\n')[0] : '');
      sink({ form: 'heading', start: startOffset(node), end, exprBase: base + read.offset, expr: read.expr, text: cleanInline(rest) });
    });
    return out;
  }
  for (const node of nodes) {
    if (node.type === 'list') collectList(node, text, sink);
    else if (node.type === 'table') collectTable(node, text, sink);
    else if (node.type === 'paragraph') collectParagraphLines(startOffset(node), endOffset(node), text, sink);
    else if (node.type === 'heading') {
      const date = readDateLine(headingSource(node, text).source);
      if (date) sink({ dateLine: date });
    }
  }
  return out;
}
