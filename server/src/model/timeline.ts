// Turns a timeline section into dated, zoned, ordered entries with milestones.
import { assignMilestones, explicitMilestone } from './milestones';
import type { SectionWithNodes } from './sections';
import { collectRawEntries, type RawEntry, type RawItem } from './timelineEntries';
import { findDate, type CalendarDate, type ClockTime, type ReadOptions } from './timeExpression';
import type { Section, Timeline, TimelineEntry } from './types';
import { formatOffset, zoneOffset, ZONE_PATTERN } from './zones';

const ZONE_NAME = String.raw`(${ZONE_PATTERN}|[A-Z][A-Za-z_]+/[A-Za-z_/]+)`;
/**
 * A zone stated for the whole timeline, in any form: "All times in UTC.", "*(All times US/Pacific,
 * 24-hour clock.)*", "Timeline (all times PST)", "Timestamps are PDT", "Timeline (UTC)".
 */
const PREAMBLE = new RegExp(String.raw`\b(?:[Tt]imes?(?:\s*stamps?)?|[Tt]ime\s*zone|TZ|tz)\b[^.;\n()]{0,40}?(?<![A-Za-z])${ZONE_NAME}(?![A-Za-z])|\(\s*${ZONE_NAME}\s*\)`);
const NEXT_DAY = /\b(?:next|following) day\b|\(\+1d?\)|\+1d\b|\bovernight\b|\bafter midnight\b/i;
const DAY_MINUTES = 1440;
const NOMINAL_YEAR = 2000;

export interface TimelineInputs {
  section?: SectionWithNodes;
  text: string;
  /** YYYY-MM-DD used for entries before any date is written. */
  incidentDate?: string;
  options?: ReadOptions;
  frontMatterZone?: string;
  settingsZone?: string;
}

function daysFromCivil(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const dt = new Date(days * 86400000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function findPreambleZone(source: string): string | undefined {
  const m = PREAMBLE.exec(source);
  return m?.[1] ?? m?.[2];
}

/**
 * The calendar date of a day number, as YYYY-MM-DD: the same few days recur on every entry of a
 * long timeline, so their (flat) strings are kept; the entries' `date` is this string too.
 */
const dayStrings = new Map<number, string>();
const DAY_STRINGS_LIMIT = 4096;

function dayString(days: number): string {
  let day = dayStrings.get(days);
  if (day === undefined) {
    const c = civilFromDays(days);
    day = `${c.year}-${pad(c.month)}-${pad(c.day)}`;
    if (dayStrings.size >= DAY_STRINGS_LIMIT) dayStrings.clear();
    dayStrings.set(days, day);
  }
  return day;
}

function isoOf(days: number, time: ClockTime, offset: number): string {
  return `${dayString(days)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${formatOffset(offset)}`;
}

/** Where HTML comments open between `from` and `to`, ascending. */
function commentStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('<!--', from); at !== -1 && at < to; at = text.indexOf('<!--', at + 4)) starts.push(at);
  return starts;
}

/** Whether a comment opens inside [start, end): only then can an entry carry a milestone marker. */
function opensComment(starts: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] + 4 <= end;
}

function toEntry(raw: RawEntry, text: string, comments: readonly number[]): TimelineEntry {
  const entry: TimelineEntry = { form: raw.form, start: raw.start, end: raw.end, text: raw.text };
  const expr = raw.expr;
  if (expr && !expr.unknown) {
    entry.timeSpan = { start: raw.exprBase + expr.start, end: raw.exprBase + expr.end };
    entry.timeText = text.slice(entry.timeSpan.start, entry.timeSpan.end);
    if (expr.invalid) entry.invalidTime = expr.invalid;
  }
  const marked = opensComment(comments, raw.start, raw.end) ? explicitMilestone(text.slice(raw.start, raw.end)) : undefined;
  if (marked) {
    entry.milestone = marked;
    entry.milestoneExplicit = true;
  }
  return entry;
}

function withoutNodes({ nodes: _nodes, ...section }: SectionWithNodes): Section {
  return section;
}

