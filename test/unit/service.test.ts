// The language service without a connection: documents in, results out. Every feature the LSP
// handlers expose, answered from an in-memory workspace.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams, Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver';
import { PostmortemService, type ServiceHost } from '../../server/src/service/languageService';
import { clientFileSystem } from '../../server/src/handlers/clientFileSystem';
import { AnalysisCache } from '../../server/src/documents';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest, type Insertion } from '../../server/src/protocol';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const NOW = new Date('2026-11-29T12:00:00Z');
const WS = 'file:///ws';
const DOC = `${WS}/postmortems/outage.md`;

const POSTMORTEM = [
  '# Postmortem: search outage',
  '',
  '## Summary',
  '',
  'Search returned errors for 40 minutes.',
  '',
  '## Timeline',
  '',
  '- 10:00 UTC Deploy started',
  '- 10:05 UTC Alert fired for search errors',
  '- 10:40 UTC Rollback finished, errors stopped',
  '',
  '## Root cause',
  '',
  'Bob forgot to run the migration.',
  '',
  '## Action items',
  '',
  '- [ ] Add a migration check to the deploy. Due: 2026-12-15',
  '- [ ] Page on search error rate. Owner: @dana. Due: 2026-12-01',
  '',
].join('\n');

function setup(files: Record<string, string> = {}, host: Partial<ServiceHost> = {}) {
  const documents = new MemoryDocuments();
  const told: string[] = [];
  const fs = memoryFileSystem(files);
  const service = new PostmortemService(documents, { fs, now: () => NOW, tell: (_kind, m) => told.push(m), ...host });
  return { documents, service, told, fs };
}

const CANCELLED = { isCancellationRequested: true };
const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => d.code);

function actionParams(uri: string, diagnostics: Diagnostic[]): CodeActionParams {
  return { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } };
}

