import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprints } from '../../server/src/cli/ciFormats';
import { csvCell } from '../../server/src/cli/reports';
import { colorEnabled, escapeControl } from '../../server/src/cli/terminal';
import { BLAMEFUL, gitInit, runCli, tempFolder, writeTree } from './cliHarness';

function repo(files: Record<string, string>): string {
  const root = tempFolder('pm-out-');
  gitInit(root);
  writeTree(root, files);
  return root;
}

interface SarifResult { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }> }

describe('postmortem-lint outputs are inert', () => {
  it('neutralises CSV cells that a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(cell).startsWith(`"'`), JSON.stringify(cell));
    assert.equal(csvCell('Add an alert'), 'Add an alert');
    assert.equal(csvCell(12), '12');
    const root = repo({ 'postmortems/a.md': '# Postmortem: x\n\n## Action items\n\n- =HYPERLINK("http://example.com","x") @ana due 2026-12-01\n' });
    const csv = runCli(['actions', 'postmortems', '--format', 'csv'], root).out;
    assert.match(csv, /,"'=HYPERLINK\(""http/);
  });

  it('escapes control characters from documents and file names in terminal formats', () => {
    assert.equal(escapeControl('a\u001b[2Jb\u0007c\u202ed'), 'a\\x1b[2Jb\\x07c\\u202ed');
    const root = repo({ 'postmortems/evil\u001b[31m\u0007.md': BLAMEFUL + '\n## Timeline\n\n- 14:02 Paged \u001b]0;owned\u0007 the team\n' });
    for (const format of ['stylish', 'github']) {
      const r = runCli(['postmortems', '--format', format], root);
      assert.ok(r.out.length > 0);
      assert.ok(!(r.out + r.err).includes('\u0007') && !(r.out + r.err).includes('\u001b'), format);
    }
    const timeline = runCli(['timeline', 'postmortems/evil\u001b[31m\u0007.md', '--format', 'text'], root).out;
    assert.match(timeline, /Paged \\x1b\]0;owned\\x07 the team/);
  });

  it('escapes Markdown in the Markdown export', () => {
    const root = repo({ 'postmortems/a.md': '# Postmortem: x\n\n## Action items\n\n- Fix `<script>alert(1)</script>` in *the* form @ana\n' });
    const md = runCli(['actions', 'postmortems', '--format', 'markdown'], root).out;
    assert.match(md, /\\<script\\>/);
    assert.doesNotMatch(md, /[^\\]<script>/);
  });

  it('honours FORCE_COLOR and NO_COLOR', () => {
    assert.equal(colorEnabled(false, { FORCE_COLOR: '1' }), true);
    assert.equal(colorEnabled(true, { FORCE_COLOR: '0' }), false);
    assert.equal(colorEnabled(true, { NO_COLOR: '1' }), false);
    assert.equal(colorEnabled(true, {}), true);
    assert.equal(colorEnabled(false, {}), false);
    const root = repo({ 'postmortems/a.md': BLAMEFUL });
    assert.ok(runCli(['postmortems'], root, { env: { FORCE_COLOR: '1' } }).out.includes('\u001b[33mwarning'));
    assert.ok(!runCli(['postmortems'], root, { env: { NO_COLOR: '1' } }).out.includes('\u001b'));
  });
});

describe('postmortem-lint CI formats', () => {
  it('SARIF 2.1.0: repository-relative URIs under %SRCROOT%, ruleIndex, helpUri, default levels', () => {
    const root = repo({ 'postmortems/2026 db.md': BLAMEFUL });
    const log = JSON.parse(runCli(['.', '--format', 'sarif'], join(root)).out);
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const rules = run.tool.driver.rules as Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }>;
    for (const result of run.results as SarifResult[]) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'postmortems/2026%20db.md', uriBaseId: '%SRCROOT%' });
    }
    const blame = rules.find((r) => r.id === 'no-blame-language')!;
    assert.match(blame.helpUri, /no-blame-language\.md$/);
    assert.equal(blame.defaultConfiguration.level, 'warning');
  });

  it('SARIF fingerprints are stable across runs and line shifts, and distinct per finding', () => {
    const root = repo({ 'postmortems/a.md': BLAMEFUL });
    const prints = (): Map<string, number> => new Map((JSON.parse(runCli(['.', '--format', 'sarif'], root).out).runs[0].results as SarifResult[])
      .map((r) => [`${r.ruleId}:${Object.values(r.partialFingerprints)[0]}`, r.locations[0].physicalLocation.region.startLine]));
    const first = prints();
    assert.deepEqual([...prints().keys()], [...first.keys()]);
    const blameLine = [...first].find(([k]) => k.startsWith('no-blame-language'))!;
    writeFileSync(join(root, 'postmortems', 'a.md'), BLAMEFUL.replace('## Summary\n', '## Summary\n\nA paragraph added above.\n\nAnother one.\n'));
    const shifted = prints();
    assert.equal(shifted.get(blameLine[0]), blameLine[1] + 4, 'the same fingerprint, four lines lower');
    assert.equal(new Set(first.keys()).size, first.size);
    const twice = fingerprints('a.md', [{ ruleId: 'r', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, snippet: 'x' }, { ruleId: 'r', severity: 'warning', message: 'm', line: 9, column: 1, endLine: 9, endColumn: 2, snippet: 'x' }]);
    assert.notEqual(twice[0], twice[1]);
  });

  it('--format gitlab writes a Code Quality report', () => {
    const root = repo({ 'postmortems/a.md': BLAMEFUL });
    const issues = JSON.parse(runCli(['.', '--format', 'gitlab'], root).out) as Array<{ check_name: string; description: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }>;
    const blame = issues.find((i) => i.check_name === 'no-blame-language')!;
    assert.equal(blame.severity, 'major');
    assert.equal(blame.location.path, 'postmortems/a.md');
    assert.equal(blame.location.lines.begin, 9);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('--output-file writes the report there; the too-many-warnings message shows in every format', () => {
    const root = repo({ 'postmortems/a.md': BLAMEFUL });
    const r = runCli(['.', '--format', 'json', '--output-file', 'reports/lint.json'], root);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.ok(existsSync(join(root, 'reports', 'lint.json')));
    assert.equal(JSON.parse(readFileSync(join(root, 'reports', 'lint.json'), 'utf8'))[0].file, 'postmortems/a.md');
    for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab']) {
      const run = runCli(['.', '--format', format], root);
      assert.match(run.out + run.err, /warnings found \(maximum: 0\)/, format);
    }
    assert.doesNotMatch(runCli(['.', '--format', 'json', '--max-warnings', '100'], root).err, /maximum/);
  });

  it('the GitHub format ends with a summary line', () => {
    const root = repo({ 'postmortems/a.md': BLAMEFUL });
    const lines = runCli(['.', '--format', 'github'], root).out.trim().split('\n');
    assert.match(lines[lines.length - 1], /^postmortem-lint: \d+ problems \(0 errors, \d+ warnings, \d+ info, \d+ hints?\) in 1 postmortem$/);
    assert.match(lines[lines.length - 2], /^::error title=postmortem-lint::\d+ warnings found/);
  });
});
