// Hostile documents: the server stays up, keeps answering other documents, and says what happened.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
/** The finding each hostile input must get: its own, not any of them. */
const EXPECTED: Record<string, { code: string; says: RegExp }> = {
  'nested lists 2,600 deep': { code: 'input-limit', says: /nest block quotes or lists more than \d+ levels deep/ },
  'block quotes 5,000 deep': { code: 'input-limit', says: /nest block quotes or lists more than \d+ levels deep/ },
  'a YAML alias bomb': { code: 'front-matter', says: /not read: YAML aliases expand more than \d+ times/ },
};
/** What the index must make of each hostile input written to disk with an action item after it. */
const DISK_ITEMS = ['Flatten the lists. Owner: @d0. Due: 2026-12-18', 'Flatten the quotes. Owner: @d1. Due: 2026-12-19', 'Drop the aliases. Owner: @d2. Due: 2026-12-20'];

describe('hostile documents never take the server down', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  /** Why the unreadable file is skipped: permission denied, or (as root) its dangling link's missing target. */
  let unreadableReason = 'EACCES';
  const readable = (path: string) => {
    try {
      readFileSync(path);
      return true;
    } catch {
      return false;
    }
  };
  const pull = async (uri: string): Promise<Diagnostic[]> => (await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const uriOf = (name: string) => pathToFileURL(join(dir, 'postmortems', name)).toString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
    mkdirSync(join(dir, 'postmortems'));
    // Also on disk, so the workspace index reads them without their being opened.
    Object.values(HOSTILE).forEach((text, i) => writeFileSync(join(dir, 'postmortems', `disk-${i}.md`), `${text}\n## Action items\n\n- [ ] ${DISK_ITEMS[i]}\n`));
    // A file the index cannot read. As root (tests may run so) chmod 000 does not stop a read: then a
    // dangling symbolic link stands in for it (its target cannot be read either).
    const locked = join(dir, 'postmortems', 'disk-unreadable.md');
    writeFileSync(locked, '# Postmortem\n\n## Action items\n\n- [ ] Locked item. Owner: @u. Due: 2026-12-21\n');
    chmodSync(locked, 0o000);
    if (readable(locked)) {
      rmSync(locked);
      symlinkSync(join(dir, 'postmortems', 'no-such-file.md'), locked);
      unreadableReason = 'ENOENT';
    }
    // A symbolic link back up the tree: the walk must end, and say why it did not follow it.
    symlinkSync(join(dir, 'postmortems'), join(dir, 'postmortems', 'disk-loop'));
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
    it(`${name}: answered with its own finding that says what happened, and another document is answered while it is analysed`, async () => {
      const other = await warmOther(name);
      const uri = uriOf(`${name.replace(/\W+/g, '-')}.md`);
      await client.open(uri, text);
      let pending = true;
      const hostile = pull(uri).finally(() => (pending = false));
      const answered = await answeredWhile(() => pending, other);
      const items = await hostile;
      const { code, says } = EXPECTED[name];
      assert.ok(items.some((d) => d.code === code && says.test(String(d.message))), JSON.stringify(items.map((d) => [d.code, d.message])));
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

  it('hostile files only on disk (never opened): indexing finishes, their neighbours\' items are listed, and the slow, unreadable and looping ones are skipped with their reasons', async () => {
    await client.waitFor(() => client.logs.some((l) => l.includes('disk-slow.md')), 'the index to give up disk-slow.md', 60_000);
    let result = await client.connection.sendRequest<ActionItemsResult>(ActionItemsRequest, {});
    while (result.indexing) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await client.connection.sendRequest<ActionItemsResult>(ActionItemsRequest, {});
    }
    const listed = result.items.map((i) => `${i.uri.slice(i.uri.lastIndexOf('/') + 1)}: ${i.text}`);
    const expected = ['disk-fine.md: Add an alert. Owner: @a. Due: 2026-12-15', 'disk-bomb.md: Rotate the keys. Owner: @b. Due: 2026-12-16', 'disk-anchors.md: Add an alert. Owner: @a. Due: 2026-12-15'];
    // Bounded nesting and an unread front matter leave the rest of the file readable: its item is listed.
    DISK_ITEMS.forEach((item, i) => expected.push(`disk-${i}.md: ${item}`));
    for (const item of expected) assert.ok(listed.includes(item), `${item} in ${JSON.stringify(listed)}`);
    // Listed once each: the loop adds no second copy of any file in the folder it leads back to.
    assert.equal(listed.filter((i) => i.startsWith('disk-')).length, expected.length, JSON.stringify(listed));
    assert.ok(!listed.some((i) => i.startsWith('disk-slow.md') || i.startsWith('disk-unreadable.md')));
    const unreadable = client.logs.filter((l) => l.includes('disk-unreadable.md'));
    assert.deepEqual(unreadable, [`Skipped ${join(dir, 'postmortems', 'disk-unreadable.md')}: ${unreadableReason}`]);
    const loop = client.logs.filter((l) => l.includes('disk-loop'));
    assert.equal(loop.length, 1, loop.join('\n'));
    assert.match(loop[0], /^Skipped .*disk-loop: it leads to .*postmortems, which is indexed already \(a symbolic link loop/);
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
      assert.ok(answered >= 1, 'no pull of another document was answered while the hostile one was pending');
      assert.ok(hostileItems.some((d) => d.code === 'input-limit' && /took longer than/.test(String(d.message))), JSON.stringify(hostileItems));
    });
  }

  // Over the size limit, a document is not analysed at all, so it is answered at once: there is no
  // "while it is pending" to test. What holds is that it gets the too-large finding alone, and that the
  // server, having been handed 4 MB, still answers an edited document.
  it('a 4 MB document: answered with the too-large finding alone, and another document is answered after it', async () => {
    const other = await warmOther('after-4-MB');
    const uri = uriOf('large-4-MB.md');
    await client.open(uri, `# Postmortem\n\n${'It was human error. '.repeat(200_000)}\n`);
    const items = await pull(uri);
    assert.deepEqual(items.map((d) => d.code), ['too-large'], JSON.stringify(items));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: '# Incident\n\nIt was human error (after 4 MB).\n' }] });
    assert.ok((await pull(other)).some((d) => d.code === 'no-blame-language'));
  });

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
    const text = '# Incident\n\nIt was human error.\n\n## Action items\n\n- [ ] Add an alert. Owner: @a\n';
    await client.open(uri, text);
    assert.ok((await pull(uri)).some((d) => d.code === 'no-blame-language'));
    // A second version, analysed again: the rule throws again, and is neither logged nor told again.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}- [ ] Add a runbook. Owner: @b\n` }] });
    assert.ok((await pull(uri)).some((d) => d.code === 'no-blame-language'));
    await client.waitFor(() => client.messages.some((m) => /action-item-due-date failed/.test(m)), 'a message naming the rule');
    assert.equal(client.messages.filter((m) => /action-item-due-date failed/.test(m)).length, 1, 'told once');
    const logged = client.logs.filter((l) => /Rule action-item-due-date failed on .*a\.md/.test(l));
    assert.equal(logged.length, 1, logged.join('\n'));
  });
});
