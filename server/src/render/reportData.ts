// The follow-through report as data: per postmortem, per action item, and the figures across them.
// Pure: the caller supplies models and any tracker states, so the same data feeds the CLI and an editor.
import { daysBetween, isOverdue, localToday, todayFor } from '../model/calendar';
import { computeMetrics, formatFigure, type MetricFigures, type MetricName } from '../model/metrics';
import { findDate } from '../model/timeExpression';
import type { ActionItem, Postmortem } from '../model/types';
import { driftOf, type Drift, type TrackerState } from '../trackers/types';
import { isNearMiss } from '../model/nearMiss';

export interface ReportInput {
  file: string;
  model: Postmortem;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
  /** The tracker state of an item, when trackers were read. */
  trackerState?(item: ActionItem): TrackerState | undefined;
}

export interface ReportItem {
  file: string;
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  status: 'open' | 'done';
  overdue: boolean;
  drift: Drift | null;
  /** The day the item was closed: its own done date, else the tracker's close date. */
  closedOn: string | null;
  /** Days from the postmortem's date to closedOn. */
  daysToClose: number | null;
  /** Days since the postmortem's date, for open items. */
  ageDays: number | null;
}

/** A postmortem's line in the report: the model's figures (one shape, model/metrics.ts) it shows. */
export interface ReportPostmortem extends Pick<MetricFigures, 'timeToDetectMinutes' | 'timeToMitigateMinutes' | 'timeToResolveMinutes'> {
  file: string;
  title: string;
  date: string | null;
  severity: string | null;
  kind: 'incident' | 'near-miss';
  /** Figures whose end is placed only by a date: whole days, kept out of the minute medians. */
  countedInDays: MetricName[];
  items: { done: number; open: number; overdue: number; drifted: number };
}

export interface GroupFigures {
  key: string;
  postmortems: number;
  medianTimeToDetectMinutes: number | null;
  medianTimeToResolveMinutes: number | null;
}

export interface FollowThroughReport {
  generatedOn: string;
  trackersChecked: boolean;
  totals: { postmortems: number; incidents: number; nearMisses: number; items: number; done: number; open: number; overdue: number; drifted: number; completionRate: number | null; medianDaysToClose: number | null };
  postmortems: ReportPostmortem[];
  overdueByOwner: Array<{ owner: string; overdue: number }>;
  oldestOpen: ReportItem[];
  byMonth: GroupFigures[];
  bySeverity: GroupFigures[];
  items: ReportItem[];
}

const DONE_ON = /\b(?:done|completed?|closed|fixed|shipped|resolved|merged|landed)\b\W{0,3}(?:on\s+|in\s+)?/gi;

/** A done item's own completion date ("Done 2026-03-04", "completed on March 4, 2026"), if it writes one. */
export function doneDateOf(text: string): string | undefined {
  for (const m of text.matchAll(DONE_ON)) {
    const date = findDate(text.slice(m.index + m[0].length));
    if (date?.index === 0) return date.iso;
  }
  return undefined;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Ordinal comparison: localeCompare costs microseconds per call, which adds up over thousands of rows. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Whole days between two dates; null when either is not a real date ("2026-13-45" in front matter). */
const days = (from: string, to: string): number | null => {
  const d = daysBetween(from, to);
  return Number.isFinite(d) ? d : null;
};

function itemRow(input: ReportInput, item: ActionItem, now: Date): ReportItem {
  const today = todayFor(input.model, now);
  const date = input.model.incidentDate;
  const tracker = input.trackerState?.(item);
  const age = item.status === 'open' && date ? days(date, today) : null;
  const closedOn = item.status === 'done' ? doneDateOf(item.text) ?? tracker?.closedAt?.slice(0, 10) ?? null : null;
  return {
    file: input.file, line: input.lineOf(item.start), text: item.text, owner: item.owner ?? null, due: item.due ?? null, status: item.status,
    overdue: isOverdue(item, today),
    drift: driftOf(item.status, tracker),
    closedOn, daysToClose: closedOn && date && closedOn >= date ? days(date, closedOn) : null,
    ageDays: age === null ? null : Math.max(0, age),
  };
}

function group(rows: ReportPostmortem[], keyOf: (r: ReportPostmortem) => string | null): GroupFigures[] {
  const groups = new Map<string, ReportPostmortem[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!key) continue;
    const members = groups.get(key);
    if (members) members.push(r);
    else groups.set(key, [r]);
  }
  return [...groups].map(([key, rs]) => ({
    key, postmortems: rs.length,
    medianTimeToDetectMinutes: median(rs.flatMap((r) => minutesOf(r, 'timeToDetectMinutes'))),
    medianTimeToResolveMinutes: median(rs.flatMap((r) => minutesOf(r, 'timeToResolveMinutes'))),
  }));
}

