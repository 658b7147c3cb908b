// The workspace index's reader (indexHost.ts) over a stand-in WorkerPlatform whose workers read files
// as the real job loop does, unless told to hang or end: a file over its budget is skipped with a
// reason and the next file is read by a fresh worker; where no worker can start (the constructor
// throws, the first worker ends or stays silent before answering) files are read on the caller's
// thread, logged once; once a worker has answered, a worker that ends costs only its file. Also the
// web build's pieces: the nested worker started in the index role, and the job loop over a worker scope.
import assert from 'node:assert/strict';
import type { WorkerEvents } from '../../server/src/analysis/workerPlatform';
import { serveIndexJobsInWorker } from '../../server/src/browser/workerRoles';
import { INDEX, INDEX_ROLE, nestedWorkers } from '../../server/src/browser/nestedWorkers';
import { isPostmortem } from '../../server/src/documents';
import { extractActionItems } from '../../server/src/indexExtraction';
import { IndexHost, type IndexPlatform } from '../../server/src/indexHost';
import { INDEX_WORKER_ROLE, serveIndexJobs, type IndexAnswer, type IndexJob } from '../../server/src/indexJobs';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const NOW = new Date('2026-11-30T12:00:00Z');
const WS = 'file:///ws';
const PM = (items: string) => `---\ntype: postmortem\n---\n\n# Incident\n\n## Action items\n\n${items}\n`;
/** A file whose worker says it started and then never answers, as one stuck in a remark pass. */
const HANG = 'STAND-IN-HANGS-HERE';
/** A file whose worker ends mid-job, as one out of memory. */
const END = 'STAND-IN-ENDS-HERE';

interface StandIn {
  jobs: IndexJob[];
  terminated: boolean;
  events: WorkerEvents<IndexAnswer>;
}

interface Options {
  earlyEndMeansUnavailable?: boolean;
  startTimeoutMs?: number;
  /** spawn throws this. */
  refuse?: string;
  /** The first worker ends at its first job without a word (a script the browser refused). */
  firstEndsSilently?: boolean;
  /** The first worker never says anything. */
  firstSilent?: boolean;
  /** The first worker takes this long to start (a slow machine still loading its bundle). */
  firstStartsAfterMs?: number;
}

/** Workers that run the real job loop on what they are sent (answers delivered on a later turn, as a port would). */
function standInPlatform(options: Options = {}): IndexPlatform & { workers: StandIn[]; spawns: number } {
  const platform = {
    workers: [] as StandIn[],
    spawns: 0,
    earlyEndMeansUnavailable: options.earlyEndMeansUnavailable ?? false,
    startTimeoutMs: options.startTimeoutMs,
    spawn(events: WorkerEvents<IndexAnswer>) {
      platform.spawns++;
      if (options.refuse) throw new Error(options.refuse);
      const first = platform.workers.length === 0;
      const worker: StandIn = { jobs: [], terminated: false, events };
      platform.workers.push(worker);
      let listener: ((job: IndexJob) => void) | undefined;
      serveIndexJobs({
        on: (_event, l) => (listener = l),
        postMessage: (answer) => {
          if (worker.terminated) return;
          const job = worker.jobs[worker.jobs.length - 1];
          if (!('started' in answer) && job.text.includes(HANG)) return;
          setImmediate(() => !worker.terminated && events.message(answer));
        },
      });
      return {
        postMessage(job: IndexJob) {
          worker.jobs.push(job);
          if (first && options.firstSilent) return;
          if (first && options.firstStartsAfterMs) return void setTimeout(() => listener?.(job), options.firstStartsAfterMs);
          if (first && options.firstEndsSilently) return void setImmediate(() => events.gone());
          if (job.text.includes(END)) return void setImmediate(() => events.gone(new Error('worker out of memory')));
          setImmediate(() => listener?.(job));
        },
        terminate: () => void (worker.terminated = true),
      };
    },
  };
  return platform;
}

const files = (names: Record<string, string>) => Object.fromEntries(Object.entries(names).map(([name, text]) => [`${WS}/postmortems/${name}`, text]));

async function indexWith(reader: IndexHost, contents: Record<string, string>, logs: string[]): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex((uri, text) => isPostmortem(uri, text, DEFAULT_SETTINGS.files), () => NOW, () => undefined, { fs: memoryFileSystem(files(contents)), log: (m) => logs.push(m), reader });
  await index.rebuild([WS]);
  assert.equal(index.indexing, false, 'indexing finished');
  return index;
}

const owners = (index: WorkspaceIndex) => index.items().map((i) => i.owner);

