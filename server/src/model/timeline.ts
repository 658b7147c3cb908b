// Turns a timeline section into dated, zoned, ordered entries with milestones.
import { assignMilestones, explicitMilestone } from './milestones';
import type { SectionWithNodes } from './sections';
import { collectRawEntries, type RawEntry } from './timelineEntries';
import type { CalendarDate } from './timeExpression';
import type { Timeline, TimelineEntry } from './types';
import { formatOffset, zoneOffset, ZONE_PATTERN } from './zones';

const PREAMBLE = new RegExp(String.raw`\b(?:(?:all\s+)?times?(?:stamps?)?\s+(?:are\s+|is\s+)?(?:(?:given|shown|listed|written|reported)\s+)?(?:in|are)\s+(?:the\s+)?|time\s*zone\s*(?:is|:)\s*)(${ZONE_PATTERN}|[A-Z][A-Za-z_]+/[A-Za-z_/]+)\b`);
const NEXT_DAY = /\b(?:next|following) day\b|\(\+1d?\)|\+1d\b|\bovernight\b|\bafter midnight\b/i;
const DAY_MINUTES = 1440;

export interface TimelineInputs {
  section?: SectionWithNodes;
  text: string;
  /** YYYY-MM-DD used for entries before any date is written. */
  incidentDate?: string;
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
  return PREAMBLE.exec(source)?.[1];
}

function toEntry(raw: RawEntry, text: string): TimelineEntry {
  const entry: TimelineEntry = { form: raw.form, start: raw.start, end: raw.end, text: raw.text };
  const expr = raw.expr;
  if (expr && !expr.unknown) {
    entry.timeSpan = { start: raw.exprBase + expr.start, end: raw.exprBase + expr.end };
    entry.timeText = text.slice(entry.timeSpan.start, entry.timeSpan.end);
    if (expr.invalid) entry.invalidTime = expr.invalid;
  }
  const marked = explicitMilestone(text.slice(raw.start, raw.end));
  if (marked) {
    entry.milestone = marked;
    entry.milestoneExplicit = true;
  }
  return entry;
}

export function buildTimeline(inputs: TimelineInputs): Timeline {
  const { section, text } = inputs;
  const timeline: Timeline = { section, entries: [], entryZones: [] };
  if (!section) return timeline;
  const preamble = findPreambleZone(text.slice(section.body.start, section.body.end));
  const stated = inputs.frontMatterZone ?? preamble ?? inputs.settingsZone;
  if (stated) timeline.zone = { name: stated, source: inputs.frontMatterZone ? 'front-matter' : preamble ? 'preamble' : 'settings' };

  const initial = inputs.incidentDate?.split('-').map(Number);
  let carried: (CalendarDate & { year?: number }) | undefined = initial ? { year: initial[0], month: initial[1], day: initial[2] } : undefined;
  let previousLocal: number | undefined;
  const zones = new Set<string>();
  let lastWritten: string | undefined;

  for (const item of collectRawEntries(section.nodes, text, section.end)) {
    if ('dateLine' in item) {
      carried = { ...item.dateLine, year: item.dateLine.year ?? carried?.year };
      previousLocal = undefined;
      continue;
    }
    const entry = toEntry(item, text);
    timeline.entries.push(entry);
    const expr = item.expr;
    if (!expr?.time || expr.invalid) continue;
    const written = expr.date ?? item.date;
    if (written) carried = { ...written, year: written.year ?? carried?.year };
    const day = carried?.year !== undefined ? daysFromCivil(carried.year, carried.month, carried.day) : 0;
    let local = day * DAY_MINUTES + expr.time.hour * 60 + expr.time.minute;
    // A time earlier than the one before it, with no date of its own, is the next day only when the
    // text says so or when going back would mean more than 12 hours: otherwise it is out of order.
    if (!written && previousLocal !== undefined && local < previousLocal && (NEXT_DAY.test(entry.text) || previousLocal - local > 12 * 60)) {
      local += DAY_MINUTES;
      if (carried?.year !== undefined) carried = civilFromDays(Math.floor(local / DAY_MINUTES));
    }
    previousLocal = local;
    // A zone written on one entry carries to the entries after it when the timeline states none.
    const zone = expr.zone ?? stated ?? lastWritten;
    if (expr.zone) {
      zones.add(expr.zone.toUpperCase());
      lastWritten = expr.zone;
    }
    const offset = zone ? zoneOffset(zone, local) ?? 0 : 0;
    entry.zone = zone;
    entry.minutes = local - offset;
    if (carried?.year !== undefined) {
      const c = civilFromDays(Math.floor(local / DAY_MINUTES));
      entry.iso = `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(expr.time.hour)}:${pad(expr.time.minute)}:${pad(expr.time.second)}${formatOffset(offset)}`;
    }
  }
  timeline.entryZones = [...zones];
  timeline.form = timeline.entries[0]?.form;
  assignMilestones(timeline.entries);
  return timeline;
}
