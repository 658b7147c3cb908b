// Hostile documents: the server stays up, keeps answering other documents, and says what happened.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { FollowThroughResult } from '../../server/src/trackerProtocol';
import { TestClient } from '../helpers/lspClient';

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');

export const HOSTILE: Record<string, string> = {
  'nested lists 2,600 deep': `# Postmortem\n\n${'- '.repeat(2600)}x\n`,
  'block quotes 5,000 deep': `# Postmortem\n\n${'>'.repeat(5000)} x\n`,
  'a YAML alias bomb': `---\n${BOMB}\n---\n\n# Postmortem\n`,
};

describe('hostile documents never take the server down', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  const pull = async (uri: string): Promise<Diagnostic[]> => (await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const uriOf = (name: string) => pathToFileURL(join(dir, 'postmortems', name)).toString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
    mkdirSync(join(dir, 'postmortems'));
    // Also on disk, so the workspace index reads them without their being opened.
    Object.values(HOSTILE).forEach((text, i) => writeFileSync(join(dir, 'postmortems', `disk-${i}.md`), text));
    // A fixed 1.5 s budget: remark takes many times that on the slow inputs on any machine we know
    // (about 20 s and 10 s here), so the budget running out is what is tested, not this machine's speed.
    client = new TestClient({ POSTMORTEM_ANALYSIS_BUDGET_MS: '1500' });
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, pathToFileURL(dir).toString());
  });
  after(() => client.stop());

  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: answered with a finding that says what happened, and the server still serves others`, async () => {
      const uri = uriOf(`${name.replace(/\W+/g, '-')}.md`);
      await client.open(uri, text);
      const items = await pull(uri);
      assert.ok(items.some((d) => d.code === 'input-limit' || d.code === 'front-matter'), JSON.stringify(items.map((d) => d.code)));
      const other = uriOf(`other-${name.length}.md`);
      await client.open(other, '# Incident\n\nIt was human error.\n');
      assert.ok((await pull(other)).some((d) => d.code === 'no-blame-language'));
    });
  }

  // remark cannot be interrupted on these (about 20 s and 10 s): they run in their own worker, past
  // the time budget they are stopped, and other documents are answered meanwhile.
  const SLOW: Record<string, string> = {
    '100 KB of nested brackets': `# Postmortem\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
    '40 KB of alternating *_': `# Postmortem\n\n${'*_'.repeat(20_000)}\n`,
    'a 4 MB document': `# Postmortem\n\n${'It was human error. '.repeat(200_000)}\n`,
  };
  for (const [name, text] of Object.entries(SLOW)) {
    it(`${name}: other documents are answered first, and the user is told what was skipped`, async () => {
      const uri = uriOf(`slow-${name.replace(/\W+/g, '-')}.md`);
      await client.open(uri, text);
      const order: string[] = [];
      const hostile = pull(uri).then((items) => {
        order.push('hostile');
        return items;
      });
      const other = uriOf(`while-${name.length}.md`);
      await client.open(other, '# Incident\n\nIt was human error.\n');
      const items = await pull(other);
      order.push('other');
      assert.ok(items.some((d) => d.code === 'no-blame-language'));
      const hostileItems = await hostile;
      // A document over the size limit is answered at once (not checked); the others must not wait on the slow ones.
      const tooLarge = hostileItems.some((d) => d.code === 'too-large');
      assert.ok(tooLarge || order[0] === 'other', 'the hostile document held the others up');
      assert.ok(hostileItems.some((d) => (d.code === 'input-limit' && /took longer than/.test(String(d.message))) || d.code === 'too-large'), JSON.stringify(hostileItems));
    });
  }

  it('a document stopped over the budget gets no insertion and no outline, and the insertion says why', async () => {
    const uri = uriOf('slow-with-sections.md');
    const sections = '# Postmortem\n\n## Timeline\n\n- 10:00 UTC Deploy started\n\n## Action items\n\n- [ ] Add an alert. Owner: @a. Due: 2026-12-15\n\n';
    await client.open(uri, `${sections}${SLOW['100 KB of nested brackets'].slice('# Postmortem\n\n'.length)}`);
    assert.ok((await pull(uri)).some((d) => /took longer than/.test(String(d.message))));
    const entry = await client.connection.sendRequest<unknown>('postmortem/timelineInsertion', { uri, now: '2026-11-30T10:30:00Z' });
    assert.match(String((entry as { withheld?: string } | null)?.withheld), /took longer than/, JSON.stringify(entry));
    const item = await client.connection.sendRequest<unknown>('postmortem/actionItemInsertion', { uri, text: 'Add a canary', owner: 'a', due: '2026-12-20' });
    assert.match(String((item as { withheld?: string } | null)?.withheld), /took longer than/, JSON.stringify(item));
    assert.equal(await client.connection.sendRequest('postmortem/outline', { uri }), null);
  });

  it('the follow-through report over a slow file: another document is answered while it is pending, and the file is left out', async () => {
    const slow = join(dir, 'postmortems', 'report-slow.md');
    const fine = join(dir, 'postmortems', 'report-fine.md');
    writeFileSync(slow, SLOW['100 KB of nested brackets']);
    writeFileSync(fine, '# Postmortem\n\n## Action items\n\n- [ ] Add an alert. Owner: @a. Due: 2026-12-15\n');
    const files = [slow, fine].map((path) => ({ uri: pathToFileURL(path).toString(), label: path.slice(dir.length + 1) }));
    let pending = true;
    const report = client.connection.sendRequest<FollowThroughResult>('postmortem/followThroughReport', { files }).finally(() => (pending = false));
    // Edits to another document, each pulled, while the report is drawn (not after: the loop stops
    // when the report is answered). Were the slow file analysed on the server's thread, at most a
    // pull that slipped in before its analysis began would be answered while the report is pending.
    const other = uriOf('while-report.md');
    await client.open(other, '# Incident\n\nIt was human error.\n');
    let answeredWhilePending = 0;
    for (let version = 2; version <= 5 && pending; version++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version }, contentChanges: [{ text: `# Incident\n\nIt was human error (${version}).\n` }] });
      assert.ok((await pull(other)).some((d) => d.code === 'no-blame-language'));
      if (pending) answeredWhilePending++;
    }
    const result = await report;
    assert.ok(answeredWhilePending >= 2, `${answeredWhilePending} pulls of another document answered while the report was pending: the report held them up`);
    assert.deepEqual(Object.keys(result.links), ['postmortems/report-fine.md']);
    assert.ok(client.logs.some((l) => /follow-through report skipped/.test(l)), 'the skipped file is logged');
  });

  it('names a rule that throws once, and keeps the others', async () => {
    client.settings = { rules: { 'action-item-due-date': { options: { defaultDueDays: 'abc' } } } };
    const uri = uriOf('a.md');
    await client.open(uri, '# Incident\n\nIt was human error.\n\n## Action items\n\n- [ ] Add an alert. Owner: @a\n');
    assert.ok((await pull(uri)).some((d) => d.code === 'no-blame-language'));
    await pull(uri);
    await client.waitFor(() => client.messages.some((m) => /action-item-due-date failed/.test(m)), 'a message naming the rule');
    assert.equal(client.messages.filter((m) => /action-item-due-date failed/.test(m)).length, 1, 'told once');
    assert.ok(client.logs.some((l) => /Rule action-item-due-date failed on .*a\.md/.test(l)));
  });
});
