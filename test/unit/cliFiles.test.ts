import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLAMEFUL, gitInit, runCli, snapshot, tempFolder, writeTree } from './cliHarness';

type JsonResult = Array<{ file: string; findings: Array<{ ruleId: string; severity: string }> }>;
const files = (out: string): string[] => (JSON.parse(out) as JsonResult).map((r) => r.file.replace(/\\/g, '/')).sort();

/** The scenario: a repository with a README, docs, ignored drafts, symlinks and postmortems. */
function repository(): string {
  const parent = tempFolder('pm-repo-');
  // A configuration above the repository turns every rule off: it must not be found.
  writeFileSync(join(parent, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-blame-language': 'off', 'required-sections': 'off', 'action-item-owner': 'off' } }));
  const root = join(parent, 'repo');
  mkdirSync(root);
  gitInit(root);
  writeTree(root, {
    'README.md': '# Billing service\n\nRun `make`. Nobody is at fault when the build breaks; human error happens.\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\n- First release\n',
    'docs/guide.md': '# Guide\n\nHow to deploy.\n',
    'docs/review-2026-03.md': '---\ntype: postmortem\n---\n\n# March review\n\nThe operator forgot to drain the queue.\n',
    '.gitignore': 'drafts/\n',
    'drafts/2026-04-01-postmortem.md': BLAMEFUL,
    'postmortems/2026-05-01-database.md': BLAMEFUL,
  });
  symlinkSync(join(root, 'docs', 'guide.md'), join(root, 'postmortems', 'guide-link.md'));
  symlinkSync(root, join(root, 'postmortems', 'loop'));
  return root;
}

describe('postmortem-lint: which files it checks', () => {
  it('in a repository, lints and fixes only the postmortems, and nothing else changes by a byte', () => {
    const root = repository();
    const lint = runCli(['.', '--format', 'json'], root);
    assert.equal(lint.code, 1, lint.err);
    assert.deepEqual(files(lint.out), ['docs/review-2026-03.md', 'postmortems/2026-05-01-database.md']);
    const blame = (JSON.parse(lint.out) as JsonResult).find((r) => r.file.includes('database'))!;
    assert.ok(blame.findings.some((f) => f.ruleId === 'no-blame-language'), 'the configuration above the repository was not used');

    const before = snapshot(root);
    const fix = runCli(['.', '--fix', '--format', 'json'], root);
    assert.notEqual(fix.code, 2, fix.err);
    const after = snapshot(root);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    assert.deepEqual(changed, ['docs/review-2026-03.md', 'postmortems/2026-05-01-database.md']);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file was added or removed');

    const sarif = JSON.parse(runCli(['.', '--format', 'sarif'], root).out);
    const uris = new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['docs/review-2026-03.md', 'postmortems/2026-05-01-database.md']);
    assert.ok(sarif.runs[0].results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(Object.values(r.partialFingerprints)[0])));
  });

  it('checks what the editor checks: globs, front matter and titles; --all-markdown checks everything', () => {
    const root = tempFolder();
    gitInit(root);
    writeTree(root, {
      'notes.md': '# Notes\n\nThe engineer forgot.\n',
      'incidents/db.md': '# DB\n\nThe engineer forgot.\n',
      'q3.md': '# Incident report: queue backlog\n\nThe engineer forgot.\n',
      'x.md': '---\ntype: postmortem\n---\n# X\n',
    });
    assert.deepEqual(files(runCli(['.', '--format', 'json'], root).out), ['incidents/db.md', 'q3.md', 'x.md']);
    assert.deepEqual(files(runCli(['.', '--all-markdown', '--format', 'json'], root).out), ['incidents/db.md', 'notes.md', 'q3.md', 'x.md']);
    // Named explicitly (as pre-commit and lint-staged do), a file that is not a postmortem is skipped with a note.
    const named = runCli(['notes.md'], root);
    assert.equal(named.code, 0);
    assert.match(named.err, /none of the 1 Markdown file given is a postmortem.*--all-markdown/);
  });

  it('skips paths from .gitignore (nested, with negation), --ignore, !globs and the config\'s ignores', () => {
    const root = tempFolder();
    gitInit(root);
    writeTree(root, {
      '.gitignore': 'postmortems/archive/\n',
      'postmortems/.gitignore': '*.tmp.md\n!keep.tmp.md\n',
      'postmortems/a.md': BLAMEFUL, 'postmortems/b.tmp.md': BLAMEFUL, 'postmortems/keep.tmp.md': BLAMEFUL,
      'postmortems/archive/old.md': BLAMEFUL, 'postmortems/drafts/c.md': BLAMEFUL, 'postmortems/vendor/d.md': BLAMEFUL,
    });
    assert.deepEqual(files(runCli(['.', '--format', 'json'], root).out), ['postmortems/a.md', 'postmortems/drafts/c.md', 'postmortems/keep.tmp.md', 'postmortems/vendor/d.md']);
    assert.deepEqual(files(runCli(['.', '!postmortems/drafts/**', '--ignore', 'vendor/', '--format', 'json'], root).out), ['postmortems/a.md', 'postmortems/keep.tmp.md']);
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ ignores: ['postmortems/drafts/', 'keep.*'] }));
    assert.deepEqual(files(runCli(['.', '--format', 'json'], root).out), ['postmortems/a.md', 'postmortems/vendor/d.md']);
    // A file named on the command line is still subject to the ignore rules.
    const named = runCli(['postmortems/archive/old.md'], root);
    assert.equal(named.code, 0);
    assert.match(named.err, /old\.md: skipped: ignored/);
  });

  it('stops the configuration search at the working directory outside a repository', () => {
    const parent = tempFolder();
    writeFileSync(join(parent, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-blame-language': 'off' } }));
    writeTree(parent, { 'work/postmortems/a.md': BLAMEFUL });
    const r = runCli(['postmortems', '--format', 'json'], join(parent, 'work'));
    assert.ok((JSON.parse(r.out) as JsonResult)[0].findings.some((f) => f.ruleId === 'no-blame-language'));
    const inside = runCli(['work/postmortems', '--format', 'json'], parent);
    assert.ok(!(JSON.parse(inside.out) as JsonResult)[0].findings.some((f) => f.ruleId === 'no-blame-language'), 'a config inside the working directory applies');
  });

  it('in a repository named like a postmortem folder, its files are postmortems, as in the editor', () => {
    const parent = tempFolder();
    const root = join(parent, 'post-mortems');
    mkdirSync(root);
    gitInit(root);
    writeTree(root, { '2024-01-09-db.md': '# DB outage\n\nThe engineer forgot.\n' });
    assert.deepEqual(files(runCli(['.', '--format', 'json'], root).out), ['2024-01-09-db.md']);
    const elsewhere = join(parent, 'post-mortems', 'tool');
    gitInit(elsewhere);
    writeTree(elsewhere, { 'notes.md': '# Notes\n\nThe engineer forgot.\n' });
    assert.match(runCli(['.'], elsewhere).err, /none of the 1 Markdown file/, 'a folder above the repository does not count');
  });

  it('lists action items from the postmortems only', () => {
    const root = tempFolder();
    gitInit(root);
    writeTree(root, { 'README.md': '# Tool\n\n## Action items\n\n- [ ] Write the docs @ana\n', 'postmortems/a.md': BLAMEFUL });
    const rows = JSON.parse(runCli(['actions', '.'], root).out) as Array<{ file: string }>;
    assert.deepEqual([...new Set(rows.map((r) => r.file.replace(/\\/g, '/')))], ['postmortems/a.md']);
    assert.equal((JSON.parse(runCli(['actions', '.', '--all-markdown'], root).out) as unknown[]).length, 2);
  });

  it('never follows a symbolic link in a walk, so a link loop ends', () => {
    const root = tempFolder();
    writeTree(root, { 'postmortems/a.md': BLAMEFUL });
    symlinkSync(join(root, 'postmortems'), join(root, 'postmortems', 'again'));
    symlinkSync(root, join(root, 'postmortems', 'up'));
    const r = runCli(['.', '--format', 'json'], root);
    assert.deepEqual(files(r.out), ['postmortems/a.md']);
  });
});
