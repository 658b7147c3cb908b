// The analysis host shared by the Node and web servers (analysis/workerHost.ts), driven through a
// stand-in WorkerPlatform whose workers the test answers by hand: supersession, the time budget,
// a worker that fails, and the fall back to the caller's own thread where no worker can run. Also the
// web platform (browser/nestedWorkers.ts) over a stand-in Worker constructor.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { threadWorkers } from '../../server/src/analysis/host';
import type { WorkerAnswer, WorkerJob, WorkerMessage } from '../../server/src/analysis/worker';
import { WorkerHost, type Outcome } from '../../server/src/analysis/workerHost';
import type { WorkerEvents, WorkerPlatform } from '../../server/src/analysis/workerPlatform';
import { ANALYSIS_ROLE, nestedWorkers } from '../../server/src/browser/nestedWorkers';
import { resolveConfig } from '../../server/src/config/resolve';

const NOW = new Date('2026-11-30T12:00:00Z');
const CONFIG = resolveConfig([]);
const NEVER = () => false;

/** A worker the test drives: what it was sent, whether it was terminated, and its events. */
interface StandIn {
  posted: WorkerMessage[];
  terminated: boolean;
  events: WorkerEvents;
  jobs(): string[];
}

/** `refuse` (changeable mid-test): the reason every spawn throws with. */
function standInPlatform(options: { earlyEndMeansUnavailable?: boolean; refuse?: string; startTimeoutMs?: number; sharesMemory?: boolean } = {}): WorkerPlatform & { workers: StandIn[]; refuse?: string } {
  const workers: StandIn[] = [];
  const platform: WorkerPlatform & { workers: StandIn[]; refuse?: string } = {
    workers,
    refuse: options.refuse,
    earlyEndMeansUnavailable: options.earlyEndMeansUnavailable ?? false,
    startTimeoutMs: options.startTimeoutMs,
    sharesMemory: options.sharesMemory,
    spawn(events) {
      if (platform.refuse) throw new Error(platform.refuse);
      const worker: StandIn = {
        posted: [], terminated: false, events,
        jobs: () => worker.posted.flatMap((m) => ('text' in m ? [m.text] : [])),
      };
      workers.push(worker);
      return { postMessage: (m) => worker.posted.push(m), terminate: () => (worker.terminated = true) };
    },
  };
  return platform;
}

/** Waits until `condition` holds (the host polls on timers), failing after a while. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

function lastJob(worker: StandIn): WorkerJob {
  const jobs = worker.posted.filter((m): m is WorkerJob => 'text' in m);
  return jobs[jobs.length - 1];
}

const started = (worker: StandIn) => worker.events.message({ id: lastJob(worker).id, started: true } satisfies WorkerAnswer);
const answered = (worker: StandIn) => worker.events.message({ id: lastJob(worker).id, ok: true, findings: [], errors: [], notices: [] } satisfies WorkerAnswer);
/** The worker stops its last job, given up, at a step. */
const abandoned = (worker: StandIn) => worker.events.message({ id: lastJob(worker).id, abandoned: true } satisfies WorkerAnswer);
/** The word the host shares with a worker: the first job id it still wants. */
function wordOf(worker: StandIn): Int32Array {
  const handed = worker.posted[0];
  assert.ok(handed && 'firstWanted' in handed, 'the word is the first thing the worker is sent');
  return handed.firstWanted;
}
/** Types into document 'a': each call runs the next version (v1, v2, ...), stale once another is typed. */
function typist(h: WorkerHost): () => Promise<Outcome> {
  let version = 0;
  return () => {
    const mine = ++version;
    return h.run('a', `v${mine}`, CONFIG, NOW, () => version !== mine);
  };
}

/** The worker begins its last job and answers it. */
const startsAndAnswers = (worker: StandIn) => {
  started(worker);
  answered(worker);
};