/** The timeline of a section; `raws`: its entries when the caller already read them (with the same options). */
export function buildTimeline(inputs: TimelineInputs, raws?: RawItem[]): Timeline {
  const { section, text } = inputs;
  // The model holds the section without its mdast nodes (as for `sections`): positions below a moved
  // block are its origin's (parsing/units.ts), and the model crosses threads.
  const timeline: Timeline = { section: section && withoutNodes(section), entries: [], entryZones: [] };
  if (!section) return timeline;
  raws ??= collectRawEntries(section.nodes, text, section.end, inputs.options);
  // The preamble: the heading itself and what comes before the first entry.
  const firstEntry = raws.find((r): r is RawEntry => !('dateLine' in r));
  const firstBlock = firstEntry && section.nodes.find((n) => (n.position?.end.offset ?? 0) > firstEntry.start);
  const preambleEnd = Math.min(firstBlock?.position?.start.offset ?? firstEntry?.start ?? section.body.end, section.body.start + 2000);
  const preamble = findPreambleZone(`${section.title}\n${text.slice(section.body.start, preambleEnd)}`);
  const column = raws.find((r): r is RawEntry => !('dateLine' in r) && r.zone !== undefined)?.zone;
  const stated = inputs.frontMatterZone ?? preamble ?? column ?? inputs.settingsZone;
  if (stated) timeline.zone = { name: stated, source: inputs.frontMatterZone ? 'front-matter' : preamble ? 'preamble' : column ? 'column' : 'settings' };

  // Entries before any written date fall on the incident's date, or the first date the heading gives.
  const initial = (inputs.incidentDate ?? findDate(section.title)?.iso)?.split('-').map(Number);
  let carried: (CalendarDate & { year?: number }) | undefined = initial ? { year: initial[0], month: initial[1], day: initial[2] } : undefined;
  let previousLocal: number | undefined;
  const zones = new Set<string>();
  let lastWritten: string | undefined;

  // Reading each entry's source for a marker was most of the fold's cost; few entries hold a comment at all.
  let from = Infinity;
  let to = -Infinity;
  for (const raw of raws) {
    if ('dateLine' in raw) continue;
    from = Math.min(from, raw.start);
    to = Math.max(to, raw.end);
  }
  const comments = from < to ? commentStarts(text, from, to) : [];
  for (const item of raws) {
    if ('dateLine' in item) {
      carried = { ...item.dateLine, year: item.dateLine.year ?? carried?.year };
      previousLocal = undefined;
      continue;
    }
    const entry = toEntry(item, text, comments);
    timeline.entries.push(entry);
    const expr = item.expr;
    if (expr?.invalid) continue;
    const written = expr?.date ?? item.date;
    if (written) carried = { ...written, year: written.year ?? item.year ?? carried?.year };
    if (!expr?.time) {
      // A date and no time: an entry placed by day.
      if (written && carried?.year !== undefined) {
        entry.date = `${carried.year}-${pad(carried.month)}-${pad(carried.day)}`;
        entry.precision = 'day';
      }
      continue;
    }
    const dated = carried?.year !== undefined;
    // A month and day with no year known ("Mar 9, 4:17 AM") still order by day: place them in a
    // nominal leap year, without claiming a date.
    const day = carried ? daysFromCivil(carried.year ?? NOMINAL_YEAR, carried.month, carried.day) : 0;
    let local = day * DAY_MINUTES + expr.time.hour * 60 + expr.time.minute;
    // A time earlier than the one before it, with no date of its own, is the next day only when the
    // text says so or when going back would mean more than 12 hours: otherwise it is out of order.
    if (!written && previousLocal !== undefined && local < previousLocal && (NEXT_DAY.test(entry.text) || previousLocal - local > 12 * 60)) {
      local += DAY_MINUTES;
      if (carried) {
        const next = civilFromDays(Math.floor(local / DAY_MINUTES));
        carried = dated ? next : { month: next.month, day: next.day };
      }
    }
    previousLocal = local;
    // A zone written on one entry carries to the entries after it when the timeline states none.
    const zone = expr.zone ?? item.zone ?? stated ?? lastWritten;
    if (expr.zone) {
      zones.add(expr.zone.toUpperCase());
      lastWritten = expr.zone;
    }
    const offset = zone ? zoneOffset(zone, local, dated) ?? 0 : 0;
    entry.zone = zone;
    entry.minutes = local - offset;
    entry.precision = expr.time.second ? 'second' : 'minute';
    const days = Math.floor(local / DAY_MINUTES);
    if (dated) {
      entry.iso = isoOf(days, expr.time, offset);
      // The ISO string's first ten characters, without reading them back out of it (a four-digit year's day string is exactly those).
      const day = dayString(days);
      entry.date = day.length === 10 ? day : entry.iso.slice(0, 10);
    }
    if (expr.endTime) {
      let endLocal = days * DAY_MINUTES + expr.endTime.hour * 60 + expr.endTime.minute;
      if (endLocal < local) endLocal += DAY_MINUTES;
      entry.endMinutes = endLocal - offset;
      if (dated) entry.endIso = isoOf(Math.floor(endLocal / DAY_MINUTES), expr.endTime, offset);
    }
  }
  timeline.entryZones = [...zones];
  timeline.form = timeline.entries[0]?.form;
  assignMilestones(timeline.entries);
  return timeline;
}
