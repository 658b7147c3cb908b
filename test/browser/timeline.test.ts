// The timeline webview in headless Chromium (Debian's chromium, driven by playwright-core), with a
// fixture model and a stand-in for the VS Code webview API, under the same strict CSP as the panel.
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DocumentOutline } from '../../server/src/protocol';
import { FAKE_VSCODE_API, ROOT, serveWebview, showOutline, type WebviewHost } from './webviewPage';

const SHOTS = join(ROOT, 'out', 'screenshots');
const CSP = "default-src 'none'; script-src 'nonce-test'; style-src 'self'";

const THEMES = {
  light: { '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171', '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#333333', '--vscode-focusBorder': '#005fb8', '--vscode-editorWarning-foreground': '#bf8803', '--vscode-list-inactiveSelectionBackground': '#e4e6f1', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-editor-font-family': 'monospace' },
  dark: { '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-focusBorder': '#0078d4', '--vscode-editorWarning-foreground': '#cca700', '--vscode-list-inactiveSelectionBackground': '#37373d', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-editor-font-family': 'monospace' },
};

function page(theme: keyof typeof THEMES): string {
  const vars = Object.entries(THEMES[theme]).map(([k, v]) => `${k}: ${v};`).join(' ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="stylesheet" href="/webview.css"><link rel="stylesheet" href="/theme-${theme}.css"></head>
<body class="vscode-${theme}"><main id="root"></main>
<script nonce="test">${FAKE_VSCODE_API}</script>
<script nonce="test" src="/webview.js"></script></body></html>`.replace('VARS', vars);
}

function themeCss(theme: keyof typeof THEMES): string {
  return `:root { ${Object.entries(THEMES[theme]).map(([k, v]) => `${k}: ${v};`).join(' ')} }`;
}

function fixture(entries = 8): DocumentOutline {
  const texts = ['Config change rolled out to every region.', 'Error rate began rising for checkout users.', 'Alert fired and paged the on-call engineer.', '<img src=x onerror="window.__pwned=1">', '</script><script>window.__pwned=2</script>', 'Rolled back; error rate back to normal.', 'Incident resolved.', '&lt;b&gt;entity&lt;/b&gt;'];
  const milestones = [null, 'impact-start', 'detected', null, null, 'mitigated', 'resolved', null];
  return {
    uri: 'file:///w/postmortems/pm.md', isPostmortem: true, title: 'Checkout errors <script>alert(1)</script>', severity: 'SEV-2', sections: [],
    timeline: {
      zone: 'UTC',
      entries: Array.from({ length: entries }, (_, i) => ({
        line: 20 + i, endLine: 20 + i, time: null, timeText: `14:${String(i * 7 % 60).padStart(2, '0')}`, elapsed: `T+00:${String(i * 7 % 60).padStart(2, '0')}`,
        text: texts[i % texts.length], milestone: i < 8 ? milestones[i] : null, minutes: i === 6 ? 200 + i * 7 : i * 7,
      })),
      metrics: { timeToDetectMinutes: 9, timeToAcknowledgeMinutes: 12, timeToMitigateMinutes: 42, timeToResolveMinutes: 90, impactMinutes: 42 },
      findings: [{ line: 23, ruleId: 'timeline-order', message: '14:21 comes after 14:28 but is earlier.' }, { line: 3, ruleId: 'timeline-timezone', message: 'Zones are mixed.' }],
    },
    actionItems: [],
  };
}

describe('timeline webview in Chromium', function () {
  this.timeout(60_000);
  let host: WebviewHost;

  before(async () => {
    host = await serveWebview({
      '/light.html': ['text/html', page('light')], '/dark.html': ['text/html', page('dark')],
      '/theme-light.css': ['text/css', themeCss('light')], '/theme-dark.css': ['text/css', themeCss('dark')],
    });
  });
  after(async () => {
    await host?.close();
  });

  async function open(theme: 'light' | 'dark', outline: DocumentOutline): Promise<{ page: Page; violations: string[]; dialogs: string[] }> {
    const p = await host.browser.newPage({ viewport: { width: 900, height: 700 } });
    const violations: string[] = [];
    const dialogs: string[] = [];
    p.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await showOutline(p, `${host.base}/${theme}.html`, outline);
    return { page: p, violations, dialogs };
  }

  it('shows every entry, the metrics, gaps and findings', async () => {
    const { page: p, violations } = await open('light', fixture());
    assert.equal(await p.locator('button.entry').count(), 8);
    assert.match(await p.locator('.metrics').innerText(), /Time to detect\s+9m[\s\S]*Time to mitigate\s+42m[\s\S]*Time to resolve\s+1h30m/);
    assert.equal(await p.locator('.phase').count(), 3);
    assert.match(await p.locator('.gap').first().innerText(), /with no entry/);
    assert.match(await p.locator('.entry.has-findings').first().innerText(), /comes after/);
    assert.match(await p.locator('.notes').innerText(), /Zones are mixed/);
    assert.deepEqual(violations, []);
    await p.close();
  });

  it('posts a reveal message when an entry is clicked or activated with the keyboard', async () => {
    const { page: p } = await open('light', fixture());
    await p.locator('button.entry').nth(2).click();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    const posted = await p.evaluate(() => (window as unknown as { posted: Array<{ type: string; line?: number }> }).posted.filter((m) => m.type === 'reveal'));
    assert.deepEqual(posted, [{ type: 'reveal', line: 22 }, { type: 'reveal', line: 23 }]);
    await p.close();
  });

  it('keeps document text as text: nothing in it runs', async () => {
    const { page: p, dialogs, violations } = await open('light', fixture());
    assert.equal(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await p.locator('#root img').count(), 0);
    assert.equal(await p.locator('#root script').count(), 0);
    const text = await p.locator('#root').innerText();
    assert.ok(text.includes('<img src=x onerror="window.__pwned=1">'));
    assert.ok(text.includes('</script><script>window.__pwned=2</script>'));
    assert.ok(text.includes('Checkout errors <script>alert(1)</script>'));
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, []);
    await p.close();
  });

  it('renders 500 entries and keeps the scroll position on update', async () => {
    const big = fixture(500);
    const { page: p } = await open('dark', big);
    assert.equal(await p.locator('button.entry').count(), 500);
    await p.evaluate(() => window.scrollTo(0, 2000));
    await p.evaluate(async (o) => {
      window.postMessage({ type: 'update', outline: o }, '*');
      await new Promise((r) => setTimeout(r, 0));
    }, big as unknown as Record<string, unknown>);
    assert.ok(await p.evaluate(() => window.scrollY) > 1500, 'scroll position kept');
    await p.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`looks right in the ${theme} theme (screenshot)`, async () => {
      const { page: p } = await open(theme, fixture());
      await p.evaluate(() => window.postMessage({ type: 'highlight', line: 22 }, '*'));
      mkdirSync(SHOTS, { recursive: true });
      const path = join(SHOTS, `timeline-${theme}.png`);
      await p.screenshot({ path, fullPage: true });
      assert.ok(readFileSync(path).length > 10_000);
      await p.close();
    });
  }
});
