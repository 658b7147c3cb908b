import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePostmortem } from '../../bench/generate';
import { isPostmortem } from '../../server/src/documents';
import type { FileSystem } from '../../server/src/service/fileSystem';
import { nodeFileSystem } from '../../server/src/service/nodeFileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

const PM = (items: string) => `---\ntype: postmortem\n---\n\n# Incident\n\n## Action items\n\n${items}\n`;

describe('workspace index of action items', function () {
  this.timeout(60_000);
  let dir: string;
  let changes: number;
  let index: WorkspaceIndex;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-index-'));
    mkdirSync(join(dir, 'postmortems'));
    changes = 0;
    index = new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => new Date('2026-11-29T12:00:00Z'), () => changes++, { fs: nodeFileSystem });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes postmortems and skips other Markdown', async () => {
    writeFileSync(join(dir, 'postmortems', 'a.md'), PM('- [ ] Add an alert. Owner: @ana. Due: 2026-01-10'));
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\n## Action items\n\n- not a postmortem\n');
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.deepEqual(index.items().map((i) => [i.text.slice(0, 12), i.owner, i.due, i.overdue, i.line]), [['Add an alert', '@ana', '2026-01-10', true, 8]]);
    assert.equal(index.fileCount, 1);
    assert.deepEqual(index.owners(), ['@ana']);
  });

  it('follows a file that is added, changed and deleted', async () => {
    const file = join(dir, 'postmortems', 'b.md');
    const uri = pathToFileURL(file).toString();
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.equal(index.items().length, 0);
    writeFileSync(file, PM('- [ ] One. Owner: @a. Due: 2027-01-01'));
    await index.refreshFromDisk(uri);
    assert.equal(index.items().length, 1);
    await index.setText(uri, PM('- [ ] One. Owner: @a. Due: 2027-01-01\n- [x] Two. Owner: @b'));
    assert.deepEqual(index.items().map((i) => i.status), ['open', 'done']);
    rmSync(file);
    await index.refreshFromDisk(uri);
    assert.equal(index.items().length, 0);
    assert.ok(changes >= 3);
  });

  it('keeps no record of files that left the index, and drops a read that ends after the removal', async () => {
    const tracked = () => (index as unknown as { changes: Map<string, number> }).changes.size;
    const uris = Array.from({ length: 40 }, (_, i) => pathToFileURL(join(dir, 'postmortems', `tmp-${i}.md`)).toString());
    for (const uri of uris) await index.setText(uri, PM('- [ ] Temporary. Owner: @t'));
    assert.equal(index.items().length, 40);
    for (const uri of uris) index.remove(uri);
    assert.equal(index.items().length, 0);
    assert.equal(tracked(), 0, 'removed files leave no change marks behind');
    // A read in flight when its file is removed must not bring the file back.
    const reading = index.setText(uris[0], PM('- [ ] Back again. Owner: @t'));
    index.remove(uris[0]);
    await reading;
    assert.equal(index.items().length, 0);
  });

  it('indexes 1,000 postmortems', async () => {
    // Each file is parsed in full, as analyze reads it: mostly short ones, so the test stays quick.
    for (let i = 0; i < 1000; i++) writeFileSync(join(dir, 'postmortems', `pm-${i}.md`), i % 50 === 0 ? generatePostmortem(120, i) : PM(`- [ ] Check shard ${i}. Owner: @o${i % 7}`));
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.equal(index.fileCount, 1000);
    assert.ok(index.items().length >= 1000);
  });

  it('skips unreadable, oversized and hostile files with a reason, and always finishes', async () => {
    const logs: string[] = [];
    writeFileSync(join(dir, 'postmortems', 'a-good.md'), PM('- [ ] Add an alert. Owner: @ana'));
    writeFileSync(join(dir, 'postmortems', 'b-large.md'), PM(`- [ ] Big. Owner: @b\n${'x'.repeat(60_000)}`));
    writeFileSync(join(dir, 'postmortems', 'c-bomb.md'), `---\ntype: postmortem\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n\n# I\n\n## Action items\n\n- [ ] Bomb. Owner: @c\n`);
    writeFileSync(join(dir, 'postmortems', 'd-deep.md'), PM(`${'- '.repeat(3000)}x`));
    // A file the index may not read (as root, chmod 000 would not stop it): the file system refuses it.
    const locked = join(dir, 'postmortems', 'e-locked.md');
    writeFileSync(locked, PM('- [ ] Locked. Owner: @e'));
    const lockedUri = pathToFileURL(locked).toString();
    const refusing: FileSystem = {
      ...nodeFileSystem,
      readFile: async (uri) => (uri === lockedUri ? Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })) : nodeFileSystem.readFile(uri)),
    };
    index = new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => new Date('2026-11-29T12:00:00Z'), () => changes++, { fs: refusing, log: (m) => logs.push(m), maxFileSize: () => 50_000 });
    await index.rebuild([pathToFileURL(dir).toString()]);
    assert.equal(index.indexing, false);
    const texts = index.items().map((i) => i.text.slice(0, 5));
    assert.ok(texts.includes('Add a') && texts.includes('Bomb.'), texts.join());
    assert.ok(!texts.includes('Big. '));
    assert.ok(logs.some((l) => /b-large\.md: \d+ bytes is over postmortem\.maxFileSize/.test(l)), logs.join('\n'));
    assert.ok(logs.some((l) => /e-locked\.md: EACCES/.test(l)), logs.join('\n'));
    assert.ok(!texts.includes('Locke'));
    await index.setText(pathToFileURL(join(dir, 'postmortems', 'open.md')).toString(), PM(`- [ ] Open big. Owner: @o\n${'y'.repeat(60_000)}`));
    assert.ok(!index.items().some((i) => i.text.startsWith('Open big')), 'the size limit applies to open documents too');
  });

  it('the file watcher does not read a file over the size limit: it is skipped by its size, with a reason, and leaves the index', async () => {
    const logs: string[] = [];
    const read: string[] = [];
    const spying: FileSystem = { ...nodeFileSystem, readFile: async (uri) => (read.push(uri), nodeFileSystem.readFile(uri)) };
    index = new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => new Date('2026-11-29T12:00:00Z'), () => changes++, { fs: spying, log: (m) => logs.push(m), maxFileSize: () => 10_000 });
    const file = join(dir, 'postmortems', 'grown.md');
    const uri = pathToFileURL(file).toString();
    writeFileSync(file, PM('- [ ] Small. Owner: @s'));
    await index.refreshFromDisk(uri);
    assert.deepEqual(index.items().map((i) => i.text), ['Small. Owner: @s']);
    assert.deepEqual(read, [uri], 'a file under the limit is read');
    // The file grows past the limit on disk (a pasted log): the watcher sees it change.
    writeFileSync(file, PM(`- [ ] Large. Owner: @l\n${'z'.repeat(20_000)}`));
    await index.refreshFromDisk(uri);
    assert.deepEqual(read, [uri], 'the large file was not read');
    assert.deepEqual(index.items(), [], 'its earlier items left the index');
    assert.ok(logs.some((l) => /grown\.md: \d+ bytes is over postmortem\.maxFileSize/.test(l)), logs.join('\n'));
  });

  it('follows no symbolic link out of the workspace and ends on a link loop', async () => {
    const logs: string[] = [];
    index = new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => new Date('2026-11-29T12:00:00Z'), () => changes++, { fs: nodeFileSystem, log: (m) => logs.push(m) });
    const outside = mkdtempSync(join(tmpdir(), 'pm-outside-'));
    mkdirSync(join(outside, 'postmortems'));
    writeFileSync(join(outside, 'postmortems', 'secret.md'), PM('- [ ] Outside. Owner: @x'));
    writeFileSync(join(dir, 'postmortems', 'a.md'), PM('- [ ] Inside. Owner: @a'));
    symlinkSync(outside, join(dir, 'postmortems', 'elsewhere'));
    symlinkSync(join(dir, 'postmortems'), join(dir, 'postmortems', 'loop'));
    symlinkSync(dir, join(dir, 'postmortems', 'up'));
    // Links to a file inside: one sorts before the file, one after; the file is still listed once.
    symlinkSync(join(dir, 'postmortems', 'a.md'), join(dir, 'postmortems', '0-first-link.md'));
    symlinkSync(join(dir, 'postmortems', 'a.md'), join(dir, 'postmortems', 'b-link.md'));
    await index.rebuild([pathToFileURL(dir).toString()]);
    rmSync(outside, { recursive: true, force: true });
    assert.deepEqual(index.items().map((i) => i.text), ['Inside. Owner: @a'], 'listed once, nothing from outside');
    assert.ok(logs.some((l) => /elsewhere: it links outside the workspace/.test(l)), logs.join('\n'));
    // Both links back up the tree are named, each once, with where they lead.
    const postmortems = join(dir, 'postmortems');
    const real = realpathSync(dir);
    const loops = logs.filter((l) => /a symbolic link loop/.test(l)).sort();
    assert.deepEqual(loops, [
      `Skipped ${join(postmortems, 'loop')}: it leads to ${join(real, 'postmortems')}, which is indexed already (a symbolic link loop, or a second link to it).`,
      `Skipped ${join(postmortems, 'up')}: it leads to ${real}, which is indexed already (a symbolic link loop, or a second link to it).`,
    ]);
    assert.equal(index.indexing, false);
  });
});

describe('reading a file\'s action items', () => {
  it('finds the same items as a full analysis', async () => {
    const { extractActionItems } = await import('../../server/src/workspaceIndex');
    const { analyze } = await import('../../server/src/engine/analyze');
    for (const text of [generatePostmortem(300, 3), PM('- [ ] A. Owner: @a'), '# I\n\n## Lessons\n\n### Action items\n\n#### Process\n\n- [ ] Deep item. Owner: @d\n\n## Other\n\n- not an item\n', '# I\n\n- **Review actions**:\n  - Fix it. Owner: @x\n']) {
      const full = analyze(text).model.actionItems.map((a) => a.text);
      assert.deepEqual(extractActionItems('file:///x.md', text, new Date('2026-11-29T12:00:00Z')).map((a) => a.text), full);
    }
  });
});
