import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { generatePostmortem } from '../../bench/generate';
import { TestClient } from '../helpers/lspClient';

describe('stale and cancelled work stops', function () {
  this.timeout(60_000);
  let client: TestClient;
  const big = generatePostmortem(15_000, 9);

  before(async () => {
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  });
  after(() => client.stop());

  const pull = (uri: string, source?: CancellationTokenSource) => {
    const params = { textDocument: { uri } };
    return source
      ? client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', params, source.token)
      : client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', params);
  };

  it('stops analysing a version as soon as a newer one arrives, and answers for the newer one', async () => {
    const uri = 'file:///tmp/postmortems/big-edit.md';
    await client.open(uri, big, 1);
    const first = pull(uri).then(() => undefined, (e: { code?: number; data?: { retriggerRequest?: boolean } }) => e);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${big}\nIt was human error.\n` }] });
    const second = await pull(uri);
    assert.ok(second.items.some((d) => d.code === 'no-blame-language' && d.range.start.line === 15_001));
    // The superseded request is answered ServerCancelled with retriggerRequest, never an empty report.
    const error = await first;
    assert.equal(error?.code, LSPErrorCodes.ServerCancelled);
    assert.equal(error?.data?.retriggerRequest, true);
    await client.waitFor(() => client.logs.some((l) => /Stopped analysing .*big-edit\.md \(version 1\): a newer version arrived/.test(l)), 'the log line');
  });

  it('stops an analysis whose only request was cancelled', async () => {
    const uri = 'file:///tmp/postmortems/big-cancel.md';
    await client.open(uri, big, 1);
    const source = new CancellationTokenSource();
    const pending = pull(uri, source).catch((e: { code?: number }) => e);
    setImmediate(() => source.cancel());
    await pending;
    await client.waitFor(() => client.logs.some((l) => /Stopped analysing .*big-cancel\.md \(version 1\): its requests were cancelled/.test(l)), 'the log line');
    const again = await pull(uri);
    assert.ok(again.items.length > 0, 'a later request still gets diagnostics');
  });
});
