// Collects the raw entries of a timeline section. An entry is any block that starts with a date or
// a time: a list item, a line of a paragraph (hard-wrapped or split by <br>), a table row, a heading.
// A line that is only a date, or a heading that names a day, sets the date for what follows.
// Tables are read in timelineTables.ts.
import { endOffset, startOffset, type List, type ListItem, type RootContent } from '../parsing/markdown';
import { absolute, UnitCache, ZERO, type Shift } from '../parsing/units';
import { visibleText, visibleTextOf } from '../parsing/visibleText';
import { kindsOf } from './sectionMatch';
import { readLeadingTime, type CalendarDate, type ReadOptions, type TimeExpression } from './timeExpression';
import type { TimelineForm } from './types';
import { collectTable } from './timelineTables';

export interface RawEntry {
  form: TimelineForm;
  start: number;
  end: number;
  /** Absolute offset of the source the expression was read from. */
  exprBase: number;
  expr?: TimeExpression;
  /** A date that a separate date column set for this entry. */
  date?: CalendarDate;
  /** A zone or year stated in the table's column header ("Date and time (CET)", "Date (2022)"). */
  zone?: string;
  year?: number;
  text: string;
}

export type RawItem = RawEntry | { dateLine: CalendarDate };
export type Sink = (entry: RawItem) => void;

