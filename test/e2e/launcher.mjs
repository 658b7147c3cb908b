#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches, on machines
// where desktop VS Code cannot be downloaded: it starts VS Code's server (from the code-server npm
// package), opens the web workbench in headless Chromium with the extension and the tests loaded,
// and exits with the tests' result. See ../../README.md "Tests" and test/e2e/setup.sh.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

// The workbench logs a lot that has nothing to do with the tests (no network, no sign-in): drop it.
const NOISE = /^\[(?:AgentHost|ChatModelSelection|AccountPolicyGate)\]|open-vsx\.org|^\s+at .*workbench\.js/;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.POSTMORTEM_VSCODE_CACHE ?? join(root, '.vscode-test');
const node24 = join(cache, 'node24', 'node'); // a link setup.sh makes to the platform's Node 24
const serverMain = join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const folder = process.argv.slice(2).filter((a) => !a.startsWith('-')).pop();
const devPath = flag('extensionDevelopmentPath');
const testsPath = flag('extensionTestsPath');

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

async function waitForServer(port, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`VS Code server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/version`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('VS Code server did not answer /version within 60 s');
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'postmortem-e2e-'));
  const dirs = Object.fromEntries(['home', 'user-data', 'server-data', 'extensions', 'browser'].map((d) => [d, join(scratch, d)]));
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  const port = await freePort();
  const server = spawn(node24, [
    serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--disable-telemetry', '--enable-smoke-test-driver', '--disable-workspace-trust',
    '--user-data-dir', dirs['user-data'], '--server-data-dir', dirs['server-data'], '--extensions-dir', dirs.extensions,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dirs.home, POSTMORTEM_E2E_LAUNCHER: '1' } });
  server.stdout.on('data', (d) => process.env.POSTMORTEM_E2E_VERBOSE && process.stdout.write(`[server] ${d}`));
  server.stderr.on('data', (d) => process.env.POSTMORTEM_E2E_VERBOSE && process.stderr.write(`[server] ${d}`));
  let browser;
  const stop = () => {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  try {
    await waitForServer(port, server);
    browser = await chromium.launchPersistentContext(dirs.browser, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1440, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const result = new Promise((ok) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        // A test asks for a picture of the workbench while the extension is still running.
        const shot = /^\[screenshot\] (.+)$/.exec(text.trim());
        if (shot) {
          mkdirSync(dirname(shot[1]), { recursive: true });
          void page.screenshot({ path: shot[1] }).catch((e) => process.stderr.write(`screenshot failed: ${e}\n`)).finally(() => writeFileSync(`${shot[1]}.done`, ''));
          return;
        }
        if (text.split('\n').every((line) => NOISE.test(line) || !line.trim())) return;
        if (type === 'error') process.stderr.write(`${text}\n`);
        else process.stdout.write(`${text}\n`);
      });
      page.exposeFunction('codeAutomationExit', (code) => ok(code));
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true']];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((ok) => setTimeout(() => {
      process.stderr.write('The end-to-end tests did not finish within 10 minutes.\n');
      ok(1);
    }, 600_000));
    const code = await Promise.race([result, timeout]);
    return Number(code) || 0;
  } finally {
    await browser?.close().catch(() => undefined);
    stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`launcher: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
