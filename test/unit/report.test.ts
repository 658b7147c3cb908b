import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyze } from '../../server/src/engine/analyze';
import { buildReport, doneDateOf, median, type ReportInput } from '../../server/src/render/reportData';
import { reportHtml } from '../../server/src/render/reportHtml';
import { reportMarkdown } from '../../server/src/render/reportMarkdown';
import { generateWorkspace } from '../helpers/workspace';

const NOW = new Date('2026-01-01T00:00:00Z');

function inputs(count: number, hostile = ''): ReportInput[] {
  return generateWorkspace(count, hostile).map(({ file, text }) => {
    const a = analyze(text, { now: NOW });
    return { file, model: a.model, lineOf: (o) => a.lines.line(o) + 1 };
  });
}

describe('follow-through report data', () => {
  it('reads a done item\'s own completion date', () => {
    assert.equal(doneDateOf('Add an alert. Done 2026-03-04.'), '2026-03-04');
    assert.equal(doneDateOf('Shipped on March 4, 2026'), '2026-03-04');
    assert.equal(doneDateOf('Add an alert. Due: 2026-03-04.'), undefined);
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([]), null);
  });

  for (const count of [10, 1000]) {
    it(`counts a generated workspace of ${count} postmortems as the generator built it`, function () {
      this.timeout(120_000);
      const generated = generateWorkspace(count);
      const report = buildReport(inputs(count), NOW, ['SEV-1', 'SEV-2', 'SEV-3']);
      const nearMisses = generated.filter((g) => g.nearMiss).length;
      assert.deepEqual(report.totals, {
        postmortems: count, incidents: count - nearMisses, nearMisses,
        items: 4 * count, done: 2 * count, open: 2 * count, overdue: count, drifted: 0,
        completionRate: 0.5, medianDaysToClose: 10,
      });
      assert.deepEqual(report.overdueByOwner, [{ owner: '@cy', overdue: count }]);
      assert.deepEqual(report.bySeverity.map((g) => [g.key, g.postmortems]), [['SEV-1', Math.ceil(count / 3)], ['SEV-2', Math.ceil((count - 1) / 3)], ['SEV-3', Math.ceil((count - 2) / 3)]]);
      const months = [...new Set(generated.map((g) => g.month))].sort();
      assert.deepEqual(report.byMonth.map((g) => g.key), months);
      const january = generated.filter((g) => g.month === '2025-01').map((g) => g.detectMinutes);
      assert.equal(report.byMonth[0].medianTimeToDetectMinutes, median(january));
      assert.ok(report.byMonth.every((g) => g.medianTimeToResolveMinutes === 60));
      assert.equal(report.oldestOpen.length, Math.min(10, 2 * count));
      assert.equal(report.oldestOpen[0].ageDays, Math.round((NOW.getTime() - Date.parse('2025-01-05')) / 86_400_000));
    });
  }

  it('gives no age or time to close, never NaN, when the postmortem\'s date is not a real date', () => {
    const a = analyze('# X\n\n## Action items\n\n- [ ] Add an alert. Owner: @ana.\n- [x] Cap retries. Done 2026-02-01.\n', { now: NOW });
    // The report takes models from any caller; one may carry a date that names no real day.
    const report = buildReport([{ file: 'x.md', model: { ...a.model, incidentDate: '2026-13-45' }, lineOf: (o) => a.lines.line(o) + 1 }], NOW);
    assert.ok(report.items.every((i) => i.ageDays === null || Number.isFinite(i.ageDays)));
    assert.ok(report.items.every((i) => i.daysToClose === null || Number.isFinite(i.daysToClose)));
    assert.doesNotMatch(JSON.stringify(report) + reportHtml(report), /NaN/);
  });

  it('takes the tracker\'s close date when the item writes none, and counts drift', () => {
    const [one] = inputs(1);
    one.trackerState = (item) => (item.text.startsWith('Cap') ? { state: 'closed', closedAt: '2025-01-25T08:00:00Z' } : item.text.startsWith('Review') ? { state: 'closed' } : undefined);
    const report = buildReport([one], NOW);
    assert.equal(report.trackersChecked, true);
    assert.equal(report.items.find((i) => i.text.startsWith('Cap'))?.daysToClose, 20);
    assert.equal(report.totals.drifted, 1);
    assert.equal(report.postmortems[0].items.drifted, 1);
  });
});

describe('follow-through report rendering', () => {
  const HOSTILE = ' <script>alert(1)</script><img src=x onerror=alert(2)> | *x* ';

  it('writes one self-contained HTML file with a hash-based CSP, no script, and inert document text', () => {
    const html = reportHtml(buildReport(inputs(3, HOSTILE), NOW));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe/);
    const style = /<style>([^]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the CSP hash allows exactly the stylesheet');
    assert.doesNotMatch(html, /<script|<img|style="/i);
    assert.doesNotMatch(html, /<[a-z][^>]*\son\w+=/i, 'no element carries an event handler');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<[^>]*\ssrc=|href="(?!\.\/)/, 'loads nothing, links only to relative files');
  });

  it('links a file whose name holds # or ? to that file, not to a fragment or a query', () => {
    const text = '# Queue stall\n\n## Action items\n\n- [ ] Add a depth alert. Owner: @kai. Due: 2026-02-01.\n';
    const a = analyze(text, { now: NOW });
    const html = reportHtml(buildReport([{ file: 'ops/2026 #4?.md', model: a.model, lineOf: (o) => a.lines.line(o) + 1 }], NOW));
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      const url = new URL(href, 'https://report.example/');
      assert.equal(decodeURIComponent(url.pathname), '/ops/2026 #4?.md', href);
      assert.equal(url.search, '');
    }
  });

  it('for a webview, allows only its own click script by nonce; a nonce that could break out of the attribute is refused', () => {
    const html = reportHtml(buildReport(inputs(3, HOSTILE), NOW), { scriptNonce: 'abcdefghijklmnop0123' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /; script-src 'nonce-abcdefghijklmnop0123'$/);
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abcdefghijklmnop0123">']);
    const refused = reportHtml(buildReport(inputs(1), NOW), { scriptNonce: '"><script>alert(1)</script>' });
    assert.doesNotMatch(refused, /<script|script-src/);
  });

  it('draws each chart as SVG with a title, a description and a data table', () => {
    const html = reportHtml(buildReport(inputs(10), NOW));
    const svgs = html.match(/<svg[^>]*role="img"[^>]*>/g) ?? [];
    assert.equal(svgs.length, 2);
    for (const id of ['by-month', 'by-severity']) {
      assert.match(html, new RegExp(`aria-labelledby="${id}-t ${id}-d"`));
      assert.match(html, new RegExp(`<title id="${id}-t">`));
      assert.match(html, new RegExp(`<desc id="${id}-d">Median time to detect and to resolve`));
      assert.match(html, new RegExp(`<table class="data" id="${id}-table">`));
    }
    assert.match(html, /@media print/);
    assert.match(html, /prefers-color-scheme:dark/);
  });

  it('keeps hostile text from changing the Markdown tables', () => {
    const md = reportMarkdown(buildReport(inputs(2, HOSTILE), NOW));
    const rows = md.split('\n').filter((l) => l.includes('Generated incident 0'));
    assert.ok(rows.length > 0);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 12, row);
    assert.doesNotMatch(md, /<script>/);
  });
});
