// The web build's language server in headless Chromium, typed over while it analyses: where the page
// is cross-origin isolated, the server shares a word with its analysis worker, and a superseded
// version stops at its next step (the worker answers 'abandoned' and is kept). Where it is not (VS
// Code's web workbench, as far as we know), the superseded version runs on and its answer is ignored.
// A probe in the server worker reports what its nested workers do (serverPage.ts PROBE).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generatePostmortem } from '../../bench/generate';
import { HARNESS, open, startServer, type Answer, type Lsp, type Probe } from './serverPage';
import { ROOT, serveWebview, type WebviewHost } from './webviewPage';

const SERVER = join(ROOT, 'dist', 'browser', 'server.js');
const URI = 'file:///ws/postmortems/long.md';
/** Two different long postmortems: the second, typed over the first, is analysed from scratch (many steps). */
const FIRST = generatePostmortem(6_000, 3);
const SECOND = generatePostmortem(6_000, 4);

/** The headers that make a page and its workers cross-origin isolated (SharedArrayBuffer may be posted). */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

interface Typing {
  /** False when the second version's job ended before the page could type over it: nothing was superseded. */
  typedOver: boolean;
  third: Answer;
  probes: Probe[];
}

/**
 * Opens the first version and waits for its diagnostics (the worker is warm then), replaces the whole
 * text with the second, and as soon as the worker says it began that job, types one more character
 * and asks for the diagnostics of that third version.
 */
async function typeOverAnAnalysis(page: Page): Promise<Typing> {
  await open(page, URI, FIRST);
  const first = await page.evaluate((uri) => (window as unknown as { lsp: Lsp }).lsp.request('textDocument/diagnostic', { textDocument: { uri } }), URI);
  assert.equal(first.error, undefined, JSON.stringify(first.error));
  return page.evaluate(
    async ([uri, second]) => {
      const lsp = (window as unknown as { lsp: Lsp }).lsp;
      const startedBefore = lsp.probes.filter((p) => p.probe === 'started').length;
      let secondAnswered = false;
      lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: second }] });
      const secondPull = lsp.request('textDocument/diagnostic', { textDocument: { uri } }).then((a) => ((secondAnswered = true), a));
      for (let i = 0; i < 4000 && lsp.probes.filter((p) => p.probe === 'started').length === startedBefore; i++) await new Promise((r) => setTimeout(r, 5));
      const typedOver = !secondAnswered;
      lsp.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }] });
      const third = await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
      await secondPull;
      return { typedOver, third, probes: lsp.probes };
    },
    [URI, SECOND],
  );
}

const count = (probes: Probe[], kind: Probe['probe']) => probes.filter((p) => p.probe === kind).length;

async function typedOver(host: WebviewHost): Promise<{ typing: Typing; isolated: boolean }> {
  // The second version's analysis takes far longer than the page's answer to 'started' on any machine
  // we know; should it end first all the same, nothing was superseded and the attempt says nothing.
  for (let attempt = 0; ; attempt++) {
    const page = await host.browser.newPage();
    try {
      await startServer(page, host.base, { probe: true });
      const isolated = await page.evaluate(() => crossOriginIsolated);
      const typing = await typeOverAnAnalysis(page);
      if (typing.typedOver || attempt === 2) return { typing, isolated };
    } finally {
      await page.close();
    }
  }
}

async function serve(headers: Record<string, string>): Promise<WebviewHost> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first.`);
  return serveWebview(
    {
      '/index.html': ['text/html', `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>${HARNESS}</script></body></html>`],
      '/server.js': ['text/javascript', readFileSync(SERVER, 'utf8')],
    },
    headers,
  );
}

describe('web build language server typed over while it analyses', function () {
  this.timeout(180_000);

  it('on a cross-origin isolated page, stops the superseded analysis at its next step and keeps its worker', async () => {
    const host = await serve(ISOLATED);
    try {
      const { typing, isolated } = await typedOver(host);
      assert.equal(isolated, true, 'the page is cross-origin isolated');
      assert.equal(typing.typedOver, true, 'the second version was typed over while the worker analysed it');
      assert.equal(typing.third.error, undefined, JSON.stringify(typing.third.error));
      assert.ok(typing.third.result!.items.length > 0, 'the newest version has its diagnostics');
      assert.ok(count(typing.probes, 'abandoned') >= 1, JSON.stringify(typing.probes));
      assert.equal(count(typing.probes, 'terminated'), 0, JSON.stringify(typing.probes));
      assert.equal(count(typing.probes, 'spawned'), 1, JSON.stringify(typing.probes));
    } finally {
      await host.close();
    }
  });

  it('on a page that is not isolated, lets the superseded analysis run on (no shared word) and answers the newest version', async () => {
    const host = await serve({});
    try {
      const { typing, isolated } = await typedOver(host);
      assert.equal(isolated, false);
      assert.equal(typing.typedOver, true, 'the second version was typed over while the worker analysed it');
      assert.equal(typing.third.error, undefined, JSON.stringify(typing.third.error));
      assert.ok(typing.third.result!.items.length > 0, 'the newest version has its diagnostics');
      assert.equal(count(typing.probes, 'abandoned'), 0, JSON.stringify(typing.probes));
    } finally {
      await host.close();
    }
  });
});
