// The timeline drawing as data: phases to scale, entries with absolute and T+ times, long silences.
// Pure: the webview draws it with DOM calls, the SVG/HTML export with escaped strings.
import type { DocumentOutline, MetricName } from '../protocol';
import { FIGURE_WORDS, formatDuration, formatFigure } from '../model/metrics';

export const GAP_MINUTES = 30;

export interface Phase {
  key: 'to-detect' | 'to-mitigate' | 'to-resolve';
  label: string;
  /** Fractions of the strip's width. */
  from: number;
  to: number;
  minutes: number;
}

export type Row =
  | { kind: 'entry'; index: number; line: number; time: string; elapsed: string; text: string; milestone: string | null; findings: string[]; byDay: boolean }
  | { kind: 'gap'; minutes: number; label: string }
  | { kind: 'day'; date: string };

/**
 * The words the drawing shows, English by default; the extension passes its translation (the webview
 * cannot call vscode.l10n itself). `{0}` stands for a number or a duration.
 */
export const LAYOUT_STRINGS = {
  timeToDetect: 'Time to detect',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
  impact: 'Impact',
  ...FIGURE_WORDS,
  noTime: 'no time',
  thatDay: 'that day',
  withNoEntry: '{0} with no entry',
  untitled: 'Postmortem',
  zoneNotStated: 'timezone not stated',
  toDetect: 'impact → detected',
  toMitigate: 'detected → mitigated',
  toResolve: 'mitigated → resolved',
};
export type LayoutStrings = typeof LAYOUT_STRINGS;

export const fill = (template: string, value: string | number): string => template.replace('{0}', String(value));

export interface TimelineLayout {
  title: string;
  severity?: string;
  zone: string;
  metrics: Array<{ label: string; value: string }>;
  phases: Phase[];
  /** Milestone ticks on the strip: fraction and label. */
  ticks: Array<{ at: number; label: string }>;
  rows: Row[];
  /** Findings that belong to no entry (zone, milestones). */
  notes: string[];
}

const PHASES: Array<{ key: Phase['key']; label: keyof LayoutStrings; from: string; to: string }> = [
  { key: 'to-detect', label: 'toDetect', from: 'impact-start', to: 'detected' },
  { key: 'to-mitigate', label: 'toMitigate', from: 'detected', to: 'mitigated' },
  { key: 'to-resolve', label: 'toResolve', from: 'mitigated', to: 'resolved' },
];

export function layoutTimeline(outline: DocumentOutline, strings: LayoutStrings = LAYOUT_STRINGS): TimelineLayout {
  const { timeline } = outline;
  const m = timeline.metrics;
  // A figure counted in whole days (an end placed only by its date) reads as days, never as hours.
  const value = (name: MetricName) => formatFigure(m, name, strings);
  const metrics = [
    { label: strings.timeToDetect, value: value('timeToDetectMinutes') },
    { label: strings.timeToMitigate, value: value('timeToMitigateMinutes') },
    { label: strings.timeToResolve, value: value('timeToResolveMinutes') },
    { label: strings.impact, value: value('impactMinutes') },
  ];
  // Milestone times relative to the impact start; impact-start itself is 0.
  const at: Record<string, number | undefined> = { 'impact-start': 0, detected: m.timeToDetectMinutes ?? undefined, mitigated: m.timeToMitigateMinutes ?? undefined, resolved: m.timeToResolveMinutes ?? undefined };
  const span = Math.max(1, ...Object.values(at).filter((v): v is number => v !== undefined && v > 0));
  const phases: Phase[] = [];
  for (const p of PHASES) {
    const from = at[p.from];
    const to = at[p.to];
    if (from === undefined || to === undefined || to < from) continue;
    phases.push({ key: p.key, label: strings[p.label], from: from / span, to: to / span, minutes: to - from });
  }
  const ticks = Object.entries(at).filter((e): e is [string, number] => e[1] !== undefined && e[1] >= 0).map(([label, v]) => ({ at: v / span, label }));
  const findingsByLine = new Map<number, string[]>();
  for (const f of timeline.findings) findingsByLine.set(f.line, [...(findingsByLine.get(f.line) ?? []), f.message]);
  const rows: Row[] = [];
  const lines = new Set<number>();
  let previous: number | undefined;
  // Entries over several days, or placed only by their day, are grouped under a row per day: an
  // entry that gives a date and no time belongs to that day, not to its midnight.
  const dates = new Set(timeline.entries.flatMap((e) => (e.date ? [e.date] : [])));
  const byDays = dates.size > 1 || timeline.entries.some((e) => e.precision === 'day');
  let day: string | undefined;
  timeline.entries.forEach((e, index) => {
    if (e.minutes !== undefined && previous !== undefined && e.minutes - previous >= GAP_MINUTES) {
      const gap = Math.round(e.minutes - previous);
      rows.push({ kind: 'gap', minutes: gap, label: fill(strings.withNoEntry, formatDuration(gap)) });
    }
    if (e.minutes !== undefined) previous = e.minutes;
    if (byDays && e.date && e.date !== day) {
      day = e.date;
      rows.push({ kind: 'day', date: e.date });
    }
    const dayOnly = e.precision === 'day' && e.minutes === undefined;
    const findings: string[] = [];
    for (let l = e.line; l <= e.endLine; l++) {
      findings.push(...(findingsByLine.get(l) ?? []));
      lines.add(l);
    }
    const time = dayOnly && byDays ? strings.thatDay : e.timeText ?? strings.noTime;
    rows.push({ kind: 'entry', index, line: e.line, time, elapsed: e.elapsed ?? '', text: e.text, milestone: e.milestone, findings, byDay: dayOnly });
  });
  const notes = timeline.findings.filter((f) => !lines.has(f.line)).map((f) => f.message);
  return { title: outline.title ?? strings.untitled, severity: outline.severity, zone: timeline.zone ?? strings.zoneNotStated, metrics, phases, ticks, rows, notes };
}

export interface PlacedLabel {
  /** Left edge and width, in the same unit as `total` (pixels). */
  left: number;
  width: number;
  /** 0 is the line right under the strip; each further lane is one line lower. */
  lane: number;
}

/**
 * Lays milestone labels out under the strip so that no two boxes overlap: each label is centred on
 * its tick (kept inside the strip), and goes to the first lane where it clears the labels already
 * there by `gap`. Milestones at the same moment or minutes apart stack; far-apart ones share lane 0.
 * Widths are measured by the caller (the webview from the DOM, the SVG from the font size), so the
 * same rule serves both drawings.
 */
export function placeLabels(labels: Array<{ at: number; width: number }>, total: number, gap = 8): PlacedLabel[] {
  const placed: PlacedLabel[] = new Array(labels.length);
  const laneEnds: number[] = [];
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  for (const label of order) {
    const width = Math.min(label.width, total);
    const left = Math.max(0, Math.min(total - width, label.at * total - width / 2));
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = left + width;
    placed[label.i] = { left, width, lane };
  }
  return placed;
}
