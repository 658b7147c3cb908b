// The follow-through report as Markdown, for a pull request comment or a wiki page.
import { formatDuration } from '../model/metrics';
import { escapeMarkdown } from './markdownEscape';
import { postmortemFigure, type FollowThroughReport, type GroupFigures } from './reportData';

/** Document text inside a table cell: no pipes, newlines or markup that could change the table. */
const cell = escapeMarkdown;
const d = (m: number | null) => (m === null ? '—' : formatDuration(Math.round(m)));

function groups(title: string, rows: GroupFigures[]): string[] {
  if (rows.length === 0) return [];
  return [`## ${title}`, '', '| | Postmortems | Median time to detect | Median time to resolve |', '| --- | ---: | ---: | ---: |', ...rows.map((g) => `| ${cell(g.key)} | ${g.postmortems} | ${d(g.medianTimeToDetectMinutes)} | ${d(g.medianTimeToResolveMinutes)} |`), ''];
}

export function reportMarkdown(report: FollowThroughReport): string {
  const t = report.totals;
  const lines = [
    '# Action item follow-through', '',
    `${t.postmortems} postmortems (${t.incidents} incidents, ${t.nearMisses} near-misses), generated ${report.generatedOn}.`, '',
    `- Action items done: ${t.done} of ${t.items}${t.completionRate === null ? '' : ` (${Math.round(t.completionRate * 100)}%)`}`,
    `- Median time to close: ${t.medianDaysToClose === null ? 'unknown (no done dates)' : `${t.medianDaysToClose} days`}`,
    `- Overdue: ${t.overdue}`,
    `- Drifted from the tracker: ${report.trackersChecked ? t.drifted : 'not checked (use --trackers)'}`, '',
    ...groups('By month', report.byMonth), ...groups('By severity', report.bySeverity),
  ];
  if (report.overdueByOwner.length) lines.push('## Overdue items by owner', '', '| Owner | Overdue |', '| --- | ---: |', ...report.overdueByOwner.map((o) => `| ${cell(o.owner)} | ${o.overdue} |`), '');
  if (report.oldestOpen.length) lines.push('## Oldest open items', '', '| Action item | Owner | Open for (days) | Where |', '| --- | --- | ---: | --- |', ...report.oldestOpen.map((i) => `| ${cell(i.text)} | ${cell(i.owner ?? '—')} | ${i.ageDays} | ${cell(`${i.file}:${i.line}`)} |`), '');
  lines.push('## Postmortems', '', '| Postmortem | Date | Severity | Kind | Detect | Resolve | Done | Open | Overdue | Drifted |', '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of report.postmortems) lines.push(`| ${cell(p.title)} (${cell(p.file)}) | ${p.date ?? '—'} | ${cell(p.severity ?? '—')} | ${p.kind} | ${postmortemFigure(p, 'timeToDetectMinutes')} | ${postmortemFigure(p, 'timeToResolveMinutes')} | ${p.items.done} | ${p.items.open} | ${p.items.overdue} | ${report.trackersChecked ? p.items.drifted : '—'} |`);
  return lines.join('\n') + '\n';
}