describe('the index reader over a worker platform (stand-in workers)', function () {
  this.timeout(20_000);
  const readers: IndexHost[] = [];
  const reader = (platform: IndexPlatform, budgetMs = 10_000) => {
    const r = new IndexHost(platform, { budgetMs, budgetMsPerChar: 0, log: (m) => logs.push(m) });
    readers.push(r);
    return r;
  };
  let logs: string[] = [];
  beforeEach(() => (logs = []));
  afterEach(() => readers.splice(0).forEach((r) => r.dispose()));

  it('reads a file in a worker: the same items as a read on this thread', async () => {
    const platform = standInPlatform();
    const text = PM('- [ ] Add an alert. Owner: @ana');
    const result = await reader(platform).read(`${WS}/postmortems/a.md`, text, NOW);
    assert.ok(result.ok);
    assert.deepEqual(result.items, extractActionItems(`${WS}/postmortems/a.md`, text, NOW));
    assert.equal(platform.workers[0].jobs.length, 1);
  });

  it('skips a file that runs past its budget with a reason (its worker stopped), and reads the next file in a fresh worker', async () => {
    const platform = standInPlatform();
    const indexLogs: string[] = [];
    const index = await indexWith(reader(platform, 100), { 'a-hangs.md': PM(`- [ ] Hangs. Owner: @a ${HANG}`), 'b-good.md': PM('- [ ] Add a canary. Owner: @bo') }, indexLogs);
    assert.deepEqual(owners(index), ['@bo']);
    assert.ok(indexLogs.some((l) => /a-hangs\.md: reading its action items took longer than 0\.1 s, so it was stopped/.test(l)), indexLogs.join('\n'));
    assert.equal(platform.workers.length, 2);
    assert.equal(platform.workers[0].terminated, true, 'the runaway worker was stopped');
    assert.deepEqual(platform.workers[1].jobs.map((j) => j.uri), [`${WS}/postmortems/b-good.md`]);
  });

  it('on Node, a worker that ends mid-job costs its file (with the reason) and the next file gets a fresh worker', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: false });
    const indexLogs: string[] = [];
    const index = await indexWith(reader(platform), { 'a-ends.md': PM(`- [ ] Ends. Owner: @a ${END}`), 'b-good.md': PM('- [ ] Add a canary. Owner: @bo') }, indexLogs);
    assert.deepEqual(owners(index), ['@bo']);
    assert.ok(indexLogs.some((l) => /a-ends\.md: the index worker stopped while reading it \(worker out of memory\)/.test(l)), indexLogs.join('\n'));
    assert.equal(platform.workers.length, 2);
    assert.ok(!logs.some((l) => /own thread/.test(l)), logs.join('\n'));
  });

  it('where no worker can be made, reads every file on this thread and says so once', async () => {
    const platform = standInPlatform({ refuse: 'Worker is not defined' });
    const index = await indexWith(reader(platform), { 'a.md': PM('- [ ] One. Owner: @a'), 'b.md': PM('- [ ] Two. Owner: @b') }, []);
    assert.deepEqual(owners(index), ['@a', '@b']);
    assert.equal(platform.spawns, 1, 'not tried again');
    assert.deepEqual(logs, ['The workspace index reads files on the server\'s own thread, in slices: no index worker can start here (Worker is not defined).']);
  });

  it('where the first worker ends before it answers (a refused script), reads that file and the rest on this thread, said once', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, firstEndsSilently: true });
    const index = await indexWith(reader(platform), { 'a.md': PM('- [ ] One. Owner: @a'), 'b.md': PM('- [ ] Two. Owner: @b') }, []);
    assert.deepEqual(owners(index), ['@a', '@b'], 'the file in flight was read, not skipped');
    assert.equal(platform.spawns, 1);
    assert.equal(logs.filter((l) => /no index worker can start here \(the index worker ended before it started\)/.test(l)).length, 1, logs.join('\n'));
  });

  it('where the first worker stays silent past the start timeout, reads on this thread and keeps the worker', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50, firstSilent: true });
    const index = await indexWith(reader(platform), { 'a.md': PM('- [ ] One. Owner: @a'), 'b.md': PM('- [ ] Two. Owner: @b') }, []);
    assert.deepEqual(owners(index), ['@a', '@b']);
    assert.equal(platform.workers.length, 1, 'no second worker while the first is silent');
    assert.equal(platform.workers[0].terminated, false, 'a silent worker is kept: it may be slow, not refused');
    assert.equal(logs.filter((l) => /own thread, in slices, until its worker answers: none answered within 0\.05 s/.test(l)).length, 1, logs.join('\n'));
  });

  it('a first worker slower than the start timeout: files read here meanwhile, in the worker once it speaks', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 30, firstStartsAfterMs: 120 });
    const r = reader(platform);
    assert.ok((await r.read(`${WS}/postmortems/a.md`, PM('- [ ] One. Owner: @a'), NOW)).ok, 'read here while the worker is silent');
    // The worker starts 120 ms after its first job and answers it (ignored: that file was read here).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await r.read(`${WS}/postmortems/b.md`, PM('- [ ] Two. Owner: @b'), NOW);
    assert.ok(result.ok && result.items[0].owner === '@b');
    assert.equal(platform.workers.length, 1);
    assert.equal(platform.workers[0].jobs.at(-1)?.uri, `${WS}/postmortems/b.md`, 'the second file went to the worker that spoke');
    assert.ok(!logs.some((l) => /no index worker can start here/.test(l)), logs.join('\n'));
  });

  it('a slow first worker that speaks after its idle spell passed is still let go once idle', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 30, firstStartsAfterMs: 120 });
    const r = new IndexHost(platform, { idleMs: 20, log: (m) => logs.push(m) });
    readers.push(r);
    assert.ok((await r.read(`${WS}/postmortems/a.md`, PM('- [ ] One. Owner: @a'), NOW)).ok);
    for (let i = 0; i < 200 && r.alive; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(r.alive, false, 'the worker went idle after it spoke');
    assert.equal(platform.workers[0].terminated, true);
  });

  it('once a worker has answered, a later one that ends costs only its file, also where an early end means no worker can run', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const indexLogs: string[] = [];
    const index = await indexWith(reader(platform), { 'a.md': PM('- [ ] One. Owner: @a'), 'b-ends.md': PM(`- [ ] Ends. Owner: @b ${END}`), 'c.md': PM('- [ ] Three. Owner: @c') }, indexLogs);
    assert.deepEqual(owners(index), ['@a', '@c']);
    assert.ok(indexLogs.some((l) => /b-ends\.md: the index worker stopped while reading it/.test(l)), indexLogs.join('\n'));
    assert.ok(!logs.some((l) => /own thread/.test(l)), logs.join('\n'));
    assert.equal(platform.workers.length, 2);
  });

  it('lets an idle worker go and starts a fresh one for the next file', async () => {
    const platform = standInPlatform();
    const r = new IndexHost(platform, { idleMs: 20 });
    readers.push(r);
    assert.ok((await r.read(`${WS}/postmortems/a.md`, PM('- [ ] One. Owner: @a'), NOW)).ok);
    assert.equal(r.alive, true);
    for (let i = 0; i < 200 && r.alive; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(r.alive, false);
    assert.equal(platform.workers[0].terminated, true);
    assert.ok((await r.read(`${WS}/postmortems/b.md`, PM('- [ ] Two. Owner: @b'), NOW)).ok);
    assert.equal(platform.workers.length, 2);
  });
});

