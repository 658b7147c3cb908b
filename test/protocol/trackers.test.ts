import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FollowThroughResult, TrackerStatesResult } from '../../server/src/trackerProtocol';
import { FakeTrackers } from '../helpers/fakeTrackers';
import { TestClient } from '../helpers/lspClient';

const TEXT = '# Queue backlog postmortem\n\n## Action items\n\n- [x] Add a queue depth alert. Owner: @ana. Due: 2026-03-01. octo/app#1\n- [ ] Cap consumer retries. Owner: @ben. Due: 2026-03-10. octo/app#2\n';

describe('language server: tracker states in the background', function () {
  let fake: FakeTrackers;
  let client: TestClient;
  let uri: string;

  before(async () => {
    fake = await new FakeTrackers().start();
    fake.issues.set('github:octo/app#1', { state: 'open' });
    fake.issues.set('github:octo/app#2', { state: 'open' });
    const dir = mkdtempSync(join(tmpdir(), 'pm-proto-trackers-'));
    mkdirSync(join(dir, 'postmortems'));
    const file = join(dir, 'postmortems', 'queue.md');
    writeFileSync(file, TEXT);
    uri = pathToFileURL(file).toString();
    client = new TestClient();
    await client.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } }, pathToFileURL(dir).toString());
    await client.open(uri, TEXT, 1);
    // The workspace index (which the background reads follow) lists the item once it has read the folder.
    let indexed = { items: [] as unknown[], indexing: true };
    for (let tries = 0; tries < 200 && !(indexed.items.length === 2 && !indexed.indexing); tries++) {
      if (tries) await new Promise((resolve) => setTimeout(resolve, 50));
      indexed = await client.connection.sendRequest<{ items: unknown[]; indexing: boolean }>('postmortem/actionItems');
    }
    assert.equal(indexed.items.length, 2, 'the workspace index listed both action items');
  });
  after(async () => {
    await client.stop();
    await fake.stop();
  });

  const drift = () => client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics.filter((d) => d.code === 'action-item-drift') ?? [];

  it('reads no tracker and reports no drift until the client turns checks on', async () => {
    await client.waitFor(() => client.published.some((p) => p.uri === uri), 'first diagnostics');
    assert.equal(drift().length, 0);
    assert.equal(fake.seen.length, 0);
    const states = await client.connection.sendRequest<TrackerStatesResult>('postmortem/trackerStates');
    assert.equal(states.enabled, false);
  });

  it('publishes drift once the states are read, without an edit, and gives the view each item\'s state', async () => {
    await client.connection.sendNotification('postmortem/trackerSettings', { enabled: true, githubApiUrl: fake.url });
    await client.waitFor(() => drift().length === 1, 'a drift diagnostic');
    assert.equal(drift()[0].range.start.line, 4);
    const states = await client.connection.sendRequest<TrackerStatesResult>('postmortem/trackerStates');
    assert.deepEqual(states.items.map((i) => [i.line, i.trackerState, i.drift]), [[4, 'open', 'done-here-open-in-tracker'], [5, 'open', null]]);
  });

  it('builds the follow-through report over the listed files, counting the drift', async () => {
    const report = await client.connection.sendRequest<FollowThroughResult>('postmortem/followThroughReport', { files: [{ uri, label: 'postmortems/queue.md' }], nonce: 'n0nce-for-the-test-1234' });
    assert.equal(report.postmortems, 1);
    assert.equal(report.links['postmortems/queue.md'], uri);
    assert.match(report.html, /script-src 'nonce-n0nce-for-the-test-1234'/);
    assert.match(report.html, /document and tracker disagree/);
  });

  it('takes the drift away when checks are turned off', async () => {
    await client.connection.sendNotification('postmortem/trackerSettings', { enabled: false });
    await client.waitFor(() => client.published.filter((p) => p.uri === uri).length > 0 && drift().length === 0, 'no drift diagnostic');
  });
});
