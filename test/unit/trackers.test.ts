import assert from 'node:assert/strict';
import type { TrackersConfig } from '../../server/src/config/types';
import { basicAuth, readTrackerStates, type TrackerEnv } from '../../server/src/trackers/clients';
import { MemoryCache, TrackerHttp } from '../../server/src/trackers/http';
import { actionItemRef, findTrackerRef, isTracked } from '../../server/src/trackers/links';
import { driftOf, type TrackerRef } from '../../server/src/trackers/types';
import { FakeTrackers } from '../helpers/fakeTrackers';

describe('tracker links', () => {
  const key = (text: string, config: TrackersConfig = {}) => findTrackerRef(text, config)?.key;

  it('reads GitHub issue and pull-request URLs and owner/repo#N', () => {
    assert.equal(key('see https://github.com/Octo/App/issues/12.'), 'github:octo/app#12');
    assert.equal(key('https://github.com/octo/app/pull/7/files'), 'github:octo/app#7');
    assert.equal(key('Tracked in octo/app#31'), 'github:octo/app#31');
    assert.equal(key('https://github.com/octo/app/blob/main/README.md'), undefined);
  });

  it('reads #N only when a default repository is configured', () => {
    assert.equal(key('Add alert (#45)'), undefined);
    assert.equal(key('Add alert (#45)', { github: { repository: 'octo/app' } }), 'github:octo/app#45');
    assert.equal(key('Add alert #45', { gitlab: { project: 'team/svc' } }), 'gitlab:team/svc#45');
  });

  it('reads GitLab issue URLs on any host and group/subgroup/project#N', () => {
    const ref = findTrackerRef('https://gitlab.example.org/infra/db/pg/-/issues/9');
    assert.deepEqual([ref?.key, ref?.origin], ['gitlab:infra/db/pg#9', 'https://gitlab.example.org']);
    assert.equal(key('infra/db/pg#9'), 'gitlab:infra/db/pg#9');
    assert.equal(key('infra/pg#9', { gitlab: { url: 'https://gitlab.example.org' } }), 'gitlab:infra/pg#9');
    assert.equal(key('infra/pg#9', { shortRefs: 'gitlab' }), 'gitlab:infra/pg#9');
  });

  it('reads Jira keys only with a configured site, and not severities or standards', () => {
    const jira = { jira: { url: 'https://acme.atlassian.net' } };
    assert.equal(key('Ticket OPS-123'), undefined);
    assert.equal(key('Ticket OPS-123', jira), 'jira:OPS-123');
    assert.equal(key('After the SEV-1 and CVE-2024-1234 review', jira), undefined);
    assert.equal(key('OPS-1 and INFRA-2', { jira: { url: 'https://acme.atlassian.net', projects: ['infra'] } }), 'jira:INFRA-2');
    assert.equal(key('https://acme.atlassian.net/browse/OPS-77'), 'jira:OPS-77');
  });

  it('prefers the item\'s own link, then its text; anything the model read counts as tracked', () => {
    assert.equal(actionItemRef({ tracker: 'https://github.com/a/b/issues/1', text: 'c/d#2' })?.key, 'github:a/b#1');
    assert.equal(actionItemRef({ text: 'Fix it, see c/d#2' })?.key, 'github:c/d#2');
    assert.ok(isTracked({ tracker: 'https://linear.app/acme/issue/ENG-1', text: 'x' }));
    assert.ok(!isTracked({ text: 'Add an alert' }));
    assert.ok(!isTracked({ tracker: 'SEV-1', text: 'Follow up on the SEV-1' }));
    assert.ok(isTracked({ tracker: '#12', text: 'x' }) && isTracked({ tracker: 'OPS-12', text: 'x' }));
  });

  it('names drift both ways, and none when the state is unknown', () => {
    assert.equal(driftOf('done', { state: 'open' }), 'done-here-open-in-tracker');
    assert.equal(driftOf('open', { state: 'closed' }), 'closed-in-tracker-open-here');
    assert.equal(driftOf('open', { state: 'open' }), null);
    assert.equal(driftOf('done', { state: null, errorKind: 'offline' }), null);
  });
});