/** One postmortem's figure as read: minutes, or whole days when an end is placed only by a date; '—' when unknown. */
export function postmortemFigure(row: ReportPostmortem, name: 'timeToDetectMinutes' | 'timeToMitigateMinutes' | 'timeToResolveMinutes'): string {
  return row[name] === null ? '—' : formatFigure(row, name);
}

/** A figure for a minute median: none when unknown or counted only in whole days. */
function minutesOf(row: ReportPostmortem, name: 'timeToDetectMinutes' | 'timeToResolveMinutes'): number[] {
  const value = row[name];
  return value === null || row.countedInDays.includes(name) ? [] : [value];
}

export function buildReport(inputs: readonly ReportInput[], now: Date, severityScale: readonly string[] = []): FollowThroughReport {
  const today = localToday(now);
  const items: ReportItem[] = [];
  const postmortems = inputs.map((input): ReportPostmortem => {
    const own = input.model.actionItems.map((item) => itemRow(input, item, now));
    items.push(...own);
    const m = computeMetrics(input.model.timeline);
    return {
      file: input.file, title: input.model.meta.title ?? input.file, date: input.model.incidentDate ?? null, severity: input.model.meta.severity ?? null,
      kind: isNearMiss(input.model) ? 'near-miss' : 'incident',
      timeToDetectMinutes: m.timeToDetectMinutes, timeToMitigateMinutes: m.timeToMitigateMinutes, timeToResolveMinutes: m.timeToResolveMinutes,
      countedInDays: [...m.countedInDays],
      items: { done: own.filter((i) => i.status === 'done').length, open: own.filter((i) => i.status === 'open').length, overdue: own.filter((i) => i.overdue).length, drifted: own.filter((i) => i.drift).length },
    };
  });
  postmortems.sort((a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(a.file, b.file));
  const done = items.filter((i) => i.status === 'done').length;
  const owners = new Map<string, number>();
  for (const i of items) if (i.overdue) owners.set(i.owner ?? '(no owner)', (owners.get(i.owner ?? '(no owner)') ?? 0) + 1);
  const rank = (s: string) => {
    const at = severityScale.findIndex((x) => x.toLowerCase() === s.toLowerCase());
    return at === -1 ? severityScale.length : at;
  };
  return {
    generatedOn: today,
    trackersChecked: inputs.some((i) => i.trackerState),
    totals: {
      postmortems: postmortems.length, incidents: postmortems.filter((p) => p.kind === 'incident').length, nearMisses: postmortems.filter((p) => p.kind === 'near-miss').length,
      items: items.length, done, open: items.length - done, overdue: items.filter((i) => i.overdue).length, drifted: items.filter((i) => i.drift).length,
      completionRate: items.length ? done / items.length : null,
      medianDaysToClose: median(items.flatMap((i) => (i.daysToClose === null ? [] : [i.daysToClose]))),
    },
    postmortems,
    overdueByOwner: [...owners].map(([owner, overdue]) => ({ owner, overdue })).sort((a, b) => b.overdue - a.overdue || cmp(a.owner, b.owner)),
    oldestOpen: items.filter((i) => i.ageDays !== null).sort((a, b) => b.ageDays! - a.ageDays! || cmp(a.file, b.file)).slice(0, 10),
    byMonth: group(postmortems, (p) => p.date?.slice(0, 7) ?? null).sort((a, b) => cmp(a.key, b.key)),
    bySeverity: group(postmortems, (p) => p.severity).sort((a, b) => rank(a.key) - rank(b.key) || cmp(a.key, b.key)),
    items,
  };
}