describe('the web build\'s index worker', () => {
  it('is a nested worker of the server\'s own script, started in the index role', () => {
    const made: Array<{ url: string; name: string }> = [];
    class FakeWorker {
      onmessage = null;
      onerror = null;
      onmessageerror = null;
      constructor(url: string, options: { name: string }) {
        made.push({ url, name: options.name });
      }
      postMessage() {}
      terminate() {}
    }
    nestedWorkers<IndexJob, IndexAnswer>('blob:https://example.test/1', { Worker: FakeWorker }, INDEX).spawn({ message: () => undefined, gone: () => undefined });
    assert.deepEqual(made, [{ url: 'blob:https://example.test/1', name: INDEX_ROLE }]);
    assert.equal(INDEX_ROLE, INDEX_WORKER_ROLE, 'one name for the role on both platforms');
  });

  it('serves index jobs over a worker\'s global scope: started, then the items', () => {
    const posted: unknown[] = [];
    let listener: ((event: { data: unknown }) => void) | undefined;
    serveIndexJobsInWorker({ postMessage: (m) => posted.push(m), addEventListener: (_type, l) => (listener = l) });
    const text = PM('- [ ] Add an alert. Owner: @ana');
    listener!({ data: { id: 7, uri: 'file:///a.md', text, now: NOW.getTime() } satisfies IndexJob });
    assert.deepEqual(posted, [{ id: 7, started: true }, { id: 7, ok: true, items: extractActionItems('file:///a.md', text, NOW), handles: ['@ana'] }]);
  });
});
