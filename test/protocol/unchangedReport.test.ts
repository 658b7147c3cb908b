// A pull answered "unchanged" when the findings the user sees did not change: typing inside a
// sentence of a long document leaves every diagnostic where it was, and the client then keeps its
// diagnostics instead of decoding the same report again. Any change a user would see gives a full report.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const URI = 'file:///ws/postmortems/unchanged.md';
const DOC = (summary: string) => `# Queue outage postmortem\n\n## Summary\n\n${summary}\n\nObviously the queue filled up.\n\n## Action items\n\n- [ ] Add an alert on queue depth. Owner: @a\n`;

describe('language server: pull reports answered "unchanged" when nothing visible changed', function () {
  this.timeout(60_000);
  let client: TestClient;
  let version = 1;
  const change = (text: string) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ text }] });
  const pull = (previousResultId?: string) => client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId });

  before(async () => {
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } });
    await client.open(URI, DOC('The queue grew for an hour.'));
  });
  after(() => client.stop());

  it('answers unchanged for an edit that moves no finding, full for one that adds a finding or without the previous id', async () => {
    const first = await pull();
    assert.equal(first.kind, 'full');
    const firstId = first.resultId;
    assert.ok(firstId, 'a full report carries a result id');
    assert.ok(first.items.some((d: Diagnostic) => d.code === 'no-hindsight-minimizer'));

    // Same length, same lines: every finding stays where it was.
    await change(DOC('The queue grew for an hour!'));
    const same = await pull(firstId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: firstId });

    // Without the id the client holds, the answer must be the full report.
    await change(DOC('The queue grew for an hour?'));
    const again = await pull();
    assert.equal(again.kind, 'full');

    // New blame wording: a finding the user must see.
    await change(DOC('The queue grew because of human error.'));
    const changed = await pull(again.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, again.resultId);
    assert.ok(changed.items.some((d: Diagnostic) => d.code === 'no-blame-language'));

    // A finding that moved (a longer line above it) is a change too.
    await change(DOC('The queue grew because of human error, for an hour.\n\nIt kept growing.'));
    const moved = await pull(changed.resultId);
    assert.equal(moved.kind, 'full');
  });

  it('a diagnostic kept from an earlier, equal report still gets the current version\'s fix', async () => {
    await change(DOC('The queue grew for an hour.'));
    const full = await pull();
    assert.equal(full.kind, 'full');
    await change(DOC('The queue grew for an hour!'));
    const unchanged = await pull(full.resultId);
    assert.equal(unchanged.kind, 'unchanged');
    // The client still shows the first report's diagnostic, whose data names the older version.
    const kept = full.items.find((d: Diagnostic) => d.code === 'no-hindsight-minimizer')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: kept.range, context: { diagnostics: [kept], only: ['quickfix'] },
    });
    // The rule's own fixes (not the actions that add a suppression comment or change settings).
    const fixes = actions.filter((a) => a.diagnostics?.length && !/disable|ignore|suppress/i.test(a.title));
    assert.ok(fixes.length > 0, `a quick fix is offered (got: ${actions.map((a) => a.title).join('; ')})`);
    for (const fix of fixes) {
      const edits = Object.values(fix.edit?.changes ?? {}).flat();
      assert.ok(edits.length > 0, `"${fix.title}" has edits`);
      for (const e of edits) assert.equal(e.range.start.line, kept.range.start.line, `"${fix.title}" edits the line the diagnostic names`);
    }
  });
});
