import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeIfUnchanged } from '../../server/src/cli/safeWrite';
import { BLAMEFUL, runCli, tempFolder, writeTree } from './cliHarness';

const UNSORTED = '# Postmortem: queue backlog\n\n## Timeline\n\nAll times in UTC.\n\n- 14:10 Rolled back.\n- 14:02 Alert fired.\n';
const SORTED = /- 14:02 Alert fired\.\r?\n- 14:10 Rolled back\./;

function fixIn(files: Record<string, string | Uint8Array>, args = ['postmortems']) {
  const root = tempFolder('pm-fix-');
  writeTree(root, files);
  return { root, run: runCli([...args, '--fix'], root), read: (p: string) => readFileSync(join(root, p)) };
}

describe('postmortem-lint --fix is safe', () => {
  it('refuses a file that is not valid UTF-8 (Latin-1) and leaves its bytes alone', () => {
    const latin1 = Buffer.concat([Buffer.from(UNSORTED), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    const { run, read } = fixIn({ 'postmortems/a.md': latin1 });
    assert.equal(run.code, 2);
    assert.match(run.err, /a\.md: not fixed: it is not valid UTF-8/);
    assert.deepEqual(read('postmortems/a.md'), latin1);
  });

  it('refuses UTF-16 (which it can still lint) and keeps a UTF-8 BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UNSORTED, 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UNSORTED)]);
    const { run, read } = fixIn({ 'postmortems/wide.md': utf16, 'postmortems/bom.md': bom });
    assert.equal(run.code, 2);
    assert.match(run.err, /wide\.md: not fixed: it is UTF-16/);
    assert.deepEqual(read('postmortems/wide.md'), utf16);
    const fixed = read('postmortems/bom.md');
    assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(fixed.toString('utf8'), SORTED);
  });

  it('lints a UTF-16 file by decoding it', () => {
    const root = tempFolder();
    writeTree(root, { 'postmortems/wide.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BLAMEFUL, 'utf16le')]) });
    const r = runCli(['postmortems', '--format', 'json'], root);
    assert.ok(JSON.parse(r.out)[0].findings.some((f: { ruleId: string }) => f.ruleId === 'no-blame-language'));
  });

  it('never rewrites a binary file named .md', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const { run, read } = fixIn({ 'postmortems/diagram.md': png });
    assert.equal(run.code, 2);
    assert.match(run.err, /diagram\.md: skipped: looks binary/);
    assert.deepEqual(read('postmortems/diagram.md'), png);
  });

  it('never writes through a symbolic link, named or found in a folder', () => {
    const root = tempFolder('pm-fix-');
    writeTree(root, { 'outside/2026-01-01-postmortem.md': UNSORTED, 'postmortems/real.md': UNSORTED });
    symlinkSync(join(root, 'outside', '2026-01-01-postmortem.md'), join(root, 'postmortems', 'link.md'));
    const named = runCli(['postmortems/link.md', '--fix'], root);
    assert.equal(named.code, 2);
    assert.match(named.err, /link\.md: not fixed: it is a symbolic link/);
    const walked = runCli(['postmortems', '--fix'], root);
    assert.notEqual(walked.code, 2, walked.err);
    assert.equal(readFileSync(join(root, 'outside', '2026-01-01-postmortem.md'), 'utf8'), UNSORTED);
    assert.match(readFileSync(join(root, 'postmortems', 'real.md'), 'utf8'), SORTED);
  });

  it('keeps CRLF line endings in the text it inserts and moves', () => {
    const crlf = UNSORTED.replace(/\n/g, '\r\n');
    const { read } = fixIn({ 'postmortems/a.md': crlf });
    const fixed = read('postmortems/a.md').toString('utf8');
    assert.match(fixed, SORTED);
    assert.match(fixed, /## Summary/, 'a section skeleton was inserted');
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  });

  it('reports a read-only file, carries on with the others, and exits 2 without a stack trace', () => {
    const root = tempFolder('pm-fix-');
    writeTree(root, { 'postmortems/a.md': UNSORTED, 'postmortems/b.md': UNSORTED });
    chmodSync(join(root, 'postmortems', 'a.md'), 0o444);
    const r = runCli(['postmortems', '--fix'], root);
    assert.equal(r.code, 2);
    assert.match(r.err, /a\.md: not fixed: it is read-only/);
    assert.doesNotMatch(r.err, /internal error|at \w+ \(/);
    assert.equal(readFileSync(join(root, 'postmortems', 'a.md'), 'utf8'), UNSORTED);
    assert.match(readFileSync(join(root, 'postmortems', 'b.md'), 'utf8'), SORTED);
    assert.deepEqual(readdirSync(join(root, 'postmortems')).sort(), ['a.md', 'b.md'], 'no temporary file is left behind');
  });

  it('does not overwrite an edit saved while it ran', () => {
    const root = tempFolder('pm-fix-');
    const file = join(root, 'pm.md');
    writeFileSync(file, 'old');
    const outcome = writeIfUnchanged(file, Buffer.from('old'), Buffer.from('fixed'), () => writeFileSync(file, 'saved by the writer'));
    assert.equal(outcome.ok, false);
    assert.equal(readFileSync(file, 'utf8'), 'saved by the writer');
    assert.deepEqual(readdirSync(root), ['pm.md']);
    assert.deepEqual(writeIfUnchanged(file, Buffer.from('saved by the writer'), Buffer.from('fixed')), { ok: true });
    assert.equal(readFileSync(file, 'utf8'), 'fixed');
  });

  it('fixes only the postmortems among the files given', () => {
    const { run, read } = fixIn({ 'README.md': '# Tool\n\nUsage.\n', 'CHANGELOG.md': '# Changelog\n', 'postmortems/a.md': UNSORTED }, ['.']);
    assert.notEqual(run.code, 2, run.err);
    assert.equal(read('README.md').toString(), '# Tool\n\nUsage.\n');
    assert.equal(read('CHANGELOG.md').toString(), '# Changelog\n');
    assert.match(read('postmortems/a.md').toString(), SORTED);
  });
});
