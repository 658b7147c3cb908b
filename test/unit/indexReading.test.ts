// The workspace index lists exactly the action items `analyze` finds, whichever way it reads a file
// (in its worker thread, or on the main thread in slices), takes an open document's items from the
// editor's analysis, and skips a hostile file with a reason while it indexes the others.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPostmortem } from '../../server/src/documents';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { inThreadReader, type ActionItemReader } from '../../server/src/indexExtraction';
import { IndexWorker } from '../../server/src/indexWorker';
import { PostmortemService, type DocumentStore } from '../../server/src/service/languageService';
import { nodeFileSystem } from '../../server/src/service/nodeFileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { extractActionItems, WorkspaceIndex } from '../../server/src/workspaceIndex';
import { CRASH_MARKER } from '../helpers/indexWorker.index';
import { memoryFileSystem } from '../helpers/memoryFileSystem';
import { SPLITTER_DISAGREEMENTS } from '../helpers/splitterFixtures';

const NOW = new Date('2026-11-29T12:00:00Z');
const WORKER_SCRIPT = join(__dirname, '..', 'helpers', 'indexWorker.index.js');
const PM = (items: string) => `---\ntype: postmortem\n---\n\n# Incident\n\n## Action items\n\n${items}\n`;

/** What the index shows of an item, as `analyze` sees it. */
function analysed(text: string): string[] {
  const lines = new LineIndex(text);
  return analyze(text, { now: NOW }).model.actionItems.map((a) => `${lines.line(a.start)} ${a.text} ${a.owner ?? '-'} ${a.due ?? '-'} ${a.status}`);
}

function shown(items: Array<{ line: number; text: string; owner: string | null; due: string | null; status: string }>): string[] {
  return items.map((i) => `${i.line} ${i.text} ${i.owner ?? '-'} ${i.due ?? '-'} ${i.status}`);
}

function newIndex(reader: ActionItemReader, logs: string[] = [], isOpen?: (uri: string) => boolean): WorkspaceIndex {
  return new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => NOW, () => undefined, { fs: nodeFileSystem, log: (m) => logs.push(m), reader, isOpen });
}

describe('the workspace index reads files as analyze does', function () {
  this.timeout(60_000);
  let dir: string;
  let worker: IndexWorker;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-index-read-'));
    mkdirSync(join(dir, 'postmortems'));
    worker = new IndexWorker(WORKER_SCRIPT);
  });
  afterEach(() => {
    worker.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text] of Object.entries(SPLITTER_DISAGREEMENTS)) {
    it(`lists exactly the items analyze finds: ${name}`, async () => {
      const expected = analysed(text);
      assert.equal(expected.length, 1, 'the fixture holds one item remark reads as one');
      assert.deepEqual(shown(extractActionItems('file:///x.md', text, NOW)), expected);
      writeFileSync(join(dir, 'postmortems', 'pm.md'), text);
      for (const reader of [worker, inThreadReader()]) {
        const index = newIndex(reader);
        await index.rebuild([pathToFileURL(dir).toString()]);
        assert.deepEqual(shown(index.items()), expected);
      }
    });
  }

  it('skips a file that runs past its budget or ends the worker, with a reason, and indexes the rest', async () => {
    const logs: string[] = [];
    // The budget must hold the deep file's read on a busy machine (a test run beside others has taken
    // over 0.5 s for it) and fall far short of the slow file's: remark's time over alternating
    // emphasis markers grows with the square of their length (20 KB: seconds; 60 KB: about ten times that).
    worker = new IndexWorker(WORKER_SCRIPT, { budgetMs: 2000, budgetMsPerChar: 0 });
    const index = newIndex(worker, logs);
    const files: Record<string, string> = {
      'a-good.md': PM('- [ ] Add an alert. Owner: @ana'),
      'b-slow.md': PM(`- [ ] Slow. Owner: @b\n\n${'*_'.repeat(30_000)}`),
      'c-crash.md': PM(`- [ ] Crash. Owner: @c ${CRASH_MARKER}`),
      'd-deep.md': PM(`- [ ] Deep. Owner: @d\n\n${'> '.repeat(5000)}x\n\n${'- '.repeat(3000)}y`),
      'e-bomb.md': `---\ntype: postmortem\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n\n# I\n\n## Action items\n\n- [ ] Bomb. Owner: @e\n`,
      'f-after.md': PM('- [ ] After the crash. Owner: @f'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'postmortems', name), text);
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.equal(index.indexing, false);
    const indexed = ['a-good.md', 'd-deep.md', 'e-bomb.md', 'f-after.md'].flatMap((name) => analysed(files[name]));
    assert.deepEqual(shown(index.items()), indexed);
    assert.ok(indexed.some((i) => i.includes('@f')), 'the file after the crash is read by a fresh worker');
    assert.ok(logs.some((l) => /b-slow\.md: reading its action items took longer than 2\.0 s/.test(l)), logs.join('\n'));
    assert.ok(logs.some((l) => /c-crash\.md: the index worker stopped while reading it/.test(l)), logs.join('\n'));
  });

  it('lets its worker thread go when idle and starts a new one for the next file', async () => {
    worker = new IndexWorker(WORKER_SCRIPT, { idleMs: 50 });
    const first = PM('- [ ] Add an alert. Owner: @ana');
    const read = async (text: string) => {
      const result = await worker.read('file:///pm.md', text, NOW);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      return shown(result.items);
    };
    assert.equal(worker.alive, false, 'no thread before the first read');
    assert.deepEqual(await read(first), analysed(first));
    assert.equal(worker.alive, true);
    const deadline = Date.now() + 10_000;
    while (worker.alive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(worker.alive, false, 'the idle thread was let go');
    const second = PM('- [ ] Add a canary. Owner: @dee');
    assert.deepEqual(await read(second), analysed(second));
    assert.equal(worker.alive, true, 'a new thread read the next file');
  });

  it('on the main thread, skips a file that throws or runs past its budget, and indexes the rest', async () => {
    const logs: string[] = [];
    const inThread = inThreadReader(50, 0);
    const throwing: ActionItemReader = { read: (uri, text, now) => (text.includes('@thrower') ? Promise.reject(new Error('unreadable model')) : inThread.read(uri, text, now)) };
    const index = newIndex(throwing, logs);
    writeFileSync(join(dir, 'postmortems', 'a-good.md'), PM('- [ ] Add an alert. Owner: @ana'));
    writeFileSync(join(dir, 'postmortems', 'b-slow.md'), PM(`- [ ] Slow. Owner: @b\n\n${'*_'.repeat(5_000)}`));
    writeFileSync(join(dir, 'postmortems', 'c-throws.md'), PM('- [ ] Throws. Owner: @thrower'));
    writeFileSync(join(dir, 'postmortems', 'd-good.md'), PM('- [ ] Add a canary. Owner: @dee'));
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.equal(index.indexing, false);
    assert.deepEqual(index.items().map((i) => i.owner), ['@ana', '@dee']);
    assert.ok(logs.some((l) => /b-slow\.md: reading its action items took longer than/.test(l)), logs.join('\n'));
    assert.ok(logs.some((l) => /c-throws\.md: unreadable model/.test(l)), logs.join('\n'));
  });
});

