// The follow-through report in Chromium: the page as the CLI writes it and as the editor's webview
// shows it (with its click script). Hostile document text stays text: no script of the document runs,
// no element it names is created, and a script the page did not bring is refused by the CSP.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze } from '../../server/src/engine/analyze';
import { buildReport } from '../../server/src/render/reportData';
import { reportHtml } from '../../server/src/render/reportHtml';
import { generateWorkspace } from '../helpers/workspace';

const NOW = new Date('2026-01-01T00:00:00Z');
const HOSTILE = ' <script>window.pwned=1</script><img src=x onerror="window.pwned=2"> <a href="javascript:window.pwned=3">x</a> </td></tr><svg onload="window.pwned=4">';
const NONCE = 'reportTestNonce0123456789';
/** Stands in for the webview host's acquireVsCodeApi; it carries the page's nonce, as a webview's would. */
const STUB = `<script nonce="${NONCE}">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });</script>`;

function page(nonce?: string): string {
  const inputs = generateWorkspace(3, HOSTILE).map(({ file, text }) => {
    const a = analyze(text, { now: NOW });
    return { file, model: a.model, lineOf: (o: number) => a.lines.line(o) + 1 };
  });
  const html = reportHtml(buildReport(inputs, NOW, ['SEV-1', 'SEV-2', 'SEV-3']), { scriptNonce: nonce });
  return nonce ? html.replace('<body>', `<body>${STUB}`) : html;
}

describe('follow-through report in Chromium', function () {
  this.timeout(60_000);
  let server: Server;
  let browser: Browser;
  let base: string;
  const pages: Record<string, string> = {};

  before(async () => {
    const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executable)) throw new Error(`${executable} is missing: run test/e2e/setup.sh (it installs Debian's chromium) or set CHROMIUM_PATH.`);
    pages['/cli.html'] = page();
    pages['/webview.html'] = page(NONCE);
    server = createServer((req, res) => {
      const body = pages[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string): Promise<{ p: Page; violations: string[]; requests: string[] }> {
    const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const violations: string[] = [];
    const requests: string[] = [];
    p.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    p.on('request', (r) => requests.push(r.url()));
    p.on('dialog', (d) => void d.dismiss());
    await p.goto(`${base}${path}`);
    await p.waitForLoadState('load');
    return { p, violations, requests };
  }

  for (const path of ['/cli.html', '/webview.html']) {
    it(`${path}: hostile titles are shown as text; nothing they name runs, loads or exists`, async () => {
      const { p, requests } = await open(path);
      assert.equal(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
      assert.equal(await p.locator('img, iframe, body svg[onload], a[href^="javascript:"]').count(), 0);
      assert.deepEqual(requests, [`${base}${path}`], 'the page loads nothing but itself');
      const shown = await p.locator('table').last().innerText();
      assert.ok(shown.includes('<script>window.pwned=1</script>'), 'the title is shown literally');
      assert.ok(await p.locator('svg.chart').first().evaluate((e) => e.getBoundingClientRect().width > 100), 'the charts are drawn');
      await p.close();
    });
  }

  it('refuses a script the page did not bring (the CSP holds), in the CLI page and in the webview page', async () => {
    for (const path of ['/cli.html', '/webview.html']) {
      const { p, violations } = await open(path);
      await p.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.pwned = 5';
        document.body.append(s);
      });
      assert.equal(await p.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, path);
      assert.ok(violations.length > 0, `${path}: the browser reported the refusal`);
      await p.close();
    }
  });

  it('webview page: a click on a row (not only its link) asks to open that postmortem at the item', async () => {
    const { p } = await open('/webview.html');
    const row = p.locator('tr', { has: p.locator('a[href*="#L"]') }).first();
    const href = await row.locator('a').getAttribute('href');
    await row.locator('td').first().click();
    const posted = await p.evaluate(() => (window as unknown as { posted: unknown[] }).posted);
    const [, file, line] = /^\.\/(.*)#L(\d+)$/.exec(href!)!;
    assert.deepEqual(posted, [{ type: 'open', file: decodeURIComponent(file), line: Number(line) }]);
    assert.equal(p.url(), `${base}/webview.html`, 'the page did not navigate');
    await p.close();
  });
});
