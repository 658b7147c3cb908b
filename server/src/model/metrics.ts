// Time to detect, mitigate and resolve, measured from the impact start.
import type { MetricFigures } from '../protocol';
import type { Milestone, Timeline, TimelineEntry } from './types';

export const MILESTONE_LABELS: Record<Milestone, string> = {
  'impact-start': 'impact start',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  mitigated: 'mitigation',
  resolved: 'resolution',
};

export interface IncidentMetrics extends MetricFigures {
  /** The entry the metrics count from: the impact-start milestone, else the first timed entry. */
  impactStart?: TimelineEntry;
  impactStartInferred: boolean;
}

/** The figures every face shows (outline, CLI timeline, report data), written once. */
export const NO_METRICS: MetricFigures = { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, impactMinutes: null };

export function metricFigures(m: IncidentMetrics): MetricFigures {
  return { timeToDetectMinutes: m.timeToDetectMinutes, timeToAcknowledgeMinutes: m.timeToAcknowledgeMinutes, timeToMitigateMinutes: m.timeToMitigateMinutes, timeToResolveMinutes: m.timeToResolveMinutes, impactMinutes: m.impactMinutes };
}

export function milestoneEntry(timeline: Timeline, milestone: Milestone): TimelineEntry | undefined {
  return timeline.entries.find((e) => e.milestone === milestone && e.minutes !== undefined);
}

export function computeMetrics(timeline: Timeline): IncidentMetrics {
  const marked = milestoneEntry(timeline, 'impact-start');
  const start = marked ?? timeline.entries.find((e) => e.minutes !== undefined);
  const since = (m: Milestone): number | null => {
    const entry = milestoneEntry(timeline, m);
    if (!start || !entry || start.minutes === undefined || entry.minutes === undefined) return null;
    return Math.round(entry.minutes - start.minutes);
  };
  const mitigate = since('mitigated');
  const resolve = since('resolved');
  return {
    impactStart: start,
    impactStartInferred: !marked,
    timeToDetectMinutes: since('detected'),
    timeToAcknowledgeMinutes: since('acknowledged'),
    timeToMitigateMinutes: mitigate,
    timeToResolveMinutes: resolve,
    impactMinutes: mitigate ?? resolve,
  };
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