describe('the workspace index keeps the newest text of a file', () => {
  it('drops a read that finishes after a newer change to the same file', async () => {
    const pending: Array<() => void> = [];
    const inThread = inThreadReader();
    // Each read waits until the test lets it finish, so reads can be made to finish out of order.
    const held: ActionItemReader = { read: (uri, text, now) => new Promise((resolve) => pending.push(() => void inThread.read(uri, text, now).then(resolve))) };
    const index = new WorkspaceIndex(() => true, () => NOW, () => undefined, { reader: held });
    const uri = 'file:///ws/postmortems/a.md';
    const older = index.setText(uri, PM('- [ ] Older text. Owner: @a'));
    const newer = index.setText(uri, PM('- [ ] Newer text. Owner: @a'));
    pending[1]();
    await newer;
    pending[0]();
    await older;
    assert.deepEqual(index.items().map((i) => i.text), ['Newer text. Owner: @a']);
    const late = index.setText(uri, PM('- [ ] Read from disk. Owner: @a'));
    const typed = PM('- [ ] Typed in the editor. Owner: @a');
    index.setAnalysis(uri, { text: typed, model: analyze(typed).model, lines: new LineIndex(typed) });
    pending[2]();
    await late;
    assert.deepEqual(index.items().map((i) => i.text), ['Typed in the editor. Owner: @a']);
  });
});

describe('the workspace index and open documents', () => {
  class Documents implements DocumentStore {
    readonly docs = new Map<string, TextDocument>();
    get(uri: string) {
      return this.docs.get(uri);
    }
    all() {
      return [...this.docs.values()];
    }
  }
  const WS = 'file:///ws';
  const URI = `${WS}/postmortems/outage.md`;

  it('lists an open document\'s typed, unsaved items from its analysis, and never reads it from disk', async () => {
    const read: string[] = [];
    const counting: ActionItemReader = { read: (uri, text, now) => (read.push(uri), inThreadReader().read(uri, text, now)) };
    const documents = new Documents();
    const service = new PostmortemService(documents, { fs: memoryFileSystem({ [URI]: PM('- [ ] Saved item. Owner: @saved') }), now: () => NOW, indexReader: counting });
    await service.reindex([WS]);
    assert.deepEqual(service.actionItems().items.map((i) => i.text), ['Saved item. Owner: @saved']);
    const typed = PM('- [ ] Typed item. Owner: @typed\n- [x] Second typed item. Owner: @typed');
    documents.docs.set(URI, TextDocument.create(URI, 'markdown', 2, typed));
    read.length = 0;
    await service.indexOpenDocument(URI);
    assert.deepEqual(service.actionItems().items.map((i) => [i.text, i.status]), [['Typed item. Owner: @typed', 'open'], ['Second typed item. Owner: @typed', 'done']]);
    const checked = await service.analysisFor(URI);
    assert.ok(checked.kind === 'ok');
    const analysis = (await checked.checked.full())!.analysis;
    assert.deepEqual(service.actionItems().items.map((i) => i.line), analysis.model.actionItems.map((a) => analysis.lines.line(a.start)));
    await service.reindex([WS]);
    assert.deepEqual(service.actionItems().items.map((i) => i.text), ['Typed item. Owner: @typed', 'Second typed item. Owner: @typed'], 'a rebuild keeps the open version');
    assert.deepEqual(read, [], 'the open document is never parsed a second time');
  });

  it('drops an open document that grows over the size limit', async () => {
    const documents = new Documents();
    const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW });
    service.setGlobalSettings({ maxFileSize: 5000 });
    documents.docs.set(URI, TextDocument.create(URI, 'markdown', 1, PM('- [ ] Small. Owner: @a')));
    await service.indexOpenDocument(URI);
    assert.equal(service.actionItems().items.length, 1);
    documents.docs.set(URI, TextDocument.create(URI, 'markdown', 2, PM(`- [ ] Big. Owner: @a\n\n${'x'.repeat(6000)}`)));
    await service.indexOpenDocument(URI);
    assert.equal(service.actionItems().items.length, 0);
  });
});
