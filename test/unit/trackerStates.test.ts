import assert from 'node:assert/strict';
import type { IndexedActionItem } from '../../server/src/protocol';
import { EditorTrackerStates, refreshMinutes } from '../../server/src/handlers/trackerStates';
import { FakeTrackers } from '../helpers/fakeTrackers';

const item = (uri: string, line: number, status: 'open' | 'done', text: string): IndexedActionItem => ({ uri, line, text, status, owner: '@ana', due: null, tracker: null, overdue: false });

describe('editor tracker states (background reads)', () => {
  let fake: FakeTrackers;
  let states: EditorTrackerStates;
  let changes: number;
  let items: IndexedActionItem[];
  beforeEach(async () => {
    fake = await new FakeTrackers().start();
    fake.issues.set('github:octo/app#1', { state: 'open', etag: '"one"' });
    fake.issues.set('github:octo/app#2', { state: 'closed', closedAt: '2026-02-01T00:00:00Z' });
    changes = 0;
    items = [
      item('file:///w/a.md', 4, 'done', 'Add an alert. octo/app#1'),
      item('file:///w/a.md', 5, 'open', 'Cap retries. octo/app#2'),
      item('file:///w/b.md', 6, 'open', 'Shard the queue. octo/app#1'),
      item('file:///w/b.md', 7, 'open', 'Write the runbook.'),
    ];
    states = new EditorTrackerStates({ items: () => items, trackersFor: async () => ({}), changed: () => changes++, log: () => undefined });
  });
  afterEach(async () => {
    states.dispose();
    await fake.stop();
  });

  it('reads nothing and offers no states while off', async () => {
    await states.read();
    assert.equal(fake.seen.length, 0);
    assert.equal(states.forDocument('file:///w/a.md'), undefined);
    assert.deepEqual(states.itemStates(), { enabled: false, readAt: null, items: [] });
  });

  it('reads each issue once, gives each document only its own issues, and tells the view about drift', async () => {
    await states.configure({ enabled: true, githubApiUrl: fake.url, githubToken: 'secret' });
    assert.equal(fake.seen.length, 2);
    assert.equal(fake.seen[0].headers.authorization, 'Bearer secret');
    assert.deepEqual(Object.keys(states.forDocument('file:///w/b.md')!), ['github:octo/app#1']);
    assert.deepEqual(states.itemStates().items.map((i) => [i.line, i.trackerState, i.drift]), [[4, 'open', 'done-here-open-in-tracker'], [5, 'closed', 'closed-in-tracker-open-here'], [6, 'open', null]]);
    assert.equal(changes, 1);
  });

  it('signals a change only when a state changed, and revalidates with the ETag', async () => {
    await states.configure({ enabled: true, githubApiUrl: fake.url });
    await states.read();
    assert.equal(changes, 1);
    assert.equal(fake.seen.filter((s) => s.path.endsWith('/issues/1'))[1].headers['if-none-match'], '"one"');
    fake.issues.set('github:octo/app#1', { state: 'closed' });
    await states.read();
    assert.equal(changes, 2);
    assert.equal(states.itemStates().items.find((i) => i.line === 4)!.drift, null);
  });

  it('reads once the index has items when checks were turned on before it had read anything', async () => {
    const later = items;
    items = [];
    await states.configure({ enabled: true, githubApiUrl: fake.url });
    assert.equal(fake.seen.length, 0);
    items = later;
    states.itemStates();
    const running = (states as unknown as { running?: Promise<void> }).running;
    assert.ok(running, 'a read started');
    await running;
    assert.equal(states.itemStates().items.length, 3);
  });

  it('reads again only once after the first index pass, even when no link resolves to a tracker', async () => {
    items = [item('file:///w/c.md', 3, 'open', 'Move the queue, see https://linear.app/acme/issue/ENG-1')];
    await states.configure({ enabled: true, githubApiUrl: fake.url });
    const running = () => (states as unknown as { running?: Promise<void> }).running;
    for (let i = 0; i < 3; i++) {
      states.itemStates();
      assert.equal(running(), undefined, 'a view refresh started a read');
    }
  });

  it('finds each item\'s state by its issue, not by the line it had at the last read', async () => {
    await states.configure({ enabled: true, githubApiUrl: fake.url });
    // Unsaved edits swap the two items of a.md: their lines change, their issues do not.
    items = [item('file:///w/a.md', 4, 'open', 'Cap retries. octo/app#2'), item('file:///w/a.md', 5, 'done', 'Add an alert. octo/app#1')];
    assert.deepEqual(states.itemStates().items.map((i) => [i.line, i.trackerState, i.drift]), [[4, 'closed', 'closed-in-tracker-open-here'], [5, 'open', 'done-here-open-in-tracker']]);
  });

  it('refreshes every 10 minutes unless given a finite period of at least a minute', () => {
    assert.deepEqual([refreshMinutes(undefined), refreshMinutes('5'), refreshMinutes(Number.NaN), refreshMinutes(0), refreshMinutes(Infinity), refreshMinutes(30)], [10, 10, 10, 10, 10, 30]);
  });

  it('forgets the states when turned off', async () => {
    await states.configure({ enabled: true, githubApiUrl: fake.url });
    await states.configure({ enabled: false });
    assert.equal(states.forDocument('file:///w/a.md'), undefined);
    assert.equal(changes, 2);
  });
});
