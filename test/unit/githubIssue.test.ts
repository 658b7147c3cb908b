import assert from 'node:assert/strict';
import { createGitHubIssue, isIssueLink, issuePayload, linkInsertion } from '../../client/src/trackers/githubIssue';
import { FakeTrackers } from '../helpers/fakeTrackers';

describe('Create GitHub issue (request and insertion)', () => {
  const item = { text: 'Alert on queue depth above 10k. Owner: @ana-b. Due: 2026-04-01.', owner: '@ana-b', due: '2026-04-01', line: 11 };

  it('titles the issue with the action, links back to the postmortem, assigns a GitHub login and states the due date', () => {
    const p = issuePayload(item, 'postmortems/queue.md');
    assert.equal(p.title, 'Alert on queue depth above 10k.');
    assert.deepEqual(p.assignees, ['ana-b']);
    assert.match(p.body, /postmortems\/queue\.md` \(line 12\)/);
    assert.match(p.body, /Due: 2026-04-01/);
    assert.deepEqual(issuePayload({ ...item, owner: 'Storage team' }, 'x.md').assignees, []);
    assert.deepEqual(issuePayload({ ...item, owner: '@not_a_login' }, 'x.md').assignees, []);
  });

  it('puts the link at the end of a list item, and inside the last cell of a table row', () => {
    assert.deepEqual(linkInsertion('- [ ] Alert on depth. Owner: @ana.  ', 'U'), { character: 34, newText: ' U' });
    assert.deepEqual(linkInsertion('| Alert on depth | @ana | 2026-04-01 |', 'U'), { character: 36, newText: ' U ' });
  });

  describe('against the local GitHub API', () => {
    let fake: FakeTrackers;
    beforeEach(async () => {
      fake = await new FakeTrackers().start();
    });
    afterEach(() => fake.stop());

    it('creates the issue with the token and answers its address', async () => {
      const outcome = await createGitHubIssue(fake.url, 'tok', 'octo/app', issuePayload(item, 'pm.md'));
      assert.deepEqual(outcome, { ok: true, url: `${fake.url}/octo/app/issues/101`, number: 101, assigned: true });
      assert.equal(fake.created[0].headers.authorization, 'Bearer tok');
      assert.deepEqual(fake.created[0].body.assignees, ['ana-b']);
    });

    it('creates it unassigned when GitHub refuses the assignee', async () => {
      fake.unassignable.add('ana-b');
      const outcome = await createGitHubIssue(fake.url, 'tok', 'octo/app', issuePayload(item, 'pm.md'));
      assert.equal(outcome.ok && outcome.assigned, false);
      assert.equal(fake.created.length, 1);
    });

    it('refuses a malformed API address with a clear message, before any request', async () => {
      const outcome = await createGitHubIssue('github.example.com/api', 'tok', 'octo/app', issuePayload(item, 'pm.md'));
      assert.equal(outcome.ok, false);
      assert.match((outcome as { message: string }).message, /postmortem\.trackers\.githubApiUrl.*not an http\(s\) address/);
      assert.equal(fake.created.length, 0);
    });

    it('writes back only a plain web link: https, or http on the configured API\'s own origin', () => {
      assert.ok(isIssueLink('https://github.com/octo/app/issues/1', 'https://api.github.com'));
      assert.ok(isIssueLink(`${fake.url}/octo/app/issues/1`, fake.url));
      assert.ok(!isIssueLink('http://elsewhere.example/octo/app/issues/1', 'https://api.github.com'));
      assert.ok(!isIssueLink('https://github.com/x) [click](javascript:alert(1)', 'https://api.github.com'));
      assert.ok(!isIssueLink('javascript:alert(1)', 'https://api.github.com'));
    });

    it('says clearly why nothing was created: no token, 403, 404, offline', async () => {
      const payload = issuePayload(item, 'pm.md');
      const message = async (...args: Parameters<typeof createGitHubIssue>) => {
        const o = await createGitHubIssue(...args);
        assert.equal(o.ok, false);
        return (o as { message: string }).message;
      };
      assert.match(await message(fake.url, undefined, 'octo/app', payload), /No GitHub token/);
      fake.createStatus = 403;
      assert.match(await message(fake.url, 'tok', 'octo/app', payload), /HTTP 403/);
      fake.createStatus = 404;
      assert.match(await message(fake.url, 'tok', 'octo/app', payload), /not found/);
      const url = fake.url;
      await fake.stop();
      assert.match(await message(url, 'tok', 'octo/app', payload), /Could not reach/);
      fake = await new FakeTrackers().start();
      assert.equal(fake.created.length, 0);
    });
  });
});
