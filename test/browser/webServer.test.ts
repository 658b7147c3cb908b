// The web build's language server (dist/browser/server.js) in headless Chromium, spoken to as the
// extension's browser client does: LSP messages (vscode-jsonrpc's shapes) over a Web Worker's
// postMessage. A hostile document is analysed in a nested worker of its own, so another document is
// answered while it runs, and past the time budget it gets one finding that says so. The workspace
// index reads files on disk (served through the client's file requests) in a nested worker too: a
// hostile file is skipped at the budget while an open document is answered. Where the page refuses
// nested workers, the server analyses and indexes on its own thread and says so once for each.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HARNESS, open, startServer, type Answer, type Lsp } from './serverPage';
import { ROOT, serveWebview, type WebviewHost } from './webviewPage';

const SERVER = join(ROOT, 'dist', 'browser', 'server.js');

const HOSTILE_URI = 'file:///ws/postmortems/brackets.md';
const NORMAL_URI = 'file:///ws/postmortems/normal.md';
/** 100 KB of nested brackets: remark's parse of it takes many seconds and cannot be interrupted. */
const HOSTILE = `# Postmortem: nested brackets\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
const NORMAL = '# Postmortem: cache flush\n\n## Summary\n\nThe on-call engineer carelessly flushed the cache.\n';
/** Postmortems on disk, for the workspace index (never opened): named so the hostile one is read first. */
const DISK_HOSTILE_URI = 'file:///ws/postmortems/a-brackets.md';
const DISK_NORMAL_URI = 'file:///ws/postmortems/b-queue.md';
const WITH_ITEMS = '# Postmortem: queue backlog\n\n## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana\n- [ ] Document the drain procedure. Owner: @dee\n';

/** The workspace index once its scan has listed items and finished (postmortem/actionItems, polled). */
async function indexed(page: Page): Promise<{ items: Array<{ uri: string; owner: string | null }>; indexing: boolean }> {
  return page.evaluate(async () => {
    const lsp = (window as unknown as { lsp: Lsp }).lsp;
    type Index = { items: Array<{ uri: string; owner: string | null }>; indexing: boolean };
    let index = (await lsp.request('postmortem/actionItems', {})).result as unknown as Index;
    for (let i = 0; i < 600 && (index.indexing || index.items.length === 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      index = (await lsp.request('postmortem/actionItems', {})).result as unknown as Index;
    }
    return index;
  });
}


describe('web build language server in Chromium', function () {
  this.timeout(120_000);
  let host: WebviewHost;

  before(async function () {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first.`);
    host = await serveWebview({
      '/index.html': ['text/html', `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>${HARNESS}</script></body></html>`],
      '/server.js': ['text/javascript', readFileSync(SERVER, 'utf8')],
    });
  });
  after(async () => {
    await host?.close();
  });

  it('answers another document while a hostile one is analysed, and stops the hostile one at the budget with one finding', async () => {
    const page = await host.browser.newPage();
    try {
      // A fixed budget, as POSTMORTEM_ANALYSIS_BUDGET_MS sets on Node: remark takes many times this on
      // the hostile input on any machine we know, so what is tested is the budget, not this machine.
      await startServer(page, host.base, { budgetMs: 3000 });
      await open(page, HOSTILE_URI, HOSTILE);
      await open(page, NORMAL_URI, NORMAL);
      const { hostile, normal, normalAsked, hostileWhenNormalAnswered, keystroke } = await page.evaluate(async ([h, n]) => {
        const lsp = (window as unknown as { lsp: Lsp }).lsp;
        let hostileAnswer: Answer | undefined;
        const hostilePull = lsp.request('textDocument/diagnostic', { textDocument: { uri: h } }).then((a) => (hostileAnswer = a));
        const asked = performance.now();
        const normalAnswer = await lsp.request('textDocument/diagnostic', { textDocument: { uri: n } });
        const pendingThen = hostileAnswer === undefined;
        // A keystroke in the normal document, its worker warm now (timed only; the hostile one may be done by then).
        lsp.notify('textDocument/didChange', { textDocument: { uri: n, version: 2 }, contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'X' }] });
        const typed = performance.now();
        const edit = await lsp.request('textDocument/diagnostic', { textDocument: { uri: n } });
        const keystroke = { ms: edit.at - typed, during: hostileAnswer === undefined };
        return { hostile: await hostilePull, normal: normalAnswer, normalAsked: asked, hostileWhenNormalAnswered: pendingThen ? 'pending' : 'answered', keystroke };
      }, [HOSTILE_URI, NORMAL_URI]);
      console.log(`      a keystroke in the normal document answered in ${keystroke.ms.toFixed(0)} ms (${keystroke.during ? 'while' : 'after'} the hostile one ran)`);
      const logs = await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.logs);
      console.log(`      normal document answered after ${(normal.at - normalAsked).toFixed(0)} ms (cold analysis worker included); hostile one after ${(hostile.at - normalAsked).toFixed(0)} ms`);
      assert.equal(normal.error, undefined, JSON.stringify(normal.error));
      assert.ok(normal.result!.items.some((d) => d.code === 'no-blame-language'), JSON.stringify(normal.result));
      assert.equal(hostileWhenNormalAnswered, 'pending', 'the normal document waited for the hostile one');
      assert.equal(hostile.error, undefined, JSON.stringify(hostile.error));
      assert.deepEqual(hostile.result!.items.map((d) => d.code), ['input-limit'], JSON.stringify(hostile.result));
      assert.match(hostile.result!.items[0].message, /took longer than 3 s, so it was stopped/);
      assert.ok(!logs.some((l) => /no analysis worker can start/.test(l)), logs.join('\n'));
    } finally {
      await page.close();
    }
  });

  it('reads the workspace index in a nested worker: a hostile file on disk is skipped at the budget with a logged reason, the others are indexed, and an open document is answered meanwhile', async () => {
    const page = await host.browser.newPage();
    try {
      const onDisk = { [DISK_HOSTILE_URI]: HOSTILE, [DISK_NORMAL_URI]: WITH_ITEMS };
      // A fixed budget well below remark's time on the hostile file, and above a cold analysis worker's start on a busy machine.
      await startServer(page, host.base, { budgetMs: 5000, files: onDisk });
      const run = await page.evaluate(async ([hostileUri, openUri, openText]) => {
        const lsp = (window as unknown as { lsp: Lsp }).lsp;
        const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
        // The index reads the files in name order: the hostile one first.
        for (let i = 0; i < 600 && !lsp.fileReads.some((r) => r.uri === hostileUri); i++) await sleep(50);
        const hostileRead = lsp.fileReads.find((r) => r.uri === hostileUri)?.at;
        lsp.notify('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'markdown', version: 1, text: openText } });
        const asked = performance.now();
        const answer = await lsp.request('textDocument/diagnostic', { textDocument: { uri: openUri } });
        const skippedBeforeAnswer = lsp.logs.some((l) => l.includes('a-brackets.md'));
        return { hostileRead, asked, answer, skippedBeforeAnswer };
      }, [DISK_HOSTILE_URI, 'file:///ws/notes/open.md', NORMAL]);
      const index = await indexed(page);
      const logs = await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.logs);
      assert.ok(run.hostileRead !== undefined, 'the index read the hostile file');
      console.log(`      an open document answered in ${(run.answer.at - run.asked).toFixed(0)} ms (cold analysis worker included) while the index read the hostile file`);
      assert.ok(run.answer.result!.items.some((d) => d.code === 'no-blame-language'), JSON.stringify(run.answer));
      assert.equal(run.skippedBeforeAnswer, false, 'the open document waited for the hostile file\'s read');
      assert.equal(index.indexing, false);
      assert.deepEqual(index.items.map((i) => [i.uri, i.owner]), [[DISK_NORMAL_URI, '@ana'], [DISK_NORMAL_URI, '@dee']]);
      assert.equal(logs.filter((l) => /a-brackets\.md: reading its action items took longer than 5\.0 s, so it was stopped/.test(l)).length, 1, logs.join('\n'));
      assert.ok(!logs.some((l) => /no (index|analysis) worker can start/.test(l)), logs.join('\n'));
    } finally {
      await page.close();
    }
  });

  it('loaded from its http URL (as on vscode.dev), analyses in nested workers too', async () => {
    const page = await host.browser.newPage();
    try {
      await startServer(page, host.base, { direct: true });
      await open(page, HOSTILE_URI, HOSTILE);
      await open(page, NORMAL_URI, NORMAL);
      // The default budget (8 s for this length) is not waited for: the page closes with the hostile one pending.
      const { normal, hostileWhenNormalAnswered } = await page.evaluate(async ([h, n]) => {
        const lsp = (window as unknown as { lsp: Lsp }).lsp;
        let hostileAnswered = false;
        void lsp.request('textDocument/diagnostic', { textDocument: { uri: h } }).then(() => (hostileAnswered = true));
        const normalAnswer = await lsp.request('textDocument/diagnostic', { textDocument: { uri: n } });
        return { normal: normalAnswer, hostileWhenNormalAnswered: hostileAnswered ? 'answered' : 'pending' };
      }, [HOSTILE_URI, NORMAL_URI]);
      assert.ok(normal.result!.items.some((d) => d.code === 'no-blame-language'), JSON.stringify(normal));
      assert.equal(hostileWhenNormalAnswered, 'pending', 'the normal document waited for the hostile one');
      const logs = await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.logs);
      assert.ok(!logs.some((l) => /no analysis worker can start/.test(l)), logs.join('\n'));
    } finally {
      await page.close();
    }
  });

  it('where nested workers are refused, analyses on the server\'s own thread and says so once', async () => {
    const page = await host.browser.newPage();
    try {
      await startServer(page, host.base, { noNestedWorkers: true });
      await open(page, NORMAL_URI, NORMAL);
      await open(page, 'file:///ws/postmortems/second.md', NORMAL);
      const answers = await page.evaluate(([a, b]) => Promise.all([a, b].map((uri) => (window as unknown as { lsp: Lsp }).lsp.request('textDocument/diagnostic', { textDocument: { uri } }))), [NORMAL_URI, 'file:///ws/postmortems/second.md']);
      for (const answer of answers) assert.ok(answer.result!.items.some((d) => d.code === 'no-blame-language'), JSON.stringify(answer));
      const logs = await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.logs);
      assert.equal(logs.filter((l) => /no analysis worker can start here/.test(l)).length, 1, logs.join('\n'));
    } finally {
      await page.close();
    }
  });

  it('where nested workers are refused, reads the workspace index on the server\'s own thread and says so once', async () => {
    const page = await host.browser.newPage();
    try {
      await startServer(page, host.base, { noNestedWorkers: true, files: { [DISK_NORMAL_URI]: WITH_ITEMS, 'file:///ws/postmortems/c-copy.md': WITH_ITEMS } });
      const index = await indexed(page);
      assert.deepEqual(index.items.map((i) => i.owner), ['@ana', '@dee', '@ana', '@dee']);
      const logs = await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.logs);
      assert.equal(logs.filter((l) => /no index worker can start here/.test(l)).length, 1, logs.join('\n'));
    } finally {
      await page.close();
    }
  });
});
