import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'postmortems', '2026-10-14-search-outage.md');
const URI = pathToFileURL(EXAMPLE).toString();

describe('language server, as a client with pull diagnostics', function () {
  let client: TestClient;
  let init: InitializeResult;
  let doc: TextDocument;

  const pullDiagnostics = async (): Promise<Diagnostic[]> => {
    const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
    assert.equal(report.kind, 'full');
    return (report as { items: Diagnostic[] }).items;
  };
  const change = async (edits: TextEdit[]) => {
    doc = TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), doc.version + 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: doc.version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
  };
  const find = (text: string) => doc.positionAt(doc.getText().indexOf(text));

  before(async () => {
    client = new TestClient();
    init = await client.initialize({
      textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { showDocument: { support: true } },
    }, pathToFileURL(join(ROOT, 'examples')).toString());
    doc = TextDocument.create(URI, 'markdown', 1, readFileSync(EXAMPLE, 'utf8'));
    await client.open(URI, doc.getText());
  });
  after(() => client.stop());

  it('says who it is and offers pull diagnostics and incremental sync', () => {
    assert.equal(init.serverInfo?.name, 'postmortem-language-server');
    assert.match(init.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
    assert.ok(init.capabilities.diagnosticProvider);
    assert.deepEqual((init.capabilities.textDocumentSync as { change: number }).change, 2);
  });

  it('reports every rule family with code, docs link, source and data', async () => {
    const items = await pullDiagnostics();
    const codes = new Set(items.map((d) => d.code));
    for (const id of ['no-blame-language', 'no-counterfactual', 'root-cause-depth', 'action-item-owner', 'action-item-vague', 'empty-section', 'timeline-order', 'impact-quantified']) assert.ok(codes.has(id), id);
    const blame = items.find((d) => d.code === 'no-blame-language')!;
    assert.equal(blame.source, 'postmortem');
    assert.match(blame.codeDescription!.href, /no-blame-language/);
    assert.equal(doc.getText(blame.range), 'human error');
    assert.equal((blame.data as unknown[])[0], doc.version, 'the version it was computed on');
  });

  it('follows incremental edits', async () => {
    const start = find('human error');
    await change([{ range: { start, end: { line: start.line, character: start.character + 'human error'.length } }, newText: 'a gap in review' }]);
    const items = await pullDiagnostics();
    assert.ok(!items.some((d) => d.code === 'no-blame-language' && d.range.start.line === start.line && d.range.start.character === start.character));
  });

  it('offers code actions whose edits fix the finding', async () => {
    const order = (await pullDiagnostics()).find((d) => d.code === 'timeline-order')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: order.range, context: { diagnostics: [order] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable timeline-order for this line'));
    assert.ok(titles.includes('Disable timeline-order for this file'));
    assert.ok(titles.includes('Show documentation for timeline-order'));
    const sort = actions.find((a) => a.title === 'Sort the timeline entries by time')!;
    assert.equal(sort.isPreferred, true);
    await change(sort.edit!.changes![URI]);
    assert.ok(!(await pullDiagnostics()).some((d) => d.code === 'timeline-order'));
  });

  it('applies "disable for this line" so the finding goes', async () => {
    const vague = (await pullDiagnostics()).find((d) => d.code === 'action-item-vague')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: vague.range, context: { diagnostics: [vague] } });
    await change(actions.find((a) => a.title === 'Disable action-item-vague for this line')!.edit!.changes![URI]);
    assert.ok(!(await pullDiagnostics()).some((d) => d.code === 'action-item-vague' && d.range.start.line === vague.range.start.line));
  });

  it('offers source.fixAll.postmortem', async () => {
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.postmortem']);
    assert.ok(actions[0].edit!.changes![URI].length > 0);
  });

  it('explains findings and timeline times on hover', async () => {
    const at = find('forgot to');
    const onFinding = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: at });
    assert.match(JSON.stringify(onFinding.contents), /no-blame-language/);
    const time = find('13:45');
    const onTime = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: time.line, character: time.character + 1 } });
    assert.match(JSON.stringify(onTime.contents), /T\+00:33\*\* since the impact start/);
  });

  it('lists sections with timeline entries and action items as children', async () => {
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const title = symbols[0];
    const timeline = title.children!.find((s) => s.name === 'Timeline')!;
    assert.equal(timeline.children!.length, 5);
    assert.match(timeline.children![0].name, /^13:10/);
    const actions = title.children!.find((s) => s.name === 'Action items')!;
    assert.equal(actions.children!.length, 3);
  });

  it('completes section headings, owners and relative due dates', async () => {
    await change([{ range: { start: { line: doc.lineCount, character: 0 }, end: { line: doc.lineCount, character: 0 } }, newText: '\n## Ro' }]);
    const last = doc.lineCount - 1;
    const headings = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: last, character: 5 } });
    assert.ok(headings.some((c) => c.label === 'Root cause'));
    await change([{ range: { start: { line: last, character: 0 }, end: { line: last, character: 5 } }, newText: '- [ ] Add a check. Owner: @ Due: +7d' }]);
    const owners = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: last, character: '- [ ] Add a check. Owner: @'.length } });
    assert.ok(owners.some((c) => c.label === '@dana'), JSON.stringify(owners.map((c) => c.label)));
    const dates = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: last, character: doc.getText().split('\n')[last].length } });
    assert.match(String(dates[0]?.label), /^\d{4}-\d{2}-\d{2}$/);
  });

  it('re-checks after a configuration change', async () => {
    const before = client.refreshes;
    client.settings = { rules: { 'no-blame-language': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.refreshes > before, 'a diagnostic refresh');
    assert.ok(!(await pullDiagnostics()).some((d) => d.code === 'no-blame-language'));
  });

  it('opens rule documentation through the client', async () => {
    await client.connection.sendRequest('workspace/executeCommand', { command: 'postmortem.showRuleDocumentation', arguments: ['timeline-order'] });
    assert.match(client.shownDocuments[0], /timeline-order/);
  });

  it('leaves Markdown that is not a postmortem alone', async () => {
    const uri = 'file:///tmp/notes/readme.md';
    await client.open(uri, '# Notes\n\nIt was human error.\n');
    const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items, []);
  });
});
