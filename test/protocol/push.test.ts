import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const URI = 'file:///tmp/postmortems/2026-01-01-db.md';
const TEXT = '---\ntype: postmortem\n---\n\n# DB outage\n\n## Summary\n\nIt was human error.\n\n## Timeline\n\nAll times in UTC.\n\n- 10:10 Rolled back.\n- 10:00 Alert fired.\n';

describe('language server, as a client without pull diagnostics (push)', function () {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    const init = await client.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(() => client.stop());

  it('publishes diagnostics after open, with the version', async () => {
    await client.open(URI, TEXT, 1);
    await client.waitFor(() => client.published.some((p) => p.uri === URI && p.diagnostics.length > 0), 'diagnostics');
    const last = client.published[client.published.length - 1];
    assert.equal(last.version, 1);
    assert.ok(last.diagnostics.some((d) => d.code === 'no-blame-language'));
    assert.ok(last.diagnostics.some((d) => d.code === 'timeline-order'));
  });

  it('never publishes an older version after a newer one during rapid edits', async () => {
    for (let v = 2; v <= 30; v++) {
      const text = v % 2 ? TEXT : TEXT.replace('human error', 'a gap in review');
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: v }, contentChanges: [{ text }] });
    }
    await client.waitFor(() => client.published.some((p) => p.version === 30), 'version 30');
    const versions = client.published.filter((p) => p.uri === URI).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.ok(versions.length < 10, `debounced: ${versions.length} publishes for 29 edits`);
  });

  it('applies the document-wide fix-all', async () => {
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.postmortem'] } });
    assert.equal(actions.length, 1);
    const edits = actions[0].edit!.changes![URI];
    assert.ok(edits.some((e) => e.newText.includes('- 10:00 Alert fired.\n- 10:10 Rolled back.')));
    assert.ok(edits.some((e) => e.newText.includes('## Root cause')));
  });

  it('clears diagnostics when the document closes', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await client.waitFor(() => {
      const last = client.published[client.published.length - 1];
      return last.uri === URI && last.diagnostics.length === 0;
    }, 'cleared diagnostics');
  });
});