describe('tracker clients against a local server', () => {
  let fake: FakeTrackers;
  let config: TrackersConfig;
  let env: TrackerEnv;
  const ref = (text: string): TrackerRef => findTrackerRef(text, config)!;

  beforeEach(async () => {
    fake = await new FakeTrackers().start();
    config = { github: { apiUrl: fake.url }, gitlab: { url: fake.url }, jira: { url: fake.url } };
    // The user's own environment names where each credential belongs.
    env = { githubToken: 'gh-secret', githubApiUrl: fake.url, gitlabToken: 'gl-secret', gitlabUrl: fake.url, jiraEmail: 'me@example.com', jiraToken: 'j-secret', jiraUrl: fake.url };
  });
  afterEach(() => fake.stop());

  it('encodes Basic credentials as UTF-8 without Buffer (the web worker has none)', () => {
    const saved = globalThis.Buffer;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      assert.equal(basicAuth('zoë@example.com', 'pässword'), 'Basic em/Dq0BleGFtcGxlLmNvbTpww6Rzc3dvcmQ=');
    } finally {
      globalThis.Buffer = saved;
    }
  });

  describe('credentials stay with their origin', () => {
    let foreign: FakeTrackers;
    beforeEach(async () => {
      foreign = await new FakeTrackers().start();
    });
    afterEach(() => foreign.stop());

    it('reads issues a document links to on another host anonymously', async () => {
      foreign.issues.set('gitlab:grp/proj#1', { state: 'open' });
      foreign.issues.set('jira:OPS-1', { state: 'open' });
      const refs = [findTrackerRef(`${foreign.url}/grp/proj/-/issues/1`)!, findTrackerRef(`${foreign.url}/browse/OPS-1`)!];
      const states = await readTrackerStates(refs, new TrackerHttp(), config, env);
      assert.equal(states.get('gitlab:grp/proj#1')?.state, 'open');
      assert.equal(foreign.seen.length, 2);
      for (const seen of foreign.seen) assert.deepEqual([seen.headers.authorization, seen.headers['private-token']], [undefined, undefined]);
    });

    it('still sends them to the configured site when a link names it', async () => {
      fake.issues.set('gitlab:grp/proj#1', { state: 'open' });
      await readTrackerStates([findTrackerRef(`${fake.url}/grp/proj/-/issues/1`)!], new TrackerHttp(), config, env);
      assert.equal(fake.seen[0].headers['private-token'], 'gl-secret');
    });

    it('sends the GitHub token only to the API the user named, whatever the repository configures', async () => {
      foreign.issues.set('github:octo/app#1', { state: 'open' });
      fake.issues.set('github:octo/app#1', { state: 'open' });
      const fromRepo: TrackersConfig = { github: { apiUrl: foreign.url } };
      // The user's GITHUB_API_URL wins over the repository's apiUrl.
      await readTrackerStates([findTrackerRef('octo/app#1', fromRepo)!], new TrackerHttp(), fromRepo, env);
      assert.deepEqual([foreign.seen.length, fake.seen[0]?.headers.authorization], [0, 'Bearer gh-secret']);
      // Without one, the token belongs to api.github.com: the repository's address is read anonymously.
      await readTrackerStates([findTrackerRef('octo/app#1', fromRepo)!], new TrackerHttp(), fromRepo, { githubToken: 'gh-secret' });
      assert.equal(foreign.seen.length, 1);
      assert.equal(foreign.seen[0].headers.authorization, undefined);
    });

    it('drops credentials on a redirect to another origin', async () => {
      foreign.issues.set('github:octo/app#1', { state: 'closed' });
      fake.issues.set('github:octo/app#1', { redirectTo: `${foreign.url}/repos/octo/app/issues/1` });
      const states = await readTrackerStates([ref('octo/app#1')], new TrackerHttp(), config, env);
      assert.equal(states.get('github:octo/app#1')?.state, 'closed');
      assert.equal(fake.seen[0].headers.authorization, 'Bearer gh-secret');
      assert.equal(foreign.seen[0].headers.authorization, undefined);
    });
  });

  it('reads open and closed states from each tracker, with the close date', async () => {
    fake.issues.set('github:octo/app#1', { state: 'open' });
    fake.issues.set('gitlab:infra/db/pg#2', { state: 'closed', closedAt: '2026-05-01T10:00:00Z' });
    fake.issues.set('jira:OPS-3', { state: 'closed', closedAt: '2026-06-01T10:00:00.000+0000' });
    const refs = [ref('octo/app#1'), ref('infra/db/pg#2'), ref('OPS-3')];
    const states = await readTrackerStates(refs, new TrackerHttp(), config, env);
    assert.deepEqual(states.get('github:octo/app#1'), { state: 'open' });
    assert.deepEqual(states.get('gitlab:infra/db/pg#2'), { state: 'closed', closedAt: '2026-05-01T10:00:00Z' });
    assert.equal(states.get('jira:OPS-3')?.state, 'closed');
    const auth = (p: RegExp) => fake.seen.find((s) => p.test(s.path))?.headers;
    assert.equal(auth(/^\/repos/)?.authorization, 'Bearer gh-secret');
    assert.equal(auth(/^\/api\/v4/)?.['private-token'], 'gl-secret');
    assert.equal(auth(/^\/rest/)?.authorization, `Basic ${Buffer.from('me@example.com:j-secret').toString('base64')}`);
  });

  it('sends no credentials when none are in the environment', async () => {
    fake.issues.set('github:octo/app#1', { state: 'open' });
    await readTrackerStates([ref('octo/app#1')], new TrackerHttp(), config, {});
    assert.equal(fake.seen[0].headers.authorization, undefined);
  });

  it('says not found on 404 and no access on 403', async () => {
    fake.issues.set('github:octo/app#2', { status: 403 });
    const states = await readTrackerStates([ref('octo/app#1'), ref('octo/app#2')], new TrackerHttp(), config, env);
    assert.equal(states.get('github:octo/app#1')?.errorKind, 'not-found');
    assert.equal(states.get('github:octo/app#2')?.errorKind, 'no-access');
    assert.equal(states.get('github:octo/app#2')?.state, null);
  });

  it('stops asking a tracker whose rate limit is spent until it resets', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    fake.issues.set('github:octo/app#1', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    for (let n = 2; n <= 5; n++) fake.issues.set(`github:octo/app#${n}`, { state: 'open' });
    const http = new TrackerHttp({ concurrency: 1 });
    const states = await readTrackerStates([1, 2, 3, 4, 5].map((n) => ref(`octo/app#${n}`)), http, config, env);
    assert.equal(fake.seen.length, 1);
    assert.ok([...states.values()].every((s) => s.errorKind === 'rate-limited'));
  });

  it('treats 429 with Retry-After as rate limited', async () => {
    fake.issues.set('gitlab:infra/db/pg#1', { status: 429, headers: { 'retry-after': '120' } });
    const states = await readTrackerStates([ref('infra/db/pg#1')], new TrackerHttp(), config, env);
    assert.equal(states.get('gitlab:infra/db/pg#1')?.errorKind, 'rate-limited');
  });

  it('gives up on a tracker that does not answer in time, and on one that is not there', async () => {
    fake.issues.set('jira:OPS-9', { state: 'open', delayMs: 3000 });
    const slow = await readTrackerStates([ref('OPS-9')], new TrackerHttp({ timeoutMs: 100 }), config, env);
    assert.equal(slow.get('jira:OPS-9')?.errorKind, 'offline');
    const closedPort = { github: { apiUrl: 'http://127.0.0.1:9' } };
    const offline = await readTrackerStates([findTrackerRef('octo/app#1')!], new TrackerHttp(), closedPort, {});
    assert.equal(offline.get('github:octo/app#1')?.errorKind, 'offline');
  });

  it('revalidates with If-None-Match and reuses the cached state on 304', async () => {
    fake.issues.set('github:octo/app#1', { state: 'closed', closedAt: '2026-02-02T00:00:00Z', etag: '"v1"' });
    const cache = new MemoryCache();
    const first = await readTrackerStates([ref('octo/app#1')], new TrackerHttp({ cache }), config, env);
    const second = await readTrackerStates([ref('octo/app#1')], new TrackerHttp({ cache }), config, env);
    assert.equal(fake.seen[0].headers['if-none-match'], undefined);
    assert.equal(fake.seen[1].headers['if-none-match'], '"v1"');
    assert.deepEqual(second.get('github:octo/app#1'), first.get('github:octo/app#1'));
    assert.equal(second.get('github:octo/app#1')?.state, 'closed');
  });

  it('keeps requests in flight within the concurrency bound and asks once per distinct issue', async () => {
    for (let n = 1; n <= 12; n++) fake.issues.set(`github:octo/app#${n}`, { state: 'open', delayMs: 40 });
    const refs = [...Array(12).keys()].flatMap((i) => [ref(`octo/app#${i + 1}`), ref(`https://github.com/octo/app/issues/${i + 1}`)]);
    await readTrackerStates(refs, new TrackerHttp({ concurrency: 3 }), { ...config, github: { apiUrl: fake.url } }, env);
    assert.equal(fake.seen.length, 12);
    assert.ok(fake.maxInFlight <= 3 && fake.maxInFlight > 1, `max in flight ${fake.maxInFlight}`);
  });
});

describe('trackers configuration', () => {
  it('keeps valid keys, merges layers, and refuses credentials in files', async () => {
    const { resolveConfig } = await import('../../server/src/config/resolve');
    const resolved = resolveConfig([
      { trackers: { github: { repository: 'octo/app' }, jira: { url: 'https://acme.atlassian.net/' } } },
      { trackers: { enabled: true, gitlab: { url: 'not a url', token: 'x' } as never, github: { repository: 'no-slash' } } },
    ]);
    assert.equal(resolved.trackers?.enabled, true);
    assert.equal(resolved.trackers?.github?.repository, 'octo/app');
    assert.equal(resolved.trackers?.jira?.url, 'https://acme.atlassian.net');
    assert.equal(resolved.trackers?.gitlab?.url, undefined);
    assert.ok(resolved.warnings.some((w) => /credentials come from the environment/.test(w)));
    assert.ok(resolved.warnings.some((w) => /trackers\.gitlab\.url/.test(w)));
    assert.ok(resolved.warnings.some((w) => /"owner\/repo"/.test(w)));
  });
});
