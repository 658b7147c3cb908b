// The follow-through report as one self-contained HTML file: no script, a Content-Security-Policy
// that allows only its own stylesheet (by hash), and every piece of document text escaped.
import { formatDuration } from '../model/metrics';
import { barChartSvg, chartTable, type BarChart } from './reportCharts';
import { postmortemFigure, type FollowThroughReport, type GroupFigures, type ReportItem } from './reportData';
import { escapeXml as esc } from './timelineSvg';

const STYLE = `:root{color-scheme:light dark;--fg:#1c2127;--muted:#5f6b7c;--bg:#fff;--line:#d3d8de;--s0:#2d72d2;--s1:#c87619;--bad:#cd4246}
@media (prefers-color-scheme:dark){:root{--fg:#e5e8eb;--muted:#abb3bf;--bg:#1c2127;--line:#404854;--s0:#4c90f0;--s1:#ec9a3c;--bad:#e76a6e}}
@media print{:root{--fg:#000;--muted:#333;--bg:#fff;--line:#999;--s0:#1f4e9c;--s1:#a35a00}section{break-inside:avoid}}
body{font:14px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:24px;max-width:1100px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}.muted{color:var(--muted)}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}td.n{text-align:right}
caption{text-align:left;color:var(--muted)}.bad{color:var(--bad)}
svg.chart{width:100%;max-width:640px;height:auto}.chart .axis{stroke:var(--line)}.chart .tick{fill:var(--muted);font-size:11px}.chart .s0{fill:var(--s0)}.chart .s1{fill:var(--s1)}`;

/** The CSP hash of STYLE, written out so the page builds without node:crypto (the web extension's server); a unit test keeps it current. */
export const STYLE_HASH = 'sha256-r5UszYutSQScCJ6hbbBtnKXIC1PLwsMagQPGljzeMHo=';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
/** Links to the postmortem as a relative path: never a scheme the document could choose. */
/** Each path segment percent-encoded, so a `#` or `?` in a file name stays part of the name. */
const fileHref = (file: string) => `./${file.replace(/^\.?\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
const fileLink = (file: string, line?: number) => `<a href="${esc(fileHref(file))}${line ? `#L${line}` : ''}">${esc(file)}${line ? `:${line}` : ''}</a>`;

function chart(id: string, title: string, groups: GroupFigures[]): BarChart {
  const detect = groups.map((g) => g.medianTimeToDetectMinutes);
  const resolve = groups.map((g) => g.medianTimeToResolveMinutes);
  const worst = groups.reduce<GroupFigures | undefined>((w, g) => ((g.medianTimeToResolveMinutes ?? -1) > (w?.medianTimeToResolveMinutes ?? -1) ? g : w), undefined);
  return {
    id, title, categories: groups.map((g) => g.key), format: (v) => formatDuration(Math.round(v)),
    series: [{ name: 'median time to detect', values: detect }, { name: 'median time to resolve', values: resolve }],
    description: groups.length === 0 ? 'No postmortem had the dates and timeline milestones this chart needs.'
      : `Median time to detect and to resolve for ${groups.length} group${groups.length === 1 ? '' : 's'}${worst?.medianTimeToResolveMinutes != null ? `; the longest median time to resolve is ${formatDuration(Math.round(worst.medianTimeToResolveMinutes))} (${worst.key})` : ''}. The table below gives every value.`,
  };
}

function itemsTable(caption: string, items: ReportItem[]): string {
  if (items.length === 0) return `<p class="muted">${esc(caption)}: none.</p>`;
  const rows = items.map((i) => `<tr><td>${esc(i.text)}</td><td>${esc(i.owner ?? '—')}</td><td>${esc(i.due ?? '—')}</td><td class="n">${i.ageDays ?? '—'}</td><td>${fileLink(i.file, i.line)}</td></tr>`);
  return `<table><caption>${esc(caption)}</caption><tr><th>Action item</th><th>Owner</th><th>Due</th><th>Open for (days)</th><th>Where</th></tr>${rows.join('')}</table>`;
}

/**
 * For an editor's webview: a click on a link or anywhere in its table row asks the editor to open that
 * postmortem at that line, instead of navigating the webview. It reads only the report's own links.
 */
export const OPEN_ON_CLICK_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && (target.closest('a[href]') || (target.closest('tr') && target.closest('tr').querySelector('a[href]')));
    if (!link) return;
    event.preventDefault();
    const match = /^\\.\\/([^#]*)(?:#L(\\d+))?$/.exec(link.getAttribute('href') || '');
    if (match) vscode.postMessage({ type: 'open', file: decodeURIComponent(match[1]), line: match[2] ? Number(match[2]) : undefined });
  });
})();`;

