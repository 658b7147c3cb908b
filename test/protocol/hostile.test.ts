// Hostile documents: the server stays up, keeps answering other documents, and says what happened.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ActionItemsRequest, type ActionItemsResult } from '../../server/src/protocol';
import type { FollowThroughResult } from '../../server/src/trackerProtocol';
import { TestClient } from '../helpers/lspClient';

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');

/** Valid YAML, no bomb: one anchor used 120 times (a list of reviewers written once). */
const ANCHORS = `---\ntype: postmortem\nreviewer: &r "@ana"\nreviewers: [${Array(120).fill('*r').join(', ')}]\n---\n\n# Postmortem\n\n## Action items\n\n- [ ] Add an alert. Owner: @a. Due: 2026-12-15\n`;

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
    // Only on disk, never opened: what the index alone makes of them, beside an ordinary file.
    writeFileSync(join(dir, 'postmortems', 'disk-slow.md'), `# Postmortem\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n\n## Action items\n\n- [ ] Lost item. Owner: @c. Due: 2026-12-17\n`);
    writeFileSync(join(dir, 'postmortems', 'disk-bomb.md'), `---\n${BOMB}\n---\n\n# Postmortem\n\n## Action items\n\n- [ ] Rotate the keys. Owner: @b. Due: 2026-12-16\n`);
    writeFileSync(join(dir, 'postmortems', 'disk-anchors.md'), ANCHORS);
    writeFileSync(join(dir, 'postmortems', 'disk-fine.md'), '# Postmortem\n\n## Action items\n\n- [ ] Add an alert. Owner: @a. Due: 2026-12-15\n');
    // A fixed 1.5 s budget: remark takes many times that on the slow inputs on any machine we know
    // (about 20 s and 10 s here), so the budget running out is what is tested, not this machine's speed.
    client = new TestClient({ POSTMORTEM_ANALYSIS_BUDGET_MS: '1500' });
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }, pathToFileURL(dir).toString());
  });
  after(() => client.stop());

  /**
   * Edits and pulls a document already analysed (its worker warm) while `pending` holds, at most four
   * times; how many were answered while it still held. Were the hostile document analysed on the
   * server's thread, or did it hold up the others, none would be.
   */
  async function answeredWhile(pending: () => boolean, other: string): Promise<number> {
    let answered = 0;
    for (let version = 2; version <= 5 && pending(); version++) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version }, contentChanges: [{ text: `# Incident\n\nIt was human error (${version}).\n` }] });
      assert.ok((await pull(other)).some((d) => d.code === 'no-blame-language'));
      if (pending()) answered++;
    }
    return answered;
  }

  /** A document analysed once already, so answering it again is quick. */
  async function warmOther(name: string): Promise<string> {
    const other = uriOf(`other-${name.replace(/\W+/g, '-')}.md`);
    await client.open(other, '# Incident\n\nIt was human error.\n');
    assert.ok((await pull(other)).some((d) => d.code === 'no-blame-language'));
    return other;
  }

  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: answered with a finding that says what happened, and another document is answered while it is analysed`, async () => {
      const other = await warmOther(name);
      const uri = uriOf(`${name.replace(/\W+/g, '-')}.md`);
      await client.open(uri, text);
      let pending = true;
      const hostile = pull(uri).finally(() => (pending = false));
      const answered = await answeredWhile(() => pending, other);
      const items = await hostile;
      assert.ok(items.some((d) => d.code === 'input-limit' || d.code === 'front-matter'), JSON.stringify(items.map((d) => d.code)));
      assert.ok(answered >= 1, 'no pull of another document was answered while the hostile one was pending');
    });
  }

  it('front matter that uses one anchor 120 times (no bomb): the server stays up, says what it did, and serves others meanwhile', async () => {
    const other = await warmOther('anchors');
    const uri = uriOf('anchors.md');
    await client.open(uri, ANCHORS);
    let pending = true;
    const hostile = pull(uri).finally(() => (pending = false));
    const answered = await answeredWhile(() => pending, other);
    const items = await hostile;
    // The body is still checked (its action item is), and the front matter is named with what was done to it.
    assert.ok(items.some((d) => d.code === 'action-item-tracked'), JSON.stringify(items.map((d) => d.code)));
    assert.ok(items.some((d) => d.code === 'front-matter' && /alias/i.test(String(d.message))), JSON.stringify(items.map((d) => [d.code, d.message])));
    assert.ok(answered >= 1, 'no pull of another document was answered while the hostile one was pending');
  });

  it('hostile files only on disk (never opened): indexing finishes, their neighbours\' items are listed, and the slow one is skipped with its reason', async () => {
    await client.waitFor(() => client.logs.some((l) => l.includes('disk-slow.md')), 'the index to give up disk-slow.md', 60_000);
    let result = await client.connection.sendRequest<ActionItemsResult>(ActionItemsRequest, {});
    while (result.indexing) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await client.connection.sendRequest<ActionItemsResult>(ActionItemsRequest, {});
    }
    const listed = result.items.map((i) => `${i.uri.slice(i.uri.lastIndexOf('/') + 1)}: ${i.text}`);
    for (const item of ['disk-fine.md: Add an alert. Owner: @a. Due: 2026-12-15', 'disk-bomb.md: Rotate the keys. Owner: @b. Due: 2026-12-16', 'disk-anchors.md: Add an alert. Owner: @a. Due: 2026-12-15']) {
      assert.ok(listed.includes(item), `${item} in ${JSON.stringify(listed)}`);
    }
    assert.ok(!listed.some((i) => i.startsWith('disk-slow.md')));
    // What the user is told (the Postmortem output): which file, and why it was left out.
    const skipped = client.logs.filter((l) => l.includes('disk-slow.md'));
    assert.equal(skipped.length, 1, skipped.join('\n'));
    assert.match(skipped[0], /^Skipped .*disk-slow\.md: reading its action items took longer than 1\.5 s, so it was stopped \(long runs of nested brackets/);
    const other = await warmOther('after-index');
    assert.ok((await pull(other)).length > 0, 'still serving');
  });

  it('keystrokes queued on a slow document: only the newest version\'s diagnostics arrive, and they say what was skipped', async () => {
    const push = new TestClient({ POSTMORTEM_ANALYSIS_BUDGET_MS: '1500' });
    try {
      await push.initialize({});
      const uri = uriOf('queued-keystrokes.md');
      let text = `# Postmortem\n\nIt was human error.\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
      await push.open(uri, text);
      for (let version = 2; version <= 6; version++) {
        const end = { line: 2, character: text.split('\n')[2].length };
        await push.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: '!' }] });
        text = text.replace('error.', 'error.!');
      }
      await push.waitFor(() => push.published.some((p) => p.uri === uri && p.version === 6), 'diagnostics of the newest version', 60_000);
      // Another round trip: anything an older version still had to say would be in by then.
      await push.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      const published = push.published.filter((p) => p.uri === uri);
      assert.deepEqual(published.map((p) => p.version), [6], 'only the newest version was answered');
      assert.ok(published[0].diagnostics.some((d) => d.code === 'input-limit' && /took longer than/.test(String(d.message))), JSON.stringify(published[0].diagnostics));
    } finally {
      await push.stop();
    }
  });

  // remark cannot be interrupted on these (about 20 s and 10 s): they run in their own worker, past
  // the time budget they are stopped, and other documents are answered meanwhile.
  const SLOW: Record<string, string> = {
    '100 KB of nested brackets': `# Postmortem\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
    '40 KB of alternating *_': `# Postmortem\n\n${'*_'.repeat(20_000)}\n`,
    'a 4 MB document': `# Postmortem\n\n${'It was human error. '.repeat(200_000)}\n`,
  };
  for (const [name, text] of Object.entries(SLOW)) {
    it(`${name}: another document is answered while it is analysed, and the user is told what was skipped`, async () => {
      const other = await warmOther(`while-${name}`);
      const uri = uriOf(`slow-${name.replace(/\W+/g, '-')}.md`);
      await client.open(uri, text);
      let pending = true;
      const hostile = pull(uri).finally(() => (pending = false));
      const answered = await answeredWhile(() => pending, other);
      const hostileItems = await hostile;
      // A document over the size limit is answered at once (not checked); the others must not wait on the slow ones.
      const tooLarge = hostileItems.some((d) => d.code === 'too-large');
      assert.ok(tooLarge || answered >= 1, 'no pull of another document was answered while the hostile one was pending');
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