describe('language service (no connection)', () => {
  describe('diagnostics', () => {
    it('reports findings of a postmortem and nothing for other Markdown', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      documents.set(`${WS}/README.md`, '# Readme\n\nBob forgot to run the migration.\n');
      const found = await service.diagnostics(DOC);
      assert.ok(codes(found).includes('no-blame-language'), codes(found).join());
      assert.ok(codes(found).includes('action-item-owner'), codes(found).join());
      assert.deepEqual(await service.diagnostics(`${WS}/README.md`), []);
      assert.deepEqual(await service.diagnostics(`${WS}/closed.md`), []);
    });

    it('a document over the size limit gets one too-large diagnostic', async () => {
      const { documents, service } = setup({}, { settings: async () => ({ maxFileSize: 100 }) });
      documents.set(DOC, POSTMORTEM);
      assert.deepEqual(codes(await service.diagnostics(DOC)), ['too-large']);
    });

    it('reads the nearest .postmortemrc above the document, found upward through the file system', async () => {
      const { documents, service, fs } = setup({
        [`${WS}/.postmortemrc.json`]: JSON.stringify({ rules: { 'no-blame-language': 'off' } }),
        [`${WS}/postmortems/.keep`]: '',
      });
      documents.set(DOC, POSTMORTEM);
      const found = codes(await service.diagnostics(DOC));
      assert.ok(!found.includes('no-blame-language'), found.join());
      assert.ok(found.includes('action-item-owner'), found.join());
      assert.ok(fs.asked.includes(`${WS}/postmortems/.postmortemrc.json`), 'looked in the document\'s folder first');
    });

    it('stops the search at a repository root, as the CLI does', async () => {
      const { documents, service } = setup({
        [`${WS}/.postmortemrc.json`]: JSON.stringify({ rules: { 'no-blame-language': 'off' } }),
        [`${WS}/repo/.git/HEAD`]: 'ref: refs/heads/main\n',
      });
      const uri = `${WS}/repo/postmortems/outage.md`;
      documents.set(uri, POSTMORTEM);
      assert.ok(codes(await service.diagnostics(uri)).includes('no-blame-language'));
    });

    it('a broken configuration file is one config diagnostic and one message; defaults apply', async () => {
      const { documents, service, told } = setup({ [`${WS}/.postmortemrc.json`]: '{ "rules": ' });
      documents.set(DOC, POSTMORTEM);
      const found = await service.diagnostics(DOC);
      assert.equal(found?.[0].code, 'config');
      assert.match(String(found![0].message), /\/ws\/\.postmortemrc\.json: not valid JSON/);
      assert.ok(codes(found).includes('no-blame-language'));
      await service.diagnostics(DOC);
      assert.equal(told.filter((m) => /not valid JSON/.test(m)).length, 1);
    });

    it('an oversized configuration file is not parsed: one config diagnostic; defaults apply', async () => {
      const { documents, service, told } = setup({ [`${WS}/.postmortemrc.yaml`]: `rules:\n${'  # padding\n'.repeat(30_000)}  no-blame-language: off\n` });
      documents.set(DOC, POSTMORTEM);
      const found = await service.diagnostics(DOC);
      assert.equal(found?.[0].code, 'config');
      assert.match(String(found![0].message), /\.postmortemrc\.yaml: is \d+ KB; a configuration over 256 KB is not read/);
      assert.ok(codes(found).includes('no-blame-language'), 'the defaults apply, not the oversized file\'s rules');
      assert.equal(told.filter((m) => /is not read/.test(m)).length, 1);
    });

    it('settings changes are read again once the service is told', async () => {
      let run = 'onType';
      const { documents, service } = setup({}, { settings: async () => ({ rules: run === 'off' ? { 'no-blame-language': 'off' } : {} }) });
      documents.set(DOC, POSTMORTEM);
      assert.ok(codes(await service.diagnostics(DOC)).includes('no-blame-language'));
      run = 'off';
      service.settingsChanged();
      assert.ok(!codes(await service.diagnostics(DOC)).includes('no-blame-language'));
    });
  });

  describe('code actions', () => {
    it('offers the owner fix at the finding\'s current place after lines were typed above it', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const owner = (await service.diagnostics(DOC))!.filter((d) => d.code === 'action-item-owner');
      documents.set(DOC, `Two lines typed\nabove everything.\n${POSTMORTEM}`);
      const actions = (await service.codeActions(actionParams(DOC, owner)))!;
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, actions.map((a) => a.title).join());
      const edit = fix.edit!.changes![DOC][0] as TextEdit;
      assert.equal(edit.range.start.line, owner[0].range.start.line + 2, 'placed in the current version');
    });

    it('withholds a fix whose finding is gone from the current version', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const owner = (await service.diagnostics(DOC))!.filter((d) => d.code === 'action-item-owner');
      documents.set(DOC, POSTMORTEM.replace('Due: 2026-12-15', 'Owner: @lee. Due: 2026-12-15'));
      const actions = (await service.codeActions(actionParams(DOC, owner)))!;
      assert.ok(!actions.some((a) => a.isPreferred || a.title === 'Add an owner placeholder'), actions.map((a) => a.title).join());
      assert.ok(!actions.some((a) => a.title.startsWith('Disable action-item-owner for this line')));
    });
  });

  describe('hover, symbols, lenses, completion, insertions, outline', () => {
    it('hover over a finding explains its rule', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const result = await service.hover(DOC, { line: 14, character: 6 });
      assert.match((result?.contents as MarkupContent).value, /no-blame-language/);
    });

    it('symbols nest timeline entries and action items under their sections', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const symbols = (await service.documentSymbols(DOC))!;
      const flat = (s: typeof symbols): typeof symbols => s.flatMap((x) => [x, ...flat(x.children ?? [])]);
      const timeline = flat(symbols).find((s) => s.name === 'Timeline')!;
      assert.equal(timeline.children?.length, 3);
      assert.equal(flat(symbols).find((s) => s.name === 'Action items')!.children?.length, 2);
    });

    it('lenses count the action items without owner', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const titles = (await service.codeLenses(DOC))!.map((l) => l.command?.title ?? '');
      assert.ok(titles.some((t) => /2 items · 1 without owner/.test(t)), titles.join(' | '));
    });

    it('completes owners from the workspace index, read through the file system', async () => {
      const { documents, service } = setup({
        [`${WS}/postmortems/older.md`]: '# Postmortem: older\n\n## Action items\n\n- [ ] Rotate keys. Owner: @mika. Due: 2026-11-01\n',
      });
      await service.reindex([WS]);
      const items = service.actionItems();
      assert.equal(items.indexing, false);
      assert.deepEqual(items.items.map((i) => [i.uri, i.owner, i.overdue]), [[`${WS}/postmortems/older.md`, '@mika', true]]);
      documents.set(DOC, `${POSTMORTEM}- [ ] Review dashboards. Owner: @`);
      const line = POSTMORTEM.split('\n').length - 1;
      const labels = (await service.completion(DOC, { line, character: 36 }))!.map((c) => c.label);
      assert.deepEqual(labels, ['@dana', '@mika']);
    });

    it('completes section titles after a heading marker', async () => {
      const { documents, service } = setup();
      documents.set(DOC, `${POSTMORTEM}## Imp`);
      const line = POSTMORTEM.split('\n').length - 1;
      const labels = (await service.completion(DOC, { line, character: 6 }))!.map((c) => c.label);
      assert.ok(labels.includes('Impact'), labels.join());
    });

    it('inserts a timeline entry after the last one and an action item in the list', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const entry = (await service.timelineInsertion({ uri: DOC, now: '2026-11-29T11:15:00Z' })) as Insertion;
      assert.equal(entry.edit.range.start.line, 10, 'at the end of the last entry');
      assert.match(entry.edit.newText, /- 11:15 /);
      const item = (await service.actionItemInsertion({ uri: DOC, text: 'Load-test search', owner: 'ana', due: '2026-12-20' })) as Insertion;
      assert.match(item.edit.newText, /Load-test search.*@ana.*2026-12-20/);
    });

    it('a timeline entry is stamped with the wall clock the timeline\'s own zone reads back: a region written all year follows daylight saving', async () => {
      const { documents, service } = setup();
      const timeline = (zone: string) => `# Postmortem: queue backlog\n\n## Timeline\n\nAll times in ${zone}.\n\n- 09:00 Alert fired.\n`;
      // 17:30 UTC on 15 July is 10:30 in California (PDT, UTC-7), whatever the timeline calls its zone.
      const july = '2026-07-15T17:30:00Z';
      for (const zone of ['PT', 'PST', 'America/Los_Angeles']) {
        documents.set(DOC, timeline(zone));
        const entry = (await service.timelineInsertion({ uri: DOC, now: july })) as Insertion;
        assert.match(entry.edit.newText, /- 10:30 $/, `${zone}: ${JSON.stringify(entry.edit.newText)}`);
      }
      // A fixed offset stays fixed.
      documents.set(DOC, timeline('UTC-8'));
      assert.match(((await service.timelineInsertion({ uri: DOC, now: july })) as Insertion).edit.newText, /- 09:30 $/);
    });

    it('the outline of a document that is not a postmortem is empty', async () => {
      const { documents, service } = setup();
      documents.set(`${WS}/README.md`, '# Readme\n');
      assert.equal((await service.outline(`${WS}/README.md`))?.isPostmortem, false);
      documents.set(DOC, POSTMORTEM);
      assert.equal((await service.outline(DOC))?.actionItems.length, 2);
    });
  });

  describe('cancellation', () => {
    it('a cancelled request gets no result from any feature', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      assert.equal(await service.diagnostics(DOC, CANCELLED), undefined);
      assert.equal(await service.hover(DOC, { line: 14, character: 6 }, CANCELLED), undefined);
      assert.equal(await service.documentSymbols(DOC, CANCELLED), undefined);
      assert.equal(await service.codeLenses(DOC, CANCELLED), undefined);
      assert.equal(await service.completion(DOC, { line: 2, character: 3 }, CANCELLED), undefined);
      assert.equal(await service.outline(DOC, CANCELLED), undefined);
      assert.equal(await service.timelineInsertion({ uri: DOC, now: NOW.toISOString() }, CANCELLED), undefined);
      const item = { uri: DOC, text: 'Load-test search', owner: 'ana', due: '2026-12-20' };
      assert.equal(await service.actionItemInsertion(item, CANCELLED), undefined);
      // Code actions are asked with the findings the client holds: those of an analysis that was not cancelled.
      const diagnostics = (await service.diagnostics(DOC))!;
      assert.equal(await service.codeActions(actionParams(DOC, diagnostics), CANCELLED), undefined);
      // Not cancelled, the same two requests are answered: it is the cancellation that left them empty.
      assert.ok(((await service.codeActions(actionParams(DOC, diagnostics))) ?? []).length > 0);
      assert.ok(await service.actionItemInsertion(item));
    });

    it('cancelling while the analysis waits stops it, and a later request still gets an answer', async () => {
      const logs: string[] = [];
      const { documents, service } = setup({}, { log: (m) => logs.push(m) });
      documents.set(DOC, POSTMORTEM);
      const token = { isCancellationRequested: false };
      const pending = service.hover(DOC, { line: 14, character: 6 }, token);
      token.isCancellationRequested = true;
      assert.equal(await pending, undefined);
      assert.ok(logs.some((l) => /its requests were cancelled/.test(l)), logs.join('\n'));
      assert.ok(await service.hover(DOC, { line: 14, character: 6 }));
    });

    it('a superseded version answers nothing (the handler then asks the client to retry)', async () => {
      const { documents, service } = setup();
      documents.set(DOC, POSTMORTEM);
      const pending = service.diagnostics(DOC);
      documents.set(DOC, `${POSTMORTEM}\nMore.\n`);
      assert.equal(await pending, undefined);
    });
  });

  describe('in a web worker: files read through the client', () => {
    /** What the browser client does with vscode.workspace.fs, here over an in-memory workspace. */
    function fakeClient(files: Record<string, string>) {
      const fs = memoryFileSystem(files);
      const methods: string[] = [];
      const sendRequest = async (method: string, params: { uri: string }): Promise<unknown> => {
        methods.push(method);
        if (method === ReadFileRequest) return { text: await fs.readFile(params.uri) };
        if (method === StatRequest) return (await fs.stat(params.uri)) ?? null;
        if (method === ReadDirectoryRequest) return fs.readDirectory(params.uri);
        throw new Error(`unexpected ${method}`);
      };
      return { connection: { sendRequest } as unknown as Parameters<typeof clientFileSystem>[0], methods };
    }

    it('reads .postmortemrc and indexes the workspace\'s action items through client requests', async () => {
      const vfs = 'vscode-vfs://github/acme/ops';
      const { connection, methods } = fakeClient({
        [`${vfs}/.postmortemrc.yaml`]: 'rules:\n  no-blame-language: off\n',
        [`${vfs}/postmortems/older.md`]: '# Postmortem: older\n\n## Action items\n\n- [ ] Rotate keys. Owner: @mika. Due: 2026-12-30\n',
        [`${vfs}/notes/todo.md`]: '# Notes\n\n## Action items\n\n- [ ] not a postmortem\n',
      });
      const documents = new MemoryDocuments();
      const service = new PostmortemService(documents, { fs: clientFileSystem(connection), now: () => NOW });
      await service.reindex([vfs]);
      assert.deepEqual(service.actionItems().items.map((i) => [i.uri, i.text]), [[`${vfs}/postmortems/older.md`, 'Rotate keys. Owner: @mika. Due: 2026-12-30']]);
      const uri = `${vfs}/postmortems/outage.md`;
      documents.set(uri, POSTMORTEM);
      const found = codes(await service.diagnostics(uri));
      assert.ok(found.includes('action-item-owner') && !found.includes('no-blame-language'), found.join());
      assert.deepEqual([...new Set(methods)].sort(), [ReadDirectoryRequest, ReadFileRequest, StatRequest].sort());
    });
  });
});

