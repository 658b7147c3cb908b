// A superseded version in a real analysis worker thread: the host tells the worker through the
// shared word, the worker stops the job at its next step and answers it abandoned, and the same
// (kept, warm) worker analyses the newest version. This file is also the worker's script: run as a
// worker thread it serves analyses (analysis/worker.ts), as dist/serverWorker.js does.
import assert from 'node:assert/strict';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { threadWorkers } from '../../server/src/analysis/host';
import { serveAnalyses, type WorkerAnswer } from '../../server/src/analysis/worker';
import { WorkerHost, type Outcome } from '../../server/src/analysis/workerHost';
import type { WorkerPlatform } from '../../server/src/analysis/workerPlatform';
import { resolveConfig } from '../../server/src/config/resolve';
import { answerQuery } from '../../server/src/features/queries';
import { generatePostmortem } from '../../bench/generate';

const ROLE = 'abandoned-job-test-worker';

if (!isMainThread && workerData === ROLE && parentPort) serveAnalyses(parentPort, answerQuery);

if (isMainThread) {
  const NOW = new Date('2026-11-30T12:00:00Z');
  const CONFIG = resolveConfig([]);
  const URI = 'file:///ws/postmortems/long.md';

  /** Worker threads running this file, recording every answer and every termination. */
  function watchedThreads() {
    const threads = threadWorkers(__filename, undefined, { workerData: ROLE });
    const answers: WorkerAnswer[] = [];
    const terminated: boolean[] = [];
    const listeners: Array<(answer: WorkerAnswer) => void> = [];
    /** Set: the next job the worker begins is given up the moment it says so (before the host hears of it). */
    const giveUp = { next: false };
    const platform: WorkerPlatform = {
      ...threads,
      spawn(events) {
        const index = terminated.push(false) - 1;
        let word: Int32Array | undefined;
        const worker = threads.spawn({
          message: (answer) => {
            answers.push(answer);
            // Raised here, synchronously, rather than after the host's turn: on a loaded machine the
            // worker could otherwise finish the job before the main thread tells it to stop.
            if ('started' in answer && word && giveUp.next) {
              giveUp.next = false;
              Atomics.store(word, 0, answer.id + 1);
            }
            listeners.forEach((listener) => listener(answer));
            events.message(answer);
          },
          gone: events.gone,
        });
        return {
          postMessage: (m) => {
            if ('firstWanted' in m) word = m.firstWanted;
            worker.postMessage(m);
          },
          terminate: () => ((terminated[index] = true), worker.terminate()),
        };
      },
    };
    const heard = (test: (answer: WorkerAnswer) => boolean) => new Promise<void>((resolve) => (answers.some(test) ? resolve() : listeners.push((a) => test(a) && resolve())));
    return { platform, answers, terminated, heard, giveUp };
  }

  describe('a superseded version in an analysis worker thread', function () {
    this.timeout(120_000);
    let host: WorkerHost | undefined;
    afterEach(() => host?.dispose());

    it('is answered abandoned at its next step; the worker is kept and answers the newest version', async () => {
      const { platform, answers, terminated, heard, giveUp } = watchedThreads();
      host = new WorkerHost(platform, 60_000, 0);
      let current = 1;
      const run = (version: number, text: string) => host!.run(URI, text, CONFIG, NOW, () => current !== version);
      // A first version warms the worker (its model loaded, its first analysis done: the keep window's
      // length, far more than one step of the next version takes).
      assert.equal((await run(1, generatePostmortem(1500, 5))).kind, 'done');
      // Another, different throughout (a parse, a model, dozens of rules): superseded as soon as the worker begins it.
      current = 2;
      const before = answers.length;
      giveUp.next = true;
      const long = run(2, generatePostmortem(1500, 6));
      const begun = () => answers.slice(before).find((a) => 'started' in a);
      await heard(() => begun() !== undefined);
      const longId = begun()!.id;
      current = 3;
      const newest: Promise<Outcome> = run(3, '# Postmortem\n\n## Summary\n\nObviously the queue filled up.\n');
      assert.equal((await long).kind, 'stale');
      const outcome = await newest;
      assert.equal(outcome.kind, 'done');
      assert.ok(outcome.kind === 'done' && outcome.analysis.findings.some((f) => f.ruleId === 'no-hindsight-minimizer'), 'the newest version analysed');
      assert.ok(answers.some((a) => a.id === longId && 'abandoned' in a), 'the long version answered abandoned');
      assert.ok(!answers.some((a) => a.id === longId && 'ok' in a), 'the long version was never analysed to the end');
      assert.deepEqual(terminated, [false], 'one worker, kept');
    });
  });
}
