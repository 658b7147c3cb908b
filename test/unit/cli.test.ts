import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLES = join(ROOT, 'examples', 'postmortems');
const GOOD = join(EXAMPLES, '2026-11-03-checkout-errors.md');
const BLAME = join(EXAMPLES, '2026-10-14-search-outage.md');

function run(args: string[], input?: string, cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('postmortem-lint CLI', () => {
  it('exits 0 with no output on a good postmortem', () => {
    const r = run([GOOD, '--now', '2026-11-29']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out, '');
  });

  it('prints the documented JSON shape with 1-based positions', () => {
    const r = run([BLAME, '--format', 'json', '--now', '2026-11-29']);
    assert.equal(r.code, 1, 'warnings fail the run by default');
    const results = JSON.parse(r.out);
    assert.equal(results[0].file, BLAME);
    const blame = results[0].findings.find((f: { ruleId: string }) => f.ruleId === 'no-blame-language');
    assert.deepEqual(Object.keys(blame).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
    const line = readFileSync(BLAME, 'utf8').split('\n')[blame.line - 1];
    assert.equal(line.slice(blame.column - 1, blame.endColumn - 1), 'human error');
  });

  it('exits 1 when a rule configured as error fires, and 2 on a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    copyFileSync(BLAME, join(dir, 'postmortem.md'));
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-blame-language': 'error' } }));
    assert.equal(run(['postmortem.md', '--max-warnings=-1'], undefined, dir).code, 1);
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "rules": ');
    const bad = run(['postmortem.md'], undefined, dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /\.postmortemrc\.json: not valid JSON/);
  });

  it('warns about unknown rule ids and keeps linting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    copyFileSync(GOOD, join(dir, 'postmortem.md'));
    writeFileSync(join(dir, '.postmortemrc.yaml'), 'rules:\n  no-such-rule: off\n');
    const r = run(['postmortem.md', '--now', '2026-11-29'], undefined, dir);
    assert.equal(r.code, 0);
    assert.match(r.err, /Unknown rule "no-such-rule"/);
  });

  it('fails on warnings by default, honours --max-warnings, --quiet and exit 2 on bad usage', () => {
    assert.equal(run([BLAME]).code, 1);
    assert.equal(run([BLAME, '--max-warnings', '0']).code, 1);
    assert.equal(run([BLAME, '--max-warnings', '1000']).code, 0);
    assert.equal(run([BLAME, '--max-warnings=-1']).code, 0);
    assert.equal(run([BLAME, '--max-warnings', 'many']).code, 2);
    assert.equal(run([BLAME, '--quiet']).out, '');
    assert.equal(run([BLAME, '--format', 'xml']).code, 2);
    assert.equal(run(['no-such-file.md']).code, 2);
    const empty = run([mkdtempSync(join(tmpdir(), 'pm-empty-'))]);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no \.md\/\.markdown\/\.mdx\/\.qmd files in it/);
    assert.equal(run([BLAME, '--now', 'yesterday']).code, 2);
    assert.equal(run(['--bogus']).code, 2);
  });

  it('lints standard input', () => {
    const r = run(['--stdin', '--stdin-filename', 'x.md', '--format', 'json'], '# T\n\nIt was human error.\n');
    const findings = JSON.parse(r.out)[0].findings;
    assert.equal(JSON.parse(r.out)[0].file, 'x.md');
    assert.ok(findings.some((f: { ruleId: string }) => f.ruleId === 'no-blame-language'));
  });

  it('prints SARIF 2.1.0 and GitHub annotations', () => {
    const sarif = JSON.parse(run([BLAME, '--format', 'sarif']).out);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'timeline-order'));
    const gh = run([BLAME, '--format', 'github']).out;
    assert.match(gh, /^::warning file=.*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=no-blame-language::/m);
  });

  it('searches folders and globs for Markdown files', () => {
    const r = run([EXAMPLES, '--format', 'json']);
    assert.equal(JSON.parse(r.out).length, 5);
    const g = run(['examples/**/*-outage.md', '--format', 'json']);
    assert.deepEqual(JSON.parse(g.out).map((x: { file: string }) => x.file.replace(/\\/g, '/')), ['examples/postmortems/2026-10-14-search-outage.md']);
  });

  it('--fix applies safe fixes in place and touches nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const file = join(dir, 'postmortem.md');
    const other = join(dir, 'other.md');
    writeFileSync(file, '# T\n\n## Timeline\n\nAll times in UTC.\n\n- 14:10 Rolled back.\n- 14:02 Alert fired.\n');
    writeFileSync(other, 'untouched');
    run([file, '--fix']);
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /- 14:02 Alert fired\.\n- 14:10 Rolled back\./);
    assert.match(fixed, /## Summary/);
    assert.equal(readFileSync(other, 'utf8'), 'untouched');
    assert.equal(run([file, '--format', 'json']).out.includes('timeline-order'), false);
  });

  it('prints the timeline as JSON with ISO times, milestones and metrics', () => {
    const r = JSON.parse(run(['timeline', GOOD]).out);
    assert.equal(r.timezone, 'UTC');
    assert.equal(r.entries[0].time, '2026-11-03T13:55:00+00:00');
    assert.deepEqual(r.entries.map((e: { milestone: string | null }) => e.milestone), [null, 'impact-start', 'detected', 'acknowledged', null, 'mitigated', 'resolved']);
    assert.deepEqual([r.metrics.timeToDetectMinutes, r.metrics.timeToMitigateMinutes, r.metrics.timeToResolveMinutes], [9, 42, 90]);
    assert.match(run(['timeline', GOOD, '--format', 'text']).out, /time to detect: 9m/);
  });

  it('lists action items as JSON, CSV and Markdown', () => {
    const rows = JSON.parse(run(['actions', EXAMPLES, '--now', '2026-11-29']).out);
    const alert = rows.find((r: { text: string }) => r.text.startsWith('Alert on client batch'));
    assert.deepEqual({ owner: alert.owner, due: alert.due, status: alert.status, tracker: alert.tracker, overdue: alert.overdue }, { owner: '@chen', due: '2026-11-20', status: 'done', tracker: 'PAY-103', overdue: false });
    assert.ok(rows.some((r: { overdue: boolean }) => r.overdue));
    const csv = run(['actions', GOOD, '--format', 'csv']).out.split('\n');
    assert.equal(csv[0], 'file,line,text,owner,due,status,tracker,overdue');
    assert.match(run(['actions', GOOD, '--format', 'markdown']).out, /^- \[x\] Alert on client batch rejections/m);
  });
});
