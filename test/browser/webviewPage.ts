// The webview's built script and style served to headless Chromium (Debian's chromium, driven by
// playwright-core) with a stand-in for the VS Code webview API: shared by the browser tests.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DocumentOutline } from '../../server/src/protocol';

export const ROOT = join(__dirname, '..', '..', '..');

/** The webview API stand-in: what the page posts is kept in `window.posted`. */
export const FAKE_VSCODE_API = 'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => {} });';

export interface WebviewHost {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves `pages` (path → [content type, body]) next to dist/webview.js and dist/webview.css, and
 * starts Chromium. `headers` go on every answer (e.g. those that make a page cross-origin isolated).
 */
export async function serveWebview(pages: Record<string, [string, string]>, headers: Record<string, string> = {}): Promise<WebviewHost> {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run test/e2e/setup.sh (it installs Debian's chromium) or set CHROMIUM_PATH.`);
  const files: Record<string, [string, string]> = {
    ...pages,
    '/webview.js': ['text/javascript', readFileSync(join(ROOT, 'dist', 'webview.js'), 'utf8')],
    '/webview.css': ['text/css', readFileSync(join(ROOT, 'dist', 'webview.css'), 'utf8')],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { ...headers, 'content-type': file?.[0] ?? 'text/plain' });
    res.end(file?.[1] ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({
    executablePath: executable, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Opens `url`, sends the webview an outline as the extension would, and waits until it has drawn it. */
export async function showOutline(p: Page, url: string, outline: DocumentOutline): Promise<void> {
  await p.goto(url);
  await p.evaluate((o) => window.postMessage({ type: 'update', outline: o }, '*'), outline as unknown as Record<string, unknown>);
  await p.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some((m) => m.type === 'rendered'));
}
