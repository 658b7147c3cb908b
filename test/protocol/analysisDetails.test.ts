// Diagnostics cross from the analysis worker without the model and the fixes; the features that
// read them fetch them afterwards. Each answer must still be the current version's, also when the
// worker that analysed it has moved on or stopped.
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { OutlineRequest, type DocumentOutline } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';

const DOC = (n: number, extra = '') => `# Queue outage ${n} postmortem\n\n## Summary\n\nObviously the queue filled up.\n\n## Action items\n\n- [ ] Add an alert on queue depth. Owner: @a\n${extra}`;
const CAPABILITIES = { textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } };

const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

describe('language server: model and fixes fetched after a diagnostics-only answer', function () {
  this.timeout(60_000);
  let client: TestClient;
  const pull = (uri: string) => client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }).then((r) => r.items);
  const symbols = (uri: string) => client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

  before(async () => {
    client = new TestClient();
    await client.initialize(CAPABILITIES);
  });
  after(() => client.stop());

  it('diagnostic data names the version, a fingerprint of the named text and its place among the same text\'s findings only (no edits); the code action still carries the edit, computed on the analysis', async () => {
    const uri = 'file:///ws/postmortems/data.md';
    await client.open(uri, DOC(0));
    const hindsight = (await pull(uri)).find((d) => d.code === 'no-hindsight-minimizer');
    assert.ok(hindsight, 'the hindsight finding is reported');
    // [version, named, twin]: the rule id is the diagnostic's code, not repeated.
    const [version, named, twin] = hindsight.data as [number, string, string];
    assert.equal((hindsight.data as unknown[]).length, 3);
    assert.equal(typeof version, 'number');
    assert.match(twin, /^\d+\/\d+$/);
    assert.match(named, /^\d+:[0-9a-z]+$/, 'a short fingerprint, not the text');
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: hindsight.range, context: { diagnostics: [hindsight] } });
    const remove = actions.find((a) => a.title.startsWith('Remove'));
    assert.ok(remove, actions.map((a) => a.title).join(' | '));
    const [edit] = remove.edit!.changes![uri];
    assert.deepEqual(edit.range.start, hindsight.range.start);
  });

  it('symbols asked after the diagnostics of a new version are that version\'s', async () => {
    const uri = 'file:///ws/postmortems/versions.md';
    await client.open(uri, DOC(1));
    await pull(uri);
    assert.ok(!names(await symbols(uri)).some((n) => n.includes('Timeline')));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: DOC(1, '\n## Timeline\n\n- 10:02 Queue depth alert fired.\n') }] });
    await pull(uri);
    assert.ok(names(await symbols(uri)).some((n) => n.includes('Timeline')), 'the new section is listed');
  });

  it('code lenses and the outline, made in the analysis worker, are the current version\'s', async () => {
    const uri = 'file:///ws/postmortems/lenses.md';
    const lenses = () => client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }).then((l) => l.map((x) => x.command?.title ?? ''));
    const outline = () => client.connection.sendRequest<DocumentOutline>(OutlineRequest, { uri });
    await client.open(uri, DOC(4));
    await pull(uri);
    assert.deepEqual(await lenses(), ['1 item · 0 without owner · 0 overdue']);
    assert.deepEqual((await outline()).actionItems.map((a) => a.line), [8]);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: DOC(4, '- [ ] Add a dashboard.\n') }] });
    await pull(uri);
    assert.deepEqual(await lenses(), ['2 items · 1 without owner · 0 overdue']);
    assert.deepEqual((await outline()).actionItems.map((a) => [a.line, a.owner]), [[8, '@a'], [9, null]]);
  });

  it('a document whose worker went to other documents still gets its symbols and fixes', async () => {
    const first = 'file:///ws/postmortems/first.md';
    await client.open(first, DOC(2, '\n## Timeline\n\n- 09:00 Deploy started.\n'));
    await pull(first);
    // More open documents than workers: the first one's worker is given up while its analysis stays cached.
    for (let n = 3; n < 11; n++) {
      const uri = `file:///ws/postmortems/other-${n}.md`;
      await client.open(uri, DOC(n));
      await pull(uri);
    }
    assert.ok(names(await symbols(first)).some((n) => n.includes('Timeline')));
    const hindsight = (await pull(first)).find((d) => d.code === 'no-hindsight-minimizer')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: first }, range: hindsight.range, context: { diagnostics: [hindsight] } });
    assert.ok(actions.some((a) => a.title.startsWith('Remove')), actions.map((a) => a.title).join(' | '));
  });
});

describe('language server: an analysis worker that runs out of memory', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    // A heap far too small for the analysis: the worker stops the moment it loads.
    client = new TestClient({ POSTMORTEM_WORKER_HEAP_MB: '4' });
    await client.initialize(CAPABILITIES);
  });
  after(() => client.stop());

  it('gives the document one finding that says it could not be checked, and keeps serving', async () => {
    const uri = 'file:///ws/postmortems/oom.md';
    await client.open(uri, DOC(0));
    const items = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }).then((r) => r.items);
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.match(JSON.stringify(items[0].message), /could not be checked/);
    assert.deepEqual(await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });
});
