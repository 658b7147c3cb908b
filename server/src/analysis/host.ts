// The Node server's analysis host: the shared host (workerHost.ts) over worker_threads, each worker
// with a heap limit, so a runaway document's analysis stops before it can take the machine's memory.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { WorkerHost } from './workerHost';
import type { WorkerAnswer, WorkerMessage } from './worker';
import type { WorkerPlatform } from './workerPlatform';

export { withheld, WorkerHost, type HostAnalysis, type Outcome } from './workerHost';

/** A worker that analyses a runaway document is stopped before it can take the machine's memory. */
const WORKER_HEAP_MB = 768;
/**
 * The young generation's size (V8 keeps three times a semi-space). V8's default lets it grow to
 * 48 MB, 32 MB of it resident in each worker; an analysis's short-lived objects fit in 8 MB
 * semi-spaces as well. Measured with the bench's 15,000-line document: the server's memory 25-40 MB
 * lower, keystroke times within the machine's noise.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/** How a thread is started besides its old generation's limit. */
export interface ThreadOptions {
  /** Tells a script that serves more than one kind of job which one (the workspace index's, indexWorker.ts). */
  workerData?: unknown;
  /** The young generation's limit; V8's own when undefined. */
  youngGenerationMb?: number;
  /** Makes the thread (`new Worker` when undefined): tests watch it to wait for its exit. */
  start?: (script: string, options: WorkerOptions) => Worker;
}

/** Worker threads running `script`, each with `heapMb` of old generation at most (by default analysis workers). */
export function threadWorkers<Message = WorkerMessage, Answer = WorkerAnswer>(script: string, heapMb = WORKER_HEAP_MB, thread: ThreadOptions = { youngGenerationMb: WORKER_YOUNG_GENERATION_MB }): WorkerPlatform<Message, Answer> {
  return {
    // A thread that ends before it answers ran out of memory as it started, or failed to load: that
    // document's failure (withheld, with the reason), as on any later job.
    earlyEndMeansUnavailable: false,
    sharesMemory: true,
    spawn(events) {
      const worker = (thread.start ?? ((file, options) => new Worker(file, options)))(script, { workerData: thread.workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: thread.youngGenerationMb } });
      let ended = false;
      const end = (error?: Error) => {
        if (ended) return;
        ended = true;
        events.gone(error);
      };
      worker.on('message', (answer: Answer) => events.message(answer));
      worker.on('error', end);
      worker.on('exit', () => end());
      worker.unref();
      return {
        postMessage: (message) => worker.postMessage(message),
        terminate: () => {
          // The host stopped it and marked it gone: the exit that follows is no news.
          ended = true;
          void worker.terminate();
        },
      };
    },
  };
}

export class AnalysisHost extends WorkerHost {
  constructor(
    script: string,
    /** How long one version's analysis may run (at least) before it is stopped with a finding that says so. */
    budgetMs?: number,
    /** How much longer, per character, a long document may take. */
    budgetMsPerChar?: number,
    /** The old-generation heap each worker may use; past it the worker stops and its document gets a finding that says so. */
    heapMb?: number,
  ) {
    super(threadWorkers(script, heapMb), budgetMs, budgetMsPerChar);
  }
}