describe('language service with tracker states', () => {
  const TRACKED = `${POSTMORTEM}- [x] Add a canary. Owner: @dana. Due: 2026-12-01. octo/app#1\n`;
  const driftLines = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'action-item-drift').map((d) => d.range.start.line);
  const OPEN = { 'github:octo/app#1': { state: 'open' as const } };

  it('a tracker-state change during an analysis is not lost: the next answer uses the new states', async () => {
    const config = await setup().service.documentConfig(DOC);
    const cache = new AnalysisCache(() => NOW);
    let states = {};
    cache.trackerStates = () => states;
    const doc = TextDocument.create(DOC, 'markdown', 1, TRACKED);
    const first = cache.get(doc, config);
    states = OPEN;
    cache.clear();
    await first;
    const again = await cache.get(doc, config);
    assert.equal(again?.headline.findings.filter((f) => f.ruleId === 'action-item-drift').length, 1);
  });

  it('with run: onSave, new tracker states re-check the saved text, not unsaved edits', async () => {
    const { documents, service } = setup({}, { settings: async () => ({ run: 'onSave' }) });
    let states = {};
    service.useTrackerStates(() => states);
    documents.set(DOC, TRACKED);
    assert.deepEqual(driftLines(await service.diagnostics(DOC)), []);
    documents.set(DOC, `Two lines typed\nabove everything.\n${TRACKED}`);
    states = OPEN;
    service.trackerStatesChanged();
    assert.deepEqual(driftLines(await service.diagnostics(DOC)), [TRACKED.split('\n').length - 2]);
  });
});