describe('analysis host over a worker platform (stand-in workers)', function () {
  this.timeout(20_000);
  const hosts: WorkerHost[] = [];
  const host = (platform: WorkerPlatform, budgetMs = 60_000) => {
    const h = new WorkerHost(platform, budgetMs, 0);
    hosts.push(h);
    return h;
  };
  afterEach(() => hosts.splice(0).forEach((h) => h.dispose()));

  it('answers a version with what its worker sent', async () => {
    const platform = standInPlatform();
    const pending = host(platform).run('a', 'text a', CONFIG, NOW, NEVER);
    await until(() => platform.workers[0]?.jobs().length === 1, 'the job');
    startsAndAnswers(platform.workers[0]);
    const outcome = await pending;
    assert.equal(outcome.kind, 'done');
  });

  it('a version superseded while it waits for its busy worker is never sent; the newest is', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const first = h.run('a', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers[0]?.jobs().length === 1, 'v1 sent');
    started(platform.workers[0]);
    const second = h.run('a', 'v2', CONFIG, NOW, NEVER);
    const third = h.run('a', 'v3', CONFIG, NOW, NEVER);
    // v1 runs on (younger than a cold start, it keeps the worker's caches); once it answers, v3 goes.
    assert.deepEqual(platform.workers[0].jobs(), ['v1']);
    answered(platform.workers[0]);
    assert.equal((await first).kind, 'stale');
    assert.equal((await second).kind, 'stale');
    assert.deepEqual(platform.workers[0].jobs(), ['v1', 'v3']);
    startsAndAnswers(platform.workers[0]);
    assert.equal((await third).kind, 'done');
  });

  it('a version that runs past the budget has its worker terminated and gets one finding that says so', async () => {
    const platform = standInPlatform();
    const h = host(platform, 30);
    const pending = h.run('a', 'hostile', CONFIG, NOW, NEVER);
    await until(() => platform.workers[0]?.jobs().length === 1, 'the job');
    started(platform.workers[0]);
    const outcome = await pending;
    assert.equal(outcome.kind, 'withheld');
    assert.match((outcome as Extract<Outcome, { kind: 'withheld' }>).notices[0].message, /took longer than .* so it was stopped/);
    assert.equal(platform.workers[0].terminated, true);
    // The next version gets a fresh worker.
    const next = h.run('a', 'fine', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 2 && platform.workers[1].jobs().length === 1, 'a fresh worker');
    startsAndAnswers(platform.workers[1]);
    assert.equal((await next).kind, 'done');
  });

  it('the budget counts from when the worker begins the job, not from its start-up', async () => {
    const platform = standInPlatform();
    const h = host(platform, 30);
    let settled = false;
    const pending = h.run('a', 'slow to load', CONFIG, NOW, NEVER).then((o) => ((settled = true), o));
    await until(() => platform.workers[0]?.jobs().length === 1, 'the job');
    // Many polls pass with the job not begun (the worker still loading): nothing is stopped.
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(settled, false);
    assert.equal(platform.workers[0].terminated, false);
    startsAndAnswers(platform.workers[0]);
    assert.equal((await pending).kind, 'done');
  });

  it('a worker that fails mid-job withholds that version with the reason, and the next one gets a new worker', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true });
    const h = host(platform);
    const logs: string[] = [];
    h.setLog((m) => logs.push(m));
    const pending = h.run('a', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers[0]?.jobs().length === 1, 'the job');
    started(platform.workers[0]);
    platform.workers[0].events.gone(new Error('boom'));
    const outcome = await pending;
    assert.equal(outcome.kind, 'withheld');
    assert.match((outcome as Extract<Outcome, { kind: 'withheld' }>).notices[0].message, /could not be checked: .*boom/);
    assert.ok(logs.some((l) => /boom/.test(l)), logs.join('\n'));
    // The worker had answered ('started'), so workers can run here: the next version is not given up.
    const next = h.run('a', 'v2', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 2 && platform.workers[1].jobs().length === 1, 'a new worker');
    startsAndAnswers(platform.workers[1]);
    assert.equal((await next).kind, 'done');
  });

  it('answers "unavailable" (the caller analyses on its own thread) when no worker can be made, and says why once', async () => {
    const platform = standInPlatform({ refuse: 'nested workers are not allowed' });
    const h = host(platform);
    const logs: string[] = [];
    h.setLog((m) => logs.push(m));
    assert.equal((await h.run('a', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    assert.equal((await h.run('b', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    assert.equal(logs.filter((l) => /nested workers are not allowed/.test(l)).length, 1, logs.join('\n'));
  });

  it('where the first worker ends before it answers (its script refused), its version and every later one are "unavailable"', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true });
    const h = host(platform);
    const first = h.run('a', 'v1', CONFIG, NOW, NEVER);
    const other = h.run('b', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 2, 'two workers');
    platform.workers[0].events.gone(new Error('refused by the content security policy'));
    assert.equal((await first).kind, 'unavailable');
    assert.equal((await other).kind, 'unavailable');
    assert.equal(platform.workers[1].terminated, true);
    assert.equal((await h.run('c', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    assert.equal(platform.workers.length, 2);
  });

  it('on a platform where an early end is the document\'s failure (Node), it is withheld instead', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: false });
    const h = host(platform);
    const first = h.run('a', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 1, 'the worker');
    platform.workers[0].events.gone();
    assert.equal((await first).kind, 'withheld');
  });

  it('a first worker silent past the start-up timeout: the caller analyses meanwhile, and once it speaks workers are back', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const h = host(platform);
    assert.equal((await h.run('a', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    // Until a worker speaks, every run is the caller's, and no more workers are started.
    assert.equal((await h.run('b', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    assert.equal(platform.workers.length, 1);
    assert.equal(platform.workers[0].terminated, false, 'a slow worker is kept');
    // It was slow, not refused: it begins and answers the job it was sent (that answer is no one's now).
    startsAndAnswers(platform.workers[0]);
    const next = h.run('a', 'v2', CONFIG, NOW, NEVER);
    assert.deepEqual(platform.workers[0].jobs(), ['v1', 'v2']);
    startsAndAnswers(platform.workers[0]);
    assert.equal((await next).kind, 'done');
  });

  it('a slow first worker that begins the job it was given up on finishes it (the keep window does not apply), and serves the next', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const h = host(platform);
    assert.equal((await h.run('a', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    started(platform.workers[0]);
    // Longer than the keep window a superseded job gets (300 ms with no cold start measured).
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.equal(platform.workers[0].terminated, false, 'the worker warming up on its first job is kept');
    answered(platform.workers[0]);
    const next = h.run('a', 'v2', CONFIG, NOW, NEVER);
    startsAndAnswers(platform.workers[0]);
    assert.equal((await next).kind, 'done');
    assert.equal(platform.workers.length, 1);
  });

  it('a worker started before any spoke, silent past the timeout after another spoke, is not taken for stuck; still silent at its next run, it is replaced', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const h = host(platform);
    const a = h.run('a', 'v1', CONFIG, NOW, NEVER);
    const b = h.run('b', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 2, 'two workers');
    startsAndAnswers(platform.workers[0]);
    assert.equal((await a).kind, 'done');
    // b's worker was started before a's spoke: slow, maybe, so its version goes to the caller and the worker stays.
    assert.equal((await b).kind, 'unavailable');
    assert.equal(platform.workers[1].terminated, false);
    const again = h.run('b', 'v2', CONFIG, NOW, NEVER);
    await until(() => platform.workers.length === 3, 'a fresh worker for b');
    assert.equal(platform.workers[1].terminated, true);
    startsAndAnswers(platform.workers[2]);
    assert.equal((await again).kind, 'done');
  });

  it('a first worker silent past the start-up timeout that then ends before a word turns workers off for good', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const h = host(platform);
    assert.equal((await h.run('a', 'v1', CONFIG, NOW, NEVER)).kind, 'unavailable');
    platform.workers[0].events.gone(new Error('refused'));
    assert.equal((await h.run('a', 'v2', CONFIG, NOW, NEVER)).kind, 'unavailable');
    assert.equal(platform.workers.length, 1);
  });

  it('once workers have run, a worker silent past the start-up timeout is that version\'s failure: withheld, the worker ended, the next gets a new one', async () => {
    const platform = standInPlatform({ earlyEndMeansUnavailable: true, startTimeoutMs: 50 });
    const h = host(platform, 100);
    const first = h.run('a', 'v1', CONFIG, NOW, NEVER);
    startsAndAnswers(platform.workers[0]);
    assert.equal((await first).kind, 'done');
    const stuck = await h.run('b', 'v1', CONFIG, NOW, NEVER);
    assert.equal(stuck.kind, 'withheld');
    assert.match((stuck as Extract<Outcome, { kind: 'withheld' }>).notices[0].message, /did not start within/);
    assert.equal(platform.workers[1].terminated, true);
    const next = h.run('b', 'v2', CONFIG, NOW, NEVER);
    assert.equal(platform.workers.length, 3);
    startsAndAnswers(platform.workers[2]);
    assert.equal((await next).kind, 'done');
  });

  it('once workers have run, a worker that cannot be made withholds only that version (the next one, and the other workers, carry on)', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const logs: string[] = [];
    h.setLog((m) => logs.push(m));
    const first = h.run('a', 'v1', CONFIG, NOW, NEVER);
    startsAndAnswers(platform.workers[0]);
    const done = (await first) as Extract<Outcome, { kind: 'done' }>;
    platform.refuse = 'ERR_WORKER_INIT_FAILED: too many threads';
    const refused = await h.run('b', 'v1', CONFIG, NOW, NEVER);
    assert.equal(refused.kind, 'withheld');
    assert.match((refused as Extract<Outcome, { kind: 'withheld' }>).notices[0].message, /too many threads/);
    assert.ok(!logs.some((l) => /own thread/.test(l)), logs.join('\n'));
    assert.equal(platform.workers[0].terminated, false, 'the other document keeps its worker');
    // Its details are still asked of its worker.
    void done.analysis.details();
    assert.deepEqual(platform.workers[0].posted.at(-1), { details: lastJob(platform.workers[0]).id });
    platform.refuse = undefined;
    const next = h.run('b', 'v2', CONFIG, NOW, NEVER);
    startsAndAnswers(platform.workers[1]);
    assert.equal((await next).kind, 'done');
  });

  it('versions typed while a worker starts never terminate it; the newest waits and is sent once the first job ends', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const type = typist(h);
    const runs = [type()];
    // Longer than the keep window for a superseded job: the worker has not begun its first job yet.
    await new Promise((r) => setTimeout(r, 400));
    runs.push(type(), type(), type());
    assert.equal(platform.workers.length, 1);
    assert.equal(platform.workers[0].terminated, false);
    // The worker starts: it runs the first job (superseded) to the end, then gets only the newest.
    startsAndAnswers(platform.workers[0]);
    assert.deepEqual(platform.workers[0].jobs(), ['v1', 'v4']);
    startsAndAnswers(platform.workers[0]);
    assert.deepEqual((await Promise.all(runs)).map((o) => o.kind), ['stale', 'stale', 'stale', 'done']);
  });

  it('a superseded job that began late is still stopped once it outlives the keep window from its begin', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const type = typist(h);
    const first = type();
    const second = type();
    started(platform.workers[0]);
    // It never ends (a runaway): its worker goes, and the newest version runs on a new one.
    await until(() => platform.workers[0].terminated && platform.workers.length === 2, 'the runaway replaced');
    assert.equal((await first).kind, 'stale');
    startsAndAnswers(platform.workers[1]);
    assert.equal((await second).kind, 'done');
  });

  it('a document closed (or the host disposed) while its job runs: the job ends for good, no new worker starts for it', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const closing = h.run('a', 'v1', CONFIG, NOW, NEVER);
    const disposing = h.run('b', 'v1', CONFIG, NOW, NEVER);
    started(platform.workers[0]);
    started(platform.workers[1]);
    h.forget('a');
    assert.equal((await closing).kind, 'stale');
    h.dispose();
    assert.equal((await disposing).kind, 'stale');
    assert.equal(platform.workers.length, 2);
    assert.ok(platform.workers.every((w) => w.terminated));
  });

  it('where memory is shared, a superseded job is told through the word; answered abandoned, the newest goes to the same worker at once', async () => {
    const platform = standInPlatform({ sharesMemory: true });
    const h = host(platform);
    const type = typist(h);
    const first = type();
    const worker = platform.workers[0];
    const word = wordOf(worker);
    started(worker);
    const v1 = lastJob(worker).id;
    assert.ok(Atomics.load(word, 0) <= v1, 'wanted while it is the newest');
    const second = type();
    assert.equal((await first).kind, 'stale');
    assert.ok(Atomics.load(word, 0) > v1, 'given up through the word');
    assert.deepEqual(worker.jobs(), ['v1'], 'the newer version waits for the worker to stop');
    abandoned(worker);
    assert.deepEqual(worker.jobs(), ['v1', 'v2']);
    assert.ok(Atomics.load(word, 0) <= lastJob(worker).id, 'the newest is wanted');
    startsAndAnswers(worker);
    assert.equal((await second).kind, 'done');
    assert.equal(platform.workers.length, 1);
    assert.equal(worker.terminated, false);
  });

  it('a platform that cannot share memory is sent no word', async () => {
    const platform = standInPlatform();
    const pending = host(platform).run('a', 'v1', CONFIG, NOW, NEVER);
    startsAndAnswers(platform.workers[0]);
    await pending;
    assert.ok(platform.workers[0].posted.every((m) => !('firstWanted' in m)));
  });

  it('where memory is shared, a job that ran longer than the keep window is given one window from its supersession to stop; one that does not is replaced', async () => {
    const platform = standInPlatform({ sharesMemory: true });
    const h = host(platform);
    const type = typist(h);
    void type();
    started(platform.workers[0]);
    // Longer than the keep window (300 ms with no cold start measured): without a word, superseding it now terminates it at once.
    await new Promise((resolve) => setTimeout(resolve, 450));
    const second = type();
    assert.equal(platform.workers[0].terminated, false, 'told to stop, not terminated at once');
    // It never reaches its next step (a parse that will not end): its worker goes, and the newest runs on a new one.
    await until(() => platform.workers[0].terminated && platform.workers.length === 2, 'the runaway replaced');
    startsAndAnswers(platform.workers[1]);
    assert.equal((await second).kind, 'done');
  });

  it('where memory is shared, a cold first job typed over and abandoned still counts in the keep window (the warm job after it is not what a fresh worker costs)', async () => {
    const platform = standInPlatform({ sharesMemory: true });
    const h = host(platform);
    const type = typist(h);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    void type();
    const worker = platform.workers[0];
    started(worker);
    await sleep(900); // the cold first analysis: loading and a first full parse
    const second = type();
    abandoned(worker);
    startsAndAnswers(worker); // warm: it reuses what the abandoned job loaded
    assert.equal((await second).kind, 'done');
    void type();
    started(worker);
    void type(); // superseded inside one long step that cannot stop at once
    // Past the 300 ms floor, within the cold start (900 ms and more): a fresh worker would cost more than waiting.
    await sleep(500);
    assert.equal(worker.terminated, false, 'kept while one step runs for less than the cold start took');
    assert.equal(platform.workers.length, 1);
  });

  it('where memory is shared, a job given up by polling (no newer version) is told through the word', async () => {
    const platform = standInPlatform({ sharesMemory: true });
    const h = host(platform);
    let wanted = true;
    const pending = h.run('a', 'v1', CONFIG, NOW, () => !wanted);
    const worker = platform.workers[0];
    started(worker);
    wanted = false;
    assert.equal((await pending).kind, 'stale');
    assert.ok(Atomics.load(wordOf(worker), 0) > lastJob(worker).id);
    abandoned(worker);
    // Stopped, the worker serves the next version.
    const next = h.run('a', 'v2', CONFIG, NOW, NEVER);
    assert.deepEqual(worker.jobs(), ['v1', 'v2']);
    startsAndAnswers(worker);
    assert.equal((await next).kind, 'done');
    assert.equal(worker.terminated, false);
  });

  it('details asked of a worker that was terminated answer "none" rather than wait for ever', async () => {
    const platform = standInPlatform();
    const h = host(platform);
    const pending = h.run('a', 'v1', CONFIG, NOW, NEVER);
    await until(() => platform.workers[0]?.jobs().length === 1, 'the job');
    startsAndAnswers(platform.workers[0]);
    const outcome = (await pending) as Extract<Outcome, { kind: 'done' }>;
    const details = outcome.analysis.details();
    const pick = outcome.analysis.pick({ findings: [0], rules: [], allFixes: false });
    h.forget('a');
    assert.equal(await details, undefined);
    assert.equal(await pick, undefined);
  });
});

describe('nested Web Workers as the web server\'s worker platform', () => {
  /** A stand-in for the DOM's Worker constructor, recording what it was started with. */
  function fakeWorkerScope() {
    const made: Array<{ url: string; name: string; worker: Record<string, unknown> & { terminated: boolean } }> = [];
    class FakeWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null = null;
      onmessageerror: (() => void) | null = null;
      terminated = false;
      posted: unknown[] = [];
      constructor(url: string, options: { name: string }) {
        made.push({ url, name: options.name, worker: this as unknown as Record<string, unknown> & { terminated: boolean } });
      }
      postMessage(m: unknown) {
        this.posted.push(m);
      }
      terminate() {
        this.terminated = true;
      }
    }
    return { scope: { Worker: FakeWorker }, made };
  }

  it('starts the server\'s own script in the analysis role and passes its answers on', () => {
    const { scope, made } = fakeWorkerScope();
    const got: unknown[] = [];
    nestedWorkers('blob:https://example.test/1234', scope).spawn({ message: (m) => got.push(m), gone: () => assert.fail('not gone') });
    assert.deepEqual(made.map((m) => [m.url, m.name]), [['blob:https://example.test/1234', ANALYSIS_ROLE]]);
    (made[0].worker.onmessage as (e: { data: unknown }) => void)({ data: { id: 1, started: true } });
    assert.deepEqual(got, [{ id: 1, started: true }]);
  });

  it('an error in the worker ends it (terminated) and is reported once, with its message', () => {
    const { scope, made } = fakeWorkerScope();
    const gone: Array<string | undefined> = [];
    nestedWorkers('https://example.test/server.js', scope).spawn({ message: () => undefined, gone: (e) => gone.push(e?.message) });
    const onerror = made[0].worker.onerror as (e: { message?: string; preventDefault?: () => void }) => void;
    onerror({ message: 'Uncaught RangeError' });
    onerror({ message: 'again' });
    assert.deepEqual(gone, ['Uncaught RangeError']);
    assert.equal(made[0].worker.terminated, true);
  });

  it('shares memory with its workers only where the page is cross-origin isolated', () => {
    const { scope } = fakeWorkerScope();
    assert.equal(nestedWorkers('https://example.test/server.js', { ...scope, SharedArrayBuffer, crossOriginIsolated: true }).sharesMemory, true);
    assert.equal(nestedWorkers('https://example.test/server.js', { ...scope, SharedArrayBuffer, crossOriginIsolated: false }).sharesMemory, false);
    assert.equal(nestedWorkers('https://example.test/server.js', { ...scope, crossOriginIsolated: true }).sharesMemory, false);
  });

  it('throws where the worker has no Worker constructor, so the host falls back', () => {
    assert.throws(() => nestedWorkers('https://example.test/server.js', {}).spawn({ message: () => undefined, gone: () => undefined }), /Worker is not defined/);
  });
});

describe('worker threads as the Node server\'s worker platform', function () {
  this.timeout(20_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postmortem-platform-'));
    writeFileSync(join(dir, 'failing.cjs'), "throw new Error('failed while loading');\n");
    writeFileSync(join(dir, 'idle.cjs'), "require('node:worker_threads').parentPort.on('message', () => undefined);\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Worker threads whose threads the test can wait for: the platform's own 'exit' listener runs before the test's. */
  const exit = (thread: Worker) => new Promise((resolve) => thread.once('exit', resolve));
  const watched = (threads: Worker[]) => (file: string, options: WorkerOptions) => {
    const thread = new Worker(file, options);
    threads.push(thread);
    return thread;
  };

  it('a thread that fails reports its end once, with the error (its exit that follows is no news)', async () => {
    const ends: Array<string | undefined> = [];
    const threads: Worker[] = [];
    threadWorkers(join(dir, 'failing.cjs'), undefined, { start: watched(threads) }).spawn({ message: () => undefined, gone: (e) => ends.push(e?.message) });
    await exit(threads[0]);
    assert.deepEqual(ends, ['failed while loading']);
  });

  it('a thread the host terminates reports no end (the host marked it gone itself)', async () => {
    const ends: unknown[] = [];
    const threads: Worker[] = [];
    const worker = threadWorkers(join(dir, 'idle.cjs'), undefined, { start: watched(threads) }).spawn({ message: () => undefined, gone: (e) => ends.push(e) });
    const exited = exit(threads[0]);
    worker.terminate();
    await exited;
    assert.deepEqual(ends, []);
  });
});
