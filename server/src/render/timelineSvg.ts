// The timeline as a standalone SVG (and an HTML page around it), for slides and review documents.
// Every piece of document text is escaped: the output never carries markup from the document.
import type { DocumentOutline } from '../protocol';
import { layoutTimeline, placeLabels, type LayoutStrings } from './timelineLayout';

export function escapeXml(s: string): string {
  // Control characters are not allowed in XML at all: drop them.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const COLORS = { 'to-detect': '#d9822b', 'to-mitigate': '#c23030', 'to-resolve': '#0f9960' };
const WIDTH = 960;
const ROW = 26;
const LABEL_FONT = 11;
const LABEL_TOP = 104;
const LANE = 14;

/** A label's width at LABEL_FONT, on the generous side (0.62em per character) so estimates never overlap. */
function labelWidth(label: string): number {
  return Math.ceil(label.length * LABEL_FONT * 0.62);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function timelineSvg(outline: DocumentOutline, strings?: LayoutStrings): string {
  const layout = layoutTimeline(outline, strings);
  const stripX = 20;
  const stripW = WIDTH - 40;
  // Milestone labels: a tick on the strip, the label under it in the first lane where it overlaps no
  // other label (placeLabels), and a leader line down to it.
  const placed = placeLabels(layout.ticks.map((t) => ({ at: t.at, width: labelWidth(t.label) })), stripW);
  const lanes = Math.max(1, ...placed.map((p) => p.lane + 1));
  const top = LABEL_TOP + lanes * LANE + 10;
  const height = top + 60 + layout.rows.length * ROW + layout.notes.length * ROW + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="30" font-size="20" font-weight="600" fill="#1c2127">${escapeXml(layout.title)}${layout.severity ? ` · ${escapeXml(layout.severity)}` : ''}</text>`,
    `<text x="20" y="52" fill="#5f6b7c">${layout.metrics.map((m) => `${escapeXml(m.label)}: ${escapeXml(m.value)}`).join('   ·   ')}   ·   ${escapeXml(layout.zone)}</text>`,
    `<rect x="${stripX}" y="70" width="${stripW}" height="18" fill="#e5e8eb" rx="3"/>`,
  ];
  for (const p of layout.phases) {
    out.push(`<rect x="${(stripX + p.from * stripW).toFixed(1)}" y="70" width="${Math.max(2, (p.to - p.from) * stripW).toFixed(1)}" height="18" fill="${COLORS[p.key]}"><title>${escapeXml(p.label)}</title></rect>`);
  }
  layout.ticks.forEach((t, i) => {
    const x = stripX + t.at * stripW;
    const p = placed[i];
    const y = LABEL_TOP + p.lane * LANE;
    out.push(`<line x1="${x.toFixed(1)}" y1="88" x2="${x.toFixed(1)}" y2="${(y - 9).toFixed(1)}" stroke="#8f99a8" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${(stripX + p.left).toFixed(1)}" y="${y}" fill="#5f6b7c" font-size="${LABEL_FONT}">${escapeXml(t.label)}</text>`);
  });
  let y = top + 20;
  for (const row of layout.rows) {
    if (row.kind === 'gap') {
      out.push(`<text x="150" y="${y}" fill="#8f99a8" font-style="italic">⋯ ${escapeXml(row.label)}</text>`);
    } else if (row.kind === 'day') {
      out.push(`<text class="day" x="20" y="${y}" fill="#1c2127" font-weight="600">${escapeXml(row.date)}</text>`);
    } else {
      const mark = row.milestone ? `<tspan fill="#2d72d2" font-weight="600">[${escapeXml(row.milestone)}] </tspan>` : '';
      const warn = row.findings.length ? `<tspan fill="#c87619"> ⚠ ${escapeXml(clip(row.findings[0], 60))}</tspan>` : '';
      out.push(`<text x="20" y="${y}" fill="#1c2127"><tspan font-family="monospace">${escapeXml(row.time.padEnd(5))}</tspan><tspan x="150" fill="#5f6b7c" font-family="monospace">${escapeXml(row.elapsed)}</tspan><tspan x="240">${mark}${escapeXml(clip(row.text, 90))}</tspan>${warn}</text>`);
    }
    y += ROW;
  }
  for (const note of layout.notes) {
    out.push(`<text x="20" y="${y}" fill="#c87619">⚠ ${escapeXml(clip(note, 140))}</text>`);
    y += ROW;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export function timelineHtml(outline: DocumentOutline): string {
  const title = escapeXml(outline.title ?? 'Postmortem');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Timeline: ${title}</title><style>body{margin:24px;background:#f6f7f9}svg{max-width:100%;height:auto;box-shadow:0 1px 3px #0002}</style></head><body>\n${timelineSvg(outline)}</body></html>\n`;
}
