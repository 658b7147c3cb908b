// `postmortem-lint timeline` and `postmortem-lint actions`: the model as data for other tools.
import { isOverdue, todayFor } from '../model/calendar';
import { computeMetrics, formatFigure, metricFigures } from '../model/metrics';
import type { MetricName } from '../protocol';
import type { Analysis } from '../engine/analyze';
import type { ActionRow, TimelineReport } from './reportTypes';
import { escapeMarkdown } from '../render/markdownEscape';
import { escapeControl } from './terminal';

export type { ActionRow, TimelineReport } from './reportTypes';

export function timelineReport(file: string, analysis: Analysis): TimelineReport {
  const { timeline } = analysis.model;
  return {
    file,
    timezone: timeline.zone?.name ?? timeline.entryZones[0] ?? null,
    entries: timeline.entries.map((e) => ({ line: analysis.lines.line(e.start) + 1, time: e.iso ?? null, date: e.date ?? null, precision: e.precision ?? null, text: e.text, milestone: e.milestone ?? null })),
    metrics: metricFigures(computeMetrics(timeline)),
  };
}

export function timelineText(report: TimelineReport): string {
  const lines = [`${escapeControl(report.file)} (timezone: ${escapeControl(report.timezone ?? 'not stated')})`];
  for (const e of report.entries) {
    lines.push(`  ${String(e.line).padStart(4)}  ${(e.time ?? (e.date ? `${e.date} (day)` : '(no time)')).padEnd(25)} ${e.milestone ? `[${e.milestone}] ` : ''}${escapeControl(e.text)}`);
  }
  const metric = (label: string, name: MetricName): string => `${label}: ${formatFigure(report.metrics, name)}`;
  lines.push('', `  ${metric('time to detect', 'timeToDetectMinutes')} · ${metric('time to mitigate', 'timeToMitigateMinutes')} · ${metric('time to resolve', 'timeToResolveMinutes')}`);
  return lines.join('\n') + '\n';
}


export function actionRows(file: string, analysis: Analysis, now: Date): ActionRow[] {
  const today = todayFor(analysis.model, now);
  return analysis.model.actionItems.map((a) => ({
    file, line: analysis.lines.line(a.start) + 1, text: a.text, owner: a.owner ?? null, due: a.due ?? null,
    status: a.status, tracker: a.tracker ?? null, overdue: isOverdue(a, today),
  }));
}

/**
 * A CSV cell a spreadsheet reads as text: a cell starting with =, +, -, @, tab or CR would be run as
 * a formula, so it gets a leading apostrophe (OWASP's CSV injection guidance) and quotes.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r\t']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function actionsCsv(rows: ActionRow[]): string {
  const header = ['file', 'line', 'text', 'owner', 'due', 'status', 'tracker', 'overdue'] as const;
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n';
}

export function actionsMarkdown(rows: ActionRow[]): string {
  const md = escapeMarkdown;
  return rows.map((r) => `- [${r.status === 'done' ? 'x' : ' '}] ${md(r.text)}${r.owner ? ` (owner: ${md(r.owner)})` : ''}${r.due ? ` (due: ${md(r.due)}${r.overdue ? ', overdue' : ''})` : ''}${r.tracker ? ` ${md(r.tracker)}` : ''} — ${md(r.file)}:${r.line}`).join('\n') + (rows.length ? '\n' : '');
}
