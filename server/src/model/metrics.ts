// Time to detect, mitigate and resolve, measured from the impact start.
import { daysBetween } from './calendar';
import type { Milestone, Timeline, TimelineEntry } from './types';

/** The incident's durations from its impact start, in minutes; null when the timeline does not settle them. */
export interface MetricFigures {
  timeToDetectMinutes: number | null;
  timeToAcknowledgeMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  impactMinutes: number | null;
  /**
   * Figures counted in whole calendar days, because an end is placed only by its date: "2 days" means
   * the dates are two apart, not 2,880 minutes measured.
   */
  countedInDays?: MetricName[];
}

export type MetricName = 'timeToDetectMinutes' | 'timeToAcknowledgeMinutes' | 'timeToMitigateMinutes' | 'timeToResolveMinutes' | 'impactMinutes';

export const MILESTONE_LABELS: Record<Milestone, string> = {
  'impact-start': 'impact start',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  mitigated: 'mitigation',
  resolved: 'resolution',
};

export interface IncidentMetrics extends MetricFigures {
  /** The entry the metrics count from: the impact-start milestone, else the first timed entry (else the first dated one). */
  impactStart?: TimelineEntry;
  impactStartInferred: boolean;
  countedInDays: MetricName[];
}

/** The figures every face shows (outline, CLI timeline, report data), written once. */
export const NO_METRICS: MetricFigures = { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, impactMinutes: null, countedInDays: [] };

export function metricFigures(m: IncidentMetrics): MetricFigures {
  return { timeToDetectMinutes: m.timeToDetectMinutes, timeToAcknowledgeMinutes: m.timeToAcknowledgeMinutes, timeToMitigateMinutes: m.timeToMitigateMinutes, timeToResolveMinutes: m.timeToResolveMinutes, impactMinutes: m.impactMinutes, countedInDays: [...m.countedInDays] };
}

const DAY_MINUTES = 1440;

/** Placed in time: to the minute, or at least to the day ("2024-02-26 - v2.2.0 released"). */
function placed(e: TimelineEntry): boolean {
  return e.minutes !== undefined || (e.precision === 'day' && e.date !== undefined);
}

export function milestoneEntry(timeline: Timeline, milestone: Milestone): TimelineEntry | undefined {
  return timeline.entries.find((e) => e.milestone === milestone && placed(e));
}

/**
 * The time between two entries, as finely as both are placed: minutes when both have a time; whole
 * calendar days when one is placed only by its date and both have one (never a time the document
 * does not give); null otherwise.
 */
function between(from: TimelineEntry, to: TimelineEntry): { minutes: number; byDay: boolean } | null {
  if (from.minutes !== undefined && to.minutes !== undefined) return { minutes: Math.round(to.minutes - from.minutes), byDay: false };
  if (from.date && to.date) return { minutes: daysBetween(from.date, to.date) * DAY_MINUTES, byDay: true };
  return null;
}

/**
 * With no entry marked as the impact start, the first entry placed in time; when that one gives only
 * its day and a later entry gives a time on the same day, that time (finer, and the same day).
 */
function inferredStart(entries: readonly TimelineEntry[]): TimelineEntry | undefined {
  const first = entries.find(placed);
  if (!first || first.minutes !== undefined) return first;
  return entries.find((e) => e.minutes !== undefined && e.date === first.date) ?? first;
}

export function computeMetrics(timeline: Timeline): IncidentMetrics {
  const marked = milestoneEntry(timeline, 'impact-start');
  const start = marked ?? inferredStart(timeline.entries);
  const countedInDays: MetricName[] = [];
  const since = (m: Milestone, name: MetricName): number | null => {
    const entry = milestoneEntry(timeline, m);
    const span = start && entry ? between(start, entry) : null;
    if (span?.byDay) countedInDays.push(name);
    return span ? span.minutes : null;
  };
  const detect = since('detected', 'timeToDetectMinutes');
  const acknowledge = since('acknowledged', 'timeToAcknowledgeMinutes');
  const mitigate = since('mitigated', 'timeToMitigateMinutes');
  const resolve = since('resolved', 'timeToResolveMinutes');
  const impact = mitigate ?? resolve;
  if (impact !== null && countedInDays.includes(mitigate !== null ? 'timeToMitigateMinutes' : 'timeToResolveMinutes')) countedInDays.push('impactMinutes');
  return {
    impactStart: start,
    impactStartInferred: !marked,
    timeToDetectMinutes: detect,
    timeToAcknowledgeMinutes: acknowledge,
    timeToMitigateMinutes: mitigate,
    timeToResolveMinutes: resolve,
    impactMinutes: impact,
    countedInDays,
  };
}

/**
 * The words a figure is written with, English by default; the timeline preview passes its translated
 * table. `{0}` in `days` stands for the number.
 */
export interface FigureWords {
  unknown: string;
  sameDay: string;
  oneDay: string;
  days: string;
}

export const FIGURE_WORDS: FigureWords = { unknown: 'unknown', sameDay: 'same day', oneDay: '1 day', days: '{0} days' };

type FigureSource = Partial<Record<MetricName, number | null>> & { countedInDays?: readonly MetricName[] };

/**
 * What a figure says, before it is put in words: not settled; counted in calendar days (0 is the same
 * day); or measured in minutes. Callers that phrase around a figure ("after 2 days") ask this, never
 * the words, which may be translated.
 */
export type FigureReading = { kind: 'unknown' } | { kind: 'days'; days: number } | { kind: 'minutes'; minutes: number };

export function readFigure(figures: FigureSource, name: MetricName): FigureReading {
  const value = figures[name];
  if (value === null || value === undefined) return { kind: 'unknown' };
  if (!figures.countedInDays?.includes(name)) return { kind: 'minutes', minutes: value };
  return { kind: 'days', days: Math.round(value / DAY_MINUTES) };
}

/** A reading in words: "1h45m"; counted in days, "2 days", "1 day" or "same day"; "unknown" when not settled. */
export function figureText(reading: FigureReading, words: FigureWords = FIGURE_WORDS): string {
  if (reading.kind === 'unknown') return words.unknown;
  if (reading.kind === 'minutes') return formatDuration(reading.minutes);
  if (reading.days === 0) return words.sameDay;
  return (reading.days === 1 ? words.oneDay : words.days).replace('{0}', String(reading.days));
}

/** A figure as people read it (see figureText), in the words given. */
export function formatFigure(figures: FigureSource, name: MetricName, words: FigureWords = FIGURE_WORDS): string {
  return figureText(readFigure(figures, name), words);
}

/** "9m", "1h45m", "2d3h". */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let m = Math.abs(Math.round(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  if (d > 0) return `${sign}${d}d${h ? `${h}h` : ''}`;
  if (h > 0) return `${sign}${h}h${m ? `${String(m).padStart(2, '0')}m` : ''}`;
  return `${sign}${m}m`;
}

/** "T+00:42" elapsed from the impact start. */
export function formatElapsed(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `T${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
