// Bar charts as SVG for the follow-through report. Colours come from CSS classes (theme and print
// styles pick them); every chart carries a title and description, and a data table follows it.
import { escapeXml } from './timelineSvg';

export interface Series {
  name: string;
  values: Array<number | null>;
}

export interface BarChart {
  id: string;
  title: string;
  /** One sentence that says what the chart shows, for readers who cannot see it. */
  description: string;
  categories: string[];
  series: Series[];
  format(value: number): string;
}

const W = 640;
const H = 220;
const PAD = { left: 56, right: 12, top: 16, bottom: 44 };

export function barChartSvg(chart: BarChart): string {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = Math.max(1, chart.categories.length);
  const slot = plotW / n;
  const bar = Math.max(1, (slot * 0.8) / Math.max(1, chart.series.length));
  // Label every category when they fit, else every k-th, so the axis stays readable at any count.
  const every = Math.max(1, Math.ceil(n / 12));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${chart.id}-t ${chart.id}-d">`,
    `<title id="${chart.id}-t">${escapeXml(chart.title)}</title><desc id="${chart.id}-d">${escapeXml(chart.description)}</desc>`,
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}"/>`,
    `<text class="tick" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${escapeXml(chart.format(max))}</text>`,
    `<text class="tick" x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text>`,
  ];
  chart.categories.forEach((category, c) => {
    chart.series.forEach((s, k) => {
      const v = s.values[c];
      if (v === null || v === undefined) return;
      const h = (v / max) * plotH;
      const x = PAD.left + c * slot + slot * 0.1 + k * bar;
      out.push(`<rect class="s${k}" x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(0.5, h).toFixed(1)}"><title>${escapeXml(`${category} · ${s.name}: ${chart.format(v)}`)}</title></rect>`);
    });
    if (c % every === 0) out.push(`<text class="tick" x="${(PAD.left + c * slot + slot / 2).toFixed(1)}" y="${PAD.top + plotH + 16}" text-anchor="middle">${escapeXml(category.length > 12 ? `${category.slice(0, 11)}…` : category)}</text>`);
  });
  chart.series.forEach((s, k) => {
    const x = PAD.left + k * 170;
    out.push(`<rect class="s${k}" x="${x}" y="${H - 14}" width="10" height="10"/><text class="tick" x="${x + 14}" y="${H - 5}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** The chart's numbers as a table: its text alternative, and what print and screen readers use. */
export function chartTable(chart: BarChart): string {
  const head = `<tr><th scope="col">${escapeXml(chart.title.split(' by ').pop() ?? '')}</th>${chart.series.map((s) => `<th scope="col">${escapeXml(s.name)}</th>`).join('')}</tr>`;
  const rows = chart.categories.map((c, i) => `<tr><th scope="row">${escapeXml(c)}</th>${chart.series.map((s) => `<td>${s.values[i] === null ? '—' : escapeXml(chart.format(s.values[i]!))}</td>`).join('')}</tr>`);
  return `<table class="data" id="${chart.id}-table"><caption>${escapeXml(chart.title)} (data)</caption>${head}${rows.join('')}</table>`;
}
