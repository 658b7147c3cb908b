import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeTrackers } from '../helpers/fakeTrackers';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const run = promisify(execFile);

const DOC = `# Queue backlog

## Action items

- [x] Add a queue depth alert. Owner: @ana. Due: 2026-03-01. octo/app#1
- [ ] Cap retries in the consumer. Owner: @ben. Due: 2026-03-10. https://github.com/octo/app/issues/2
- [ ] Document the failover. Owner: @cy. Due: 2026-03-20. #3
- [ ] Review the broker limits. Owner: @di. Due: 2026-03-30.
`;

async function cli(dir: string, args: string[]) {
  // Asynchronous, so the fake tracker in this process can answer while the CLI waits.
  const env = { ...process.env, POSTMORTEM_CACHE_DIR: join(dir, 'cache'), GITHUB_TOKEN: '', GITHUB_API_URL: '' };
  return run(process.execPath, [CLI, ...args], { cwd: dir, env });
}

describe('postmortem-lint actions --trackers', () => {
  let fake: FakeTrackers;
  let dir: string;
  beforeEach(async () => {
    fake = await new FakeTrackers().start();
    dir = mkdtempSync(join(tmpdir(), 'pm-trackers-'));
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', 'pm.md'), DOC);
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ trackers: { github: { repository: 'octo/app', apiUrl: fake.url } } }));
    fake.issues.set('github:octo/app#1', { state: 'open', etag: '"a"' });
    fake.issues.set('github:octo/app#2', { state: 'closed', closedAt: '2026-03-05T12:00:00Z', etag: '"b"' });
  });
  afterEach(() => fake.stop());

  it('adds trackerState, trackerError and drift to each JSON row', async () => {
    const { stdout, stderr } = await cli(dir, ['actions', 'postmortems/pm.md', '--trackers', '--now', '2026-03-02']);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(rows.map((r) => [r.trackerState, r.drift]), [['open', 'done-here-open-in-tracker'], ['closed', 'closed-in-tracker-open-here'], [null, null], [null, null]]);
    assert.match(String(rows[2].trackerError), /not found/);
    assert.equal(rows[3].trackerError, 'no tracker link');
    assert.equal(rows[1].trackerClosedAt, '2026-03-05T12:00:00Z');
    assert.match(stderr, /1 tracker link could not be read/);
  });

  it('writes the same columns as CSV and Markdown, and revalidates from its cache on a second run', async () => {
    const csv = (await cli(dir, ['actions', 'postmortems/pm.md', '--trackers', '--format', 'csv'])).stdout.split('\n');
    assert.equal(csv[0], 'file,line,text,owner,due,status,tracker,overdue,trackerState,trackerError,drift');
    assert.match(csv[1], /,open,,done-here-open-in-tracker$/);
    const md = (await cli(dir, ['actions', 'postmortems/pm.md', '--trackers', '--format', 'markdown'])).stdout;
    assert.match(md, /tracker: closed, drift: closed-in-tracker-open-here/);
    const second = fake.seen.filter((s) => s.path.endsWith('/issues/1'));
    assert.equal(second.length, 2);
    assert.equal(second[1].headers['if-none-match'], '"a"');
  });

  it('reads no tracker without --trackers', async () => {
    const rows = JSON.parse((await cli(dir, ['actions', 'postmortems/pm.md'])).stdout) as Array<Record<string, unknown>>;
    assert.equal(fake.seen.length, 0);
    assert.equal('trackerState' in rows[0], false);
  });
});

describe('postmortem-lint report', () => {
  let fake: FakeTrackers;
  let dir: string;
  before(async () => {
    fake = await new FakeTrackers().start();
    dir = mkdtempSync(join(tmpdir(), 'pm-report-'));
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'README.md'), '# Team handbook\n\n## Action items\n\n- [ ] Not an incident\'s item.\n');
    writeFileSync(join(dir, 'postmortems', 'a.md'), `---\ndate: 2026-03-01\nseverity: SEV-2\n---\n${DOC}`);
    writeFileSync(join(dir, 'postmortems', 'b.md'), '---\ndate: 2026-04-01\ntype: near-miss\n---\n# Almost\n\n## Action items\n\n- [ ] Add a canary. Owner: @ana.\n');
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ trackers: { github: { repository: 'octo/app', apiUrl: fake.url } } }));
    fake.issues.set('github:octo/app#1', { state: 'closed', closedAt: '2026-03-11T00:00:00Z' });
    fake.issues.set('github:octo/app#2', { state: 'closed', closedAt: '2026-03-05T12:00:00Z' });
  });
  after(() => fake.stop());

  it('reports JSON across postmortems, counting near-misses apart, without reading trackers unless asked', async () => {
    // README.md beside the postmortems is not one: the report counts what lint would check.
    const report = JSON.parse((await cli(dir, ['report', '.', '--format', 'json', '--now', '2026-05-01'])).stdout);
    assert.equal(fake.seen.length, 0);
    assert.deepEqual([report.totals.postmortems, report.totals.incidents, report.totals.nearMisses, report.totals.items, report.totals.done], [2, 1, 1, 5, 1]);
    assert.equal(report.trackersChecked, false);
  });

  it('with --trackers, counts drift and measures time to close from the tracker\'s close date', async () => {
    const report = JSON.parse((await cli(dir, ['report', '.', '--format', 'json', '--trackers', '--now', '2026-05-01'])).stdout);
    assert.equal(report.totals.drifted, 1);
    assert.equal(report.totals.medianDaysToClose, 10);
    const html = (await cli(dir, ['report', '.', '--now', '2026-05-01'])).stdout;
    assert.match(html, /^<!doctype html>/);
  });

  it('refuses an unknown format', async () => {
    await assert.rejects(cli(dir, ['report', '.', '--format', 'pdf']), (e: { code: number }) => e.code === 2);
  });
});

