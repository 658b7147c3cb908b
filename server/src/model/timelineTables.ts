// A timeline written as a table: which columns hold the time and the date (by their header, or by
// most of their cells), and each row as one entry whose text is the other columns' cells.
import { endOffset, startOffset, type Table } from '../parsing/markdown';
import { visibleTextOf } from '../parsing/visibleText';
import { readLeadingTime, type ReadOptions, type TimeExpression } from './timeExpression';
import type { Sink } from './timelineEntries';
import { ZONE_PATTERN } from './zones';

const TIME_HEADER = /\b(?:time(?:stamp)?s?|when|datetime|hour|utc|clock)\b/i;
const DATE_HEADER = /\b(?:date|day)\b/i;
const ANY_CLOCK = /(?<![\d:])\d{1,2}:\d{2}(?![\d])/;
const HEADER_ZONE = new RegExp(String.raw`(?:^|[\s(])(${ZONE_PATTERN}|[A-Z][A-Za-z_]+/[A-Za-z_]+)(?=$|[\s),])`);

/** Which columns hold times and dates: by their header, or by most of their cells. */
function tableColumns(table: Table, text: string, options: ReadOptions): { time: number; date: number; skip: Set<number> } {
  const [header, ...rows] = table.children;
  const names = header.children.map((cell) => visibleTextOf(cell, text));
  const cellExpr = (row: number, col: number) => {
    const cell = rows[row]?.children[col];
    return cell ? readLeadingTime(visibleTextOf(cell, text), options) : undefined;
  };
  const share = (col: number, has: (e: TimeExpression) => boolean) => {
    let n = 0;
    for (let r = 0; r < rows.length; r++) if (has(cellExpr(r, col) ?? ({} as TimeExpression))) n++;
    return rows.length ? n / rows.length : 0;
  };
  const columns = names.map((_, i) => i);
  const timeShare = columns.map((i) => share(i, (e) => e.time !== undefined || e.unknown === true));
  const dateShare = columns.map((i) => share(i, (e) => e.date !== undefined));
  const clockShare = (i: number) => rows.filter((r) => r.children[i] && ANY_CLOCK.test(visibleTextOf(r.children[i], text))).length / Math.max(rows.length, 1);
  let time = columns.find((i) => timeShare[i] >= 0.5) ?? columns.find((i) => TIME_HEADER.test(names[i]) && (timeShare[i] > 0 || clockShare(i) >= 0.5)) ?? -1;
  const date = columns.find((i) => i !== time && dateShare[i] >= 0.5 && timeShare[i] === 0) ?? -1;
  if (time === -1) time = columns.find((i) => dateShare[i] >= 0.5) ?? -1;
  // Columns that only say when ("Day": Fri, "Date (2022)") are not the entry's text.
  const skip = new Set(columns.filter((i) => i === time || i === date || (DATE_HEADER.test(names[i]) || TIME_HEADER.test(names[i])) && names[i].split(/\s+/).length <= 4));
  return { time, date, skip };
}

/** Each row with a time (or a date) in the time column is an entry. The table's positions are current (an `absolute` copy). */
export function collectTable(table: Table, text: string, sink: Sink, options: ReadOptions): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const { time, date, skip } = tableColumns(table, text, options);
  if (time === -1) return;
  const headerText = header.children.map((cell) => visibleTextOf(cell, text)).join(' ');
  const zone = HEADER_ZONE.exec(headerText)?.[1];
  const year = /\b(19|20)\d{2}\b/.exec(headerText)?.[0];
  for (const row of rows) {
    const cell = row.children[time];
    if (!cell) continue;
    let source = text.slice(startOffset(cell), endOffset(cell)).replace(/^\|/, ' ');
    let expr = readLeadingTime(source, options);
    // The cell is known to hold the time: read it even after a mistyped date ("20212-04-03 12:00").
    const clock = !expr?.time && !expr?.date ? ANY_CLOCK.exec(source) : null;
    if (clock) {
      source = ' '.repeat(clock.index) + source.slice(clock.index);
      expr = readLeadingTime(source, options);
    }
    const dateCell = date !== -1 ? row.children[date] : undefined;
    const cellDate = dateCell ? readLeadingTime(visibleTextOf(dateCell, text), options)?.date : undefined;
    const rest = row.children.filter((_, i) => !skip.has(i)).map((c) => visibleTextOf(c, text)).filter(Boolean);
    sink({
      form: 'table', start: startOffset(row), end: endOffset(row), exprBase: startOffset(cell),
      expr: expr?.time || expr?.unknown || expr?.date ? expr : undefined, date: cellDate, zone, year: year ? Number(year) : undefined, text: rest.join(' — '),
    });
  }
}
