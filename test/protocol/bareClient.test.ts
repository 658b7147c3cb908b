// A client with no workspace features (push diagnostics only, no configuration requests, no
// workspace folders, no dynamic registration), as many editors start: everything still works.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

describe('language server, as a bare client (push only, no workspace features)', function () {
  this.timeout(30_000);
  let client: TestClient;
  let dir: string;
  let init: InitializeResult;
  const requests: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-bare-'));
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents', 'disk.md'), '---\ntype: postmortem\n---\n\n# I\n\n## Action items\n\n- [ ] Add an alert. Owner: @disk\n');
    client = new TestClient();
    for (const method of ['workspace/configuration', 'client/registerCapability', 'workspace/workspaceFolders', 'window/workDoneProgress/create', 'window/showDocument']) {
      client.connection.onRequest(method, () => {
        requests.push(method);
        throw new Error(`${method} was not announced`);
      });
    }
    // Settings arrive with initialize, as initializationOptions; the workspace only as rootUri.
    const params = { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, initializationOptions: { postmortem: { files: ['**/incidents/**'], run: 'onType' } } };
    init = await client.connection.sendRequest<InitializeResult>('initialize', params);
    await client.connection.sendNotification('initialized', {});
  });
  after(() => client.stop());

  it('offers no pull diagnostics and no workspace-folder support it could not use', () => {
    assert.equal(init.capabilities.diagnosticProvider, undefined);
    assert.equal(init.capabilities.workspace?.workspaceFolders, undefined);
  });

  it('pushes diagnostics using the settings from initializationOptions', async () => {
    // Matched only by the globs sent in initializationOptions (no front matter, no postmortem title).
    const uri = pathToFileURL(join(dir, 'incidents', 'open.md')).toString();
    await client.open(uri, '# Database\n\nIt was human error.\n');
    await client.waitFor(() => client.published.some((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'no-blame-language')), 'pushed diagnostics');
  });

  it('indexes the workspace from rootUri', async () => {
    for (let i = 0; i < 50; i++) {
      const result = await client.connection.sendRequest<{ items: Array<{ owner: string | null }>; indexing: boolean }>('postmortem/actionItems', {});
      if (!result.indexing && result.items.some((item) => item.owner === '@disk')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the index never listed the file on disk');
  });

  it('takes new settings from workspace/didChangeConfiguration', async () => {
    const uri = pathToFileURL(join(dir, 'incidents', 'open.md')).toString();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { files: ['**/incidents/**'], rules: { 'no-blame-language': 'off' } } } });
    await client.waitFor(() => {
      const last = client.published.filter((p) => p.uri === uri).pop();
      return !!last && !last.diagnostics.some((d) => d.code === 'no-blame-language');
    }, 'diagnostics without the rule turned off');
  });

  it('asked the client for nothing it did not announce, and showed no error', () => {
    assert.deepEqual(requests, []);
    assert.deepEqual(client.messages.filter((m) => /failed/.test(m)), []);
  });
});
