// A finding's docs link (`codeDescription`) on the wire: sent to a client that declares
// codeDescriptionSupport, left out for one that declares none, and for one that asked to make the
// links itself (the VS Code client: protocol.ts RULE_DOCS_FROM_CODE), which gets each rule's URL once,
// in the initialize result, instead. Pull and push alike.
import assert from 'node:assert/strict';
import type { ClientCapabilities, Diagnostic, DocumentDiagnosticReport, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { RULE_DOCS, RULE_DOCS_FROM_CODE, type RuleDocs } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';

const URI = 'file:///tmp/postmortems/2026-02-02-queue.md';
const TEXT = '---\ntype: postmortem\n---\n\n# Queue outage\n\n## Summary\n\nIt was human error.\n\n## Timeline\n\nAll times in UTC.\n\n- 10:10 Rolled back.\n- 10:00 Alert fired.\n';

async function started(capabilities: ClientCapabilities, initializationOptions?: unknown): Promise<{ client: TestClient; init: InitializeResult }> {
  const client = new TestClient();
  const init = await client.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null, initializationOptions });
  await client.connection.sendNotification('initialized', {});
  await client.open(URI, TEXT);
  return { client, init };
}

async function pulled(client: TestClient): Promise<Diagnostic[]> {
  const report = await client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
  assert.equal(report.kind, 'full');
  return report.items;
}

async function pushed(client: TestClient): Promise<Diagnostic[]> {
  const mine = (): PublishDiagnosticsParams | undefined => client.published.filter((p) => p.uri === URI && p.diagnostics.length > 0).pop();
  await client.waitFor(() => mine() !== undefined, 'pushed diagnostics');
  return mine()!.diagnostics;
}

/** The findings of rules: those that carry data (a configuration or input-limit notice carries none, and never a link). */
const findings = (items: Diagnostic[]) => items.filter((d) => d.data !== undefined);

describe('docs links on the wire', function () {
  const clients: TestClient[] = [];
  after(() => Promise.all(clients.map((c) => c.stop())));

  it('a pulling client that declares codeDescriptionSupport gets each finding\'s docs link', async () => {
    const { client, init } = await started({ textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true } } });
    clients.push(client);
    const items = findings(await pulled(client));
    assert.ok(items.length >= 2);
    for (const d of items) assert.match(d.codeDescription?.href ?? '', new RegExp(`/${d.code}\\.md$`), String(d.code));
    assert.equal((init.capabilities.experimental as Record<string, unknown> | undefined)?.[RULE_DOCS], undefined, 'no table it did not ask for');
  });

  it('a pushing client that declares it gets the links too; one that declares none gets none', async () => {
    const declared = await started({ textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } });
    const silent = await started({ textDocument: { publishDiagnostics: { versionSupport: true } } });
    clients.push(declared.client, silent.client);
    const withLinks = findings(await pushed(declared.client));
    assert.ok(withLinks.length >= 2 && withLinks.every((d) => d.codeDescription?.href.endsWith(`/${d.code}.md`)));
    const without = findings(await pushed(silent.client));
    assert.equal(without.length, withLinks.length);
    assert.ok(without.every((d) => !('codeDescription' in d)));
  });

  it('a client that makes the links itself gets none on any diagnostic, and the URL of every rule once, the same the field carries', async () => {
    const own = await started({ textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true } } }, { [RULE_DOCS_FROM_CODE]: true });
    const field = await started({ textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true } } });
    clients.push(own.client, field.client);
    const table = (own.init.capabilities.experimental as Record<string, RuleDocs>)[RULE_DOCS];
    const items = await pulled(own.client);
    assert.ok(items.length >= 2);
    assert.ok(items.every((d) => !('codeDescription' in d)));
    const linked = findings(await pulled(field.client));
    assert.deepEqual(findings(items).map((d) => d.code), linked.map((d) => d.code));
    for (const d of linked) assert.equal(table[String(d.code)], d.codeDescription!.href);
    assert.ok(Object.keys(table).includes('no-blame-language') && Object.keys(table).includes('timeline-order'));
    // The report is smaller by the links left out.
    assert.ok(JSON.stringify(items).length < JSON.stringify(linked).length - 50 * linked.length);
  });

  it('settings sent as initialization options still apply beside the flag', async () => {
    const { client } = await started({ textDocument: { diagnostic: { dynamicRegistration: false } } }, { [RULE_DOCS_FROM_CODE]: true, postmortem: { rules: { 'no-blame-language': 'off' } } });
    clients.push(client);
    const items = await pulled(client);
    assert.ok(items.length > 0 && !items.some((d) => d.code === 'no-blame-language'));
  });
});
