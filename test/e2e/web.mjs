#!/usr/bin/env node
// The web build in a real browser workbench: the packaged extension is installed into the VS Code
// server but forced into the browser's web worker extension host (remote.extensionKind: web), so it
// runs from its `browser` entry with the language server in a web worker. It opens the blame-laden
// example and waits until the Problems panel lists its no-blame-language findings and the finding
// that only the workspace's .postmortemrc.json (read through vscode.workspace.fs) asks for. It also
// checks the language server started its analysis worker (a nested worker from its own script).
// Usage: npm run package && node test/e2e/web.mjs   (after test/e2e/setup.sh)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.POSTMORTEM_VSCODE_CACHE ?? join(root, '.vscode-test');
const node24 = join(cache, 'node24', 'node');
const serverMain = join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

const port = await new Promise((ok) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => ok(p));
  });
});
const scratch = mkdtempSync(join(tmpdir(), 'postmortem-web-'));
const dirs = Object.fromEntries(['home', 'user-data', 'server-data', 'extensions', 'browser', 'workspace'].map((d) => [d, join(scratch, d)]));
Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
cpSync(join(root, 'examples'), dirs.workspace, { recursive: true });
const example = join(dirs.workspace, 'postmortems', '2026-10-14-search-outage.md');
// A workspace setting the web worker server can only know by reading the file through the client
// (vscode.workspace.fs): it requires a section the example lacks, so a finding appears that the
// defaults never give.
writeFileSync(join(dirs.workspace, '.postmortemrc.json'), JSON.stringify({ requiredSections: ['summary', 'lessons-learned'] }));
mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
  'remote.extensionKind': { 'postmortem-tools.postmortem': ['web'] },
  'workbench.startupEditor': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'postmortem.startExample': example,
}));
const env = { ...process.env, HOME: dirs.home };
const common = ['--user-data-dir', dirs['user-data'], '--server-data-dir', dirs['server-data'], '--extensions-dir', dirs.extensions];
execFileSync(node24, [serverMain, ...common, '--install-extension', join(root, 'postmortem.vsix'), '--force'], { stdio: 'ignore', env });
const server = spawn(node24, [serverMain, ...common, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust'], { detached: true, stdio: 'ignore', env });
let browser;
let code = 1;
let failed = async () => undefined;
try {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/version`)).ok) break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const workers = [];
  const errors = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (m) => /postmortem|Postmortem|Activating|worker/i.test(m.text()) && errors.push(m.text().slice(0, 300)));
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  failed = async () => {
    await page.screenshot({ path: join(root, 'out', 'screenshots', 'web-worker-failed.png') }).catch(() => undefined);
    console.error(`workers: ${workers.join(', ')}\nconsole: ${errors.join('\n')}`);
  };
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  // The Problems panel (opened by the extension) lists the findings once the worker server analysed the file.
  await page.locator('.markers-panel').getByText('no-blame-language').first().waitFor({ timeout: 120_000 });
  // The workspace's .postmortemrc.json was read in the browser: its required section is reported.
  await page.locator('.markers-panel').getByText(/no lessons learned section/).first().waitFor({ timeout: 60_000 });
  const shots = join(root, 'out', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'web-worker.png') });
  // It ran in the browser: the server's Node extension host never activated the extension.
  const logs = join(dirs['user-data'], 'logs');
  const remoteLogs = readdirSync(logs, { recursive: true }).filter((f) => String(f).endsWith('remoteexthost.log')).map((f) => readFileSync(join(logs, String(f)), 'utf8')).join('\n');
  if (/_doActivateExtension postmortem-tools\.postmortem/.test(remoteLogs)) throw new Error('the extension activated in the Node extension host, not the web worker');
  // The server analysed the document in a nested worker started from its own script (the same URL
  // twice: the server's worker and its analysis worker), not on its own thread: the time budget holds.
  const nested = workers.filter((url, i) => workers.indexOf(url) !== i);
  if (nested.length === 0) throw new Error('no analysis worker was started from the language server\'s script: the web server analysed on its own thread');
  console.log(`Web build: its diagnostics, with the workspace's .postmortemrc applied, shown by the web worker extension host (${workers.length} workers in the page, the language server's analysis worker among them). Screenshot: out/screenshots/web-worker.png`);
  code = 0;
} catch (error) {
  console.error(`Web build test failed: ${error.message ?? error}`);
  await failed();
} finally {
  await browser?.close().catch(() => undefined);
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