export interface ReportHtmlOptions {
  /** Adds OPEN_ON_CLICK_SCRIPT, allowed by this nonce only (a webview); without it the page has no script. */
  scriptNonce?: string;
}

export function reportHtml(report: FollowThroughReport, options: ReportHtmlOptions = {}): string {
  const t = report.totals;
  const cards = [
    ['Postmortems', `${t.postmortems}`, `${t.incidents} incidents · ${t.nearMisses} near-misses`],
    ['Action items done', pct(t.completionRate), `${t.done} of ${t.items}`],
    ['Median time to close', t.medianDaysToClose === null ? '—' : `${t.medianDaysToClose} days`, 'from the postmortem\'s date'],
    ['Overdue', `${t.overdue}`, 'open past their due date'],
    ['Drifted', report.trackersChecked ? `${t.drifted}` : '—', report.trackersChecked ? 'document and tracker disagree' : 'trackers not checked'],
  ].map(([label, value, note]) => `<div class="card">${esc(label)}<b>${esc(value)}</b><span class="muted">${esc(note)}</span></div>`);
  const charts = [chart('by-month', 'Time to detect and resolve by month', report.byMonth), chart('by-severity', 'Time to detect and resolve by severity', report.bySeverity)];
  const pmRows = report.postmortems.map((p) => `<tr><td>${fileLink(p.file)}<br><span class="muted">${esc(p.title)}</span></td><td>${esc(p.date ?? '—')}</td><td>${esc(p.severity ?? '—')}</td><td>${p.kind === 'near-miss' ? 'near-miss' : 'incident'}</td><td class="n">${postmortemFigure(p, 'timeToDetectMinutes')}</td><td class="n">${postmortemFigure(p, 'timeToMitigateMinutes')}</td><td class="n">${postmortemFigure(p, 'timeToResolveMinutes')}</td><td class="n">${p.items.done}</td><td class="n">${p.items.open}</td><td class="n${p.items.overdue ? ' bad' : ''}">${p.items.overdue}</td><td class="n${p.items.drifted ? ' bad' : ''}">${report.trackersChecked ? p.items.drifted : '—'}</td></tr>`);
  const owners = report.overdueByOwner.map((o) => `<tr><td>${esc(o.owner)}</td><td class="n">${o.overdue}</td></tr>`);
  const nonce = options.scriptNonce && /^[A-Za-z0-9+/=_-]{16,}$/.test(options.scriptNonce) ? options.scriptNonce : undefined;
  const csp = `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'${nonce ? `; script-src 'nonce-${nonce}'` : ''}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Action item follow-through</title><style>${STYLE}</style></head><body>
<h1>Action item follow-through</h1><p class="muted">${t.postmortems} postmortems, generated ${esc(report.generatedOn)}.</p>
<section><div class="cards">${cards.join('')}</div></section>
${charts.map((c) => `<section><h2>${esc(c.title)}</h2>${barChartSvg(c)}${chartTable(c)}</section>`).join('\n')}
<section><h2>Overdue items by owner</h2>${owners.length ? `<table><tr><th>Owner</th><th>Overdue</th></tr>${owners.join('')}</table>` : '<p class="muted">No overdue items.</p>'}</section>
<section><h2>Oldest open items</h2>${itemsTable('Oldest open action items', report.oldestOpen)}</section>
<section><h2>Postmortems</h2><table><tr><th>Postmortem</th><th>Date</th><th>Severity</th><th>Kind</th><th>Detect</th><th>Mitigate</th><th>Resolve</th><th>Done</th><th>Open</th><th>Overdue</th><th>Drifted</th></tr>${pmRows.join('')}</table></section>
${nonce ? `<script nonce="${nonce}">${OPEN_ON_CLICK_SCRIPT}</script>\n` : ''}</body></html>
`;
}