/** "First detected: 2024-04-09 10:17": a short label, then the time, then nothing. */
const LABEL_THEN_TIME = /^\s*(?:\*\*)?([A-Za-z][A-Za-z' ]{1,30}?)(?:\*\*)?:?\s+(?=\d)/;
const LINE_BREAK = /\n|<br\s*\/?>/gi;


function firstLine(text: string, start: number, end: number): string {
  const nl = text.indexOf('\n', start);
  return text.slice(start, nl === -1 || nl > end ? end : nl);
}

/** The date or time a line starts with, and the text after it. */
function readLine(line: string, options: ReadOptions): { expr: TimeExpression; rest: string; offset: number } | undefined {
  const expr = readLeadingTime(line, options);
  if (expr && (expr.time || expr.unknown || expr.date)) return { expr, rest: line.slice(expr.length), offset: 0 };
  const label = LABEL_THEN_TIME.exec(line);
  if (!label) return undefined;
  const after = line.slice(label[0].length);
  const labelled = readLeadingTime(after, options);
  if (!labelled?.time || after.slice(labelled.length).trim().length > 3) return undefined;
  return { expr: labelled, rest: label[1], offset: label[0].length };
}

/** A line that is only a date sets the day; a line that starts with a date or time is an entry. */
function classify(line: string, options: ReadOptions): { dateLine: CalendarDate } | { read: NonNullable<ReturnType<typeof readLine>> } | undefined {
  const read = readLine(line, options);
  if (!read) return undefined;
  const { expr } = read;
  if (expr.date && !expr.time && !expr.unknown && read.offset === 0 && read.rest.trim().replace(/[*_:#]/g, '') === '') return { dateLine: expr.date };
  return { read };
}

function itemLine(item: ListItem, text: string): string {
  const para = item.children[0];
  return para?.type === 'paragraph' ? firstLine(text, startOffset(para), endOffset(para)) : '';
}

// A list item's reading depends on its own source, the document's date order and (for entries)
// whether its list is a timed one: cached per item, relative to its start, so an edit in a long
// timeline reads only the items it changed.
const TIMED = 1;
const CLOCKED = 2;
/**
 * One list item's cached reading: its timing, and its raw entries as read under its list's timing
 * (relative to its start), with the copies last placed at `at`: reused while the item stays put.
 */
interface ItemRecord {
  timing: number;
  entries?: { key: string; raws: RawItem[]; at: number; placed: RawItem[] };
}
const itemRecords = new UnitCache<ItemRecord>();

function optionsKey(options: ReadOptions): string {
  return options.dayFirst ? 'day-first' : '';
}

/**
 * An item's record (one cache lookup serves both its timing and its entries). `inherited`: the
 * shift the item's position lacks when it lies below a moved unit (see parsing/units.ts).
 */
function itemRecord(item: ListItem, text: string, options: ReadOptions, inherited: Shift): ItemRecord {
  return itemRecords.get(item, optionsKey(options), (node) => {
    const read = readLine(itemLine(node as ListItem, text), options);
    return { timing: read === undefined ? 0 : TIMED | (read.expr.time !== undefined || read.expr.unknown === true ? CLOCKED : 0) };
  }, inherited);
}

function timedCount(records: readonly ItemRecord[], timeOnly: boolean): number {
  const flag = timeOnly ? CLOCKED : TIMED;
  let timed = 0;
  for (const record of records) if (record.timing & flag) timed++;
  return timed * 2 >= records.length ? timed : 0;
}

/** How many of a list's own items start with a time (or, unless `timeOnly`, a date); 0 unless at least half do. */
export function timedItemCount(list: List, text: string, options: ReadOptions = {}, timeOnly = true, inherited: Shift = ZERO): number {
  return timedCount(list.children.map((item) => itemRecord(item, text, options, inherited)), timeOnly);
}

/** "- **Resolution**: ..." in a timeline list is the next section, not an entry. */
function isSectionLabel(item: ListItem, text: string): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && first.children[0]?.type === 'strong' && kindsOf(visibleTextOf(first.children[0], text)).length > 0;
}

/**
 * The same raw item `by` code units further on: a new object (the collector extends entries it
 * holds). Every raw entry has the same keys in the same order, and so has its expression once
 * cached (see `relativeRaw`): the timeline's fold reads each entry's fields, and objects of one
 * shape make those reads several times cheaper on a long timeline than objects of many.
 */
function shiftRaw(raw: RawItem, by: number): RawItem {
  if ('dateLine' in raw) return { dateLine: raw.dateLine };
  return { form: raw.form, start: raw.start + by, end: raw.end + by, exprBase: raw.exprBase + by, expr: raw.expr, date: raw.date, zone: raw.zone, year: raw.year, text: raw.text };
}

/** An expression with every key present, in one order (absent ones undefined). */
function fixedShape(e: TimeExpression): TimeExpression {
  return { date: e.date, time: e.time, endTime: e.endTime, zone: e.zone, invalid: e.invalid, unknown: e.unknown, length: e.length, start: e.start, end: e.end };
}

/** A raw item as cached: relative to `at`, its expression in the fixed shape. */
function relativeRaw(raw: RawItem, at: number): RawItem {
  const moved = shiftRaw(raw, -at);
  if (!('dateLine' in moved) && moved.expr) moved.expr = fixedShape(moved.expr);
  return moved;
}

function readItem(item: ListItem, text: string, timed: boolean, options: ReadOptions): RawItem[] {
  const out: RawItem[] = [];
  const sink: Sink = (e) => out.push(e);
  if (isSectionLabel(item, text)) return out;
  const para = item.children[0];
  const nested = item.children.filter((c): c is List => c.type === 'list');
  const found = classify(itemLine(item, text), options);
  if (found && 'dateLine' in found) {
    sink(found);
    nested.forEach((n) => collectList(n, text, sink, options));
    return out;
  }
  const read = found?.read;
  if (timed && para) {
    const base = startOffset(para) + (read?.offset ?? 0);
    sink({ form: 'list', start: startOffset(item), end: endOffset(item), exprBase: base, expr: read?.expr, text: visibleText(read ? read.rest : text.slice(startOffset(para), endOffset(para))) });
  }
  // A timed item's own nested bullets are its details, unless they are a timeline of their own.
  nested.filter((n) => !timed || timedItemCount(n, text, options, false) > 0).forEach((n) => collectList(n, text, sink, options));
  return out;
}

function collectList(list: List, text: string, sink: Sink, options: ReadOptions): void {
  const records = list.children.map((item) => itemRecord(item, text, options, ZERO));
  const timed = timedCount(records, false) > 0;
  // The record is keyed by the options already; the entries also by whether the list is a timed one.
  const key = timed ? 'timed' : '';
  list.children.forEach((item, i) => {
    const record = records[i];
    const base = startOffset(item);
    if (record.entries?.key !== key) record.entries = { key, raws: readItem(absolute(item), text, timed, options).map((r) => relativeRaw(r, base)), at: NaN, placed: [] };
    const entries = record.entries;
    // Placed raws are shared by every analysis that finds the item where it was: nobody changes them (see attach).
    if (entries.at !== base) {
      entries.placed = entries.raws.map((raw) => shiftRaw(raw, base));
      entries.at = base;
    }
    for (const raw of entries.placed) sink(raw);
  });
}

/** Each line (or <br>-separated part) that starts with a date or time is an entry; the lines after it continue it. */
function collectParagraphLines(start: number, end: number, text: string, sink: Sink, options: ReadOptions): void {
  const source = text.slice(start, end);
  let last: RawEntry | undefined;
  let lineStart = 0;
  const breaks = [...source.matchAll(LINE_BREAK), { index: source.length, 0: '' }];
  for (const br of breaks) {
    const lineEnd = br.index ?? source.length;
    const line = source.slice(lineStart, lineEnd);
    const found = classify(line, options);
    const read = found && 'read' in found ? found.read : undefined;
    if (found && 'dateLine' in found) {
      sink(found);
      last = undefined;
    } else if (read) {
      last = { form: 'paragraph', start: start + lineStart, end: start + lineEnd, exprBase: start + lineStart + read.offset, expr: read.expr, text: visibleText(read.rest) };
      sink(last);
    } else if (last && line.trim()) {
      last.end = start + lineEnd;
      last.text = `${last.text} ${visibleText(line)}`.trim();
    }
    lineStart = lineEnd + br[0].length;
  }
}

function headingSource(node: RootContent, text: string): { source: string; base: number } {
  const raw = text.slice(startOffset(node), endOffset(node));
  const marks = /^#{1,6}[ \t]*/.exec(raw)?.[0].length ?? 0;
  return { source: raw.slice(marks).replace(/[ \t]+#+[ \t]*$/, ''), base: startOffset(node) + marks };
}

/** A paragraph's or table's entries, read from it alone: cached per block like a list's items. */
const blockEntries = new UnitCache<RawItem[]>();

function readBlock(node: RootContent, text: string, options: ReadOptions, base: number): RawItem[] {
  const out: RawItem[] = [];
  const sink: Sink = (e) => out.push(e);
  if (node.type === 'table') collectTable(node, text, sink, options);
  else if (node.type === 'paragraph') collectParagraphLines(startOffset(node), endOffset(node), text, sink, options);
  // Shifted once complete: a paragraph's entry grows with the lines after it.
  return out.map((e) => relativeRaw(e, base));
}

function collectBlock(node: RootContent, text: string, sink: Sink, options: ReadOptions): void {
  if (node.type === 'list') collectList(node, text, sink, options);
  else if (node.type === 'table' || node.type === 'paragraph') {
    const base = startOffset(node);
    for (const raw of blockEntries.get(node, optionsKey(options), (n, at) => readBlock(n as RootContent, text, options, at))) sink(shiftRaw(raw, base));
  }
}

/**
 * The entries of a timeline section, in order. A heading with a time is an entry and the blocks
 * under it are its details; a heading with only a date names a day for the entries under it, or is
 * itself an entry of day precision when nothing under it has a date or time.
 */
export function collectRawEntries(nodes: readonly RootContent[], text: string, sectionEnd: number, options: ReadOptions = {}): RawItem[] {
  const out: RawItem[] = [];
  const sink: Sink = (e) => out.push(e);
  let details = false;
  let day: { entry: RawEntry; at: number } | undefined;
  const closeDay = () => {
    if (day && out.length === day.at && day.entry.text) out.push(day.entry);
    day = undefined;
  };
  // Blocks between two entries (an image, a code block, a note) belong to the entry above them.
  let pendingEnd: number | undefined;
  const attach = (before: number) => {
    // Only the entries either side of the gap: copying the list here made a long timeline quadratic.
    const previous = before > 0 ? out[before - 1] : undefined;
    const added = out[before];
    if (pendingEnd !== undefined && previous && !('dateLine' in previous) && added && !('dateLine' in added) && pendingEnd > previous.end) {
      // A copy: the entry may be a list item's cached placement, shared with other analyses.
      const extended = shiftRaw(previous, 0) as RawEntry;
      extended.end = pendingEnd;
      out[before - 1] = extended;
    }
    pendingEnd = undefined;
  };
  nodes.forEach((node, i) => {
    if (node.type !== 'heading') {
      if (details) return;
      const before = out.length;
      collectBlock(node, text, sink, options);
      if (out.length > before) attach(before);
      else pendingEnd = endOffset(node);
      return;
    }
    pendingEnd = undefined;
    closeDay();
    details = false;
    const { source, base } = headingSource(node, text);
    const read = readLine(source, options);
    if (!read) return;
    const next = nodes.slice(i + 1).find((n) => n.type === 'heading');
    const end = next ? startOffset(next) : sectionEnd;
    const detail = nodes.slice(i + 1).find((n) => n.type === 'paragraph');
    // A heading with only a time takes its words from the first line of the paragraph under it.
    const firstDetailLine = () => (detail && startOffset(detail) < end ? visibleText(text.slice(startOffset(detail), endOffset(detail)), { lines: true }).split('\n')[0] : '');
    const entry: RawEntry = { form: 'heading', start: startOffset(node), end, exprBase: base + read.offset, expr: read.expr, text: visibleText(read.rest) || firstDetailLine() };
    if (read.expr.time || read.expr.unknown) {
      sink(entry);
      details = true;
    } else if (read.expr.date) {
      sink({ dateLine: read.expr.date });
      day = { entry, at: out.length };
    }
  });
  closeDay();
  return out;
}