describe('postmortem-lint --trackers (lint)', () => {
  let fake: FakeTrackers;
  let dir: string;
  const TWICE = `${DOC}- [x] Page the storage team on backlog growth. Owner: @ana. Due: 2026-03-01. octo/app#1\n`;
  beforeEach(async () => {
    fake = await new FakeTrackers().start();
    dir = mkdtempSync(join(tmpdir(), 'pm-lint-trackers-'));
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', 'pm.md'), TWICE);
    writeFileSync(join(dir, 'postmortems', 'agrees.md'), '# Cache outage\n\n## Action items\n\n- [x] Warm the cache on deploy. Owner: @ana. Due: 2026-03-01. octo/app#4\n');
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ trackers: { github: { repository: 'octo/app', apiUrl: fake.url } } }));
    fake.issues.set('github:octo/app#1', { state: 'open' });
    fake.issues.set('github:octo/app#2', { state: 'closed', closedAt: '2026-03-05T12:00:00Z' });
    fake.issues.set('github:octo/app#4', { state: 'closed' });
  });
  afterEach(() => fake.stop());

  const drift = (stdout: string) => (JSON.parse(stdout) as Array<{ file: string; findings: Array<{ ruleId: string; line: number }> }>)
    .flatMap((f) => f.findings.filter((m) => m.ruleId === 'action-item-drift').map((m) => `${f.file.split(/[\\/]/).pop()}:${m.line}`)).sort();

  it('reports action-item-drift where the document and the tracker disagree, reading each issue once', async () => {
    const { stdout } = await cli(dir, ['postmortems', '--trackers', '--format', 'json', '--max-warnings=-1', '--now', '2026-03-02']);
    assert.deepEqual(drift(stdout), ['pm.md:5', 'pm.md:6', 'pm.md:9']);
    assert.equal(fake.seen.filter((s) => s.path.endsWith('/issues/1')).length, 1);
    assert.equal(fake.seen.filter((s) => s.path.endsWith('/issues/4')).length, 1);
  });

  it('says which links could not be read, and reads no tracker without the flag', async () => {
    const withFlag = await cli(dir, ['postmortems/agrees.md', 'postmortems/pm.md', '--trackers', '--format', 'json', '--max-warnings=-1']).catch((e: { stderr: string }) => e);
    assert.match(withFlag.stderr, /1 of 4 linked issues could not be read.*octo\/app#3: not found/);
    const without = await cli(dir, ['postmortems', '--format', 'json', '--max-warnings=-1']).catch((e: { stdout: string }) => e);
    assert.deepEqual(drift(without.stdout), []);
    assert.equal(fake.seen.length, 4);
  });
});

describe('postmortem-lint --no-trackers', () => {
  let fake: FakeTrackers;
  let dir: string;
  before(async () => {
    fake = await new FakeTrackers().start();
    dir = mkdtempSync(join(tmpdir(), 'pm-no-trackers-'));
    mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', 'pm.md'), DOC);
    // A repository turns tracker checks on for everyone who runs the CLI in it.
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ trackers: { enabled: true, github: { repository: 'octo/app', apiUrl: fake.url } } }));
    fake.issues.set('github:octo/app#1', { state: 'open' });
  });
  after(() => fake.stop());

  it('the configuration alone turns checks on, and --no-trackers turns them off for lint, actions and report', async () => {
    await cli(dir, ['actions', 'postmortems/pm.md']);
    assert.ok(fake.seen.length > 0);
    const before = fake.seen.length;
    await cli(dir, ['postmortems', '--no-trackers', '--format', 'json', '--max-warnings=-1']).catch((e: unknown) => e);
    const rows = JSON.parse((await cli(dir, ['actions', 'postmortems/pm.md', '--no-trackers'])).stdout) as Array<Record<string, unknown>>;
    await cli(dir, ['report', '.', '--format', 'json', '--no-trackers', '--trackers']);
    assert.equal(fake.seen.length, before);
    assert.equal('trackerState' in rows[0], false);
  });
});
