// What the analysis host (workerHost.ts) needs from a platform's workers, so that the Node server
// (worker_threads, host.ts) and the web server (nested Web Workers, browser/nestedWorkers.ts) share
// one host: how a worker is made, how its answers and its end arrive, and how it is stopped. The
// workspace index's reader (indexHost.ts) drives its workers through the same interface, with its
// own messages (the type parameters).
import type { WorkerAnswer, WorkerMessage } from './worker';

/** One worker, as its host drives it (by default an analysis worker). */
export interface AnalysisWorker<Message = WorkerMessage> {
  postMessage(message: Message): void;
  /** Stops the worker mid-job; no answer and no `gone` follow (the host marks it gone itself). */
  terminate(): void;
}

/** What a worker tells its host. */
export interface WorkerEvents<Answer = WorkerAnswer> {
  message(answer: Answer): void;
  /** The worker ended on its own (failed, ran out of memory, exited); `error` says why when known. Called at most once. */
  gone(error?: Error): void;
}

export interface WorkerPlatform<Message = WorkerMessage, Answer = WorkerAnswer> {
  /** Starts a worker; throws when this platform cannot (no Worker here, or the host forbids it). */
  spawn(events: WorkerEvents<Answer>): AnalysisWorker<Message>;
  /**
   * Whether the first worker ending before it answers means no worker can run here (a browser that
   * refuses a nested worker's script), so analyses fall back to the server's own thread; on Node such
   * an end is the document's failure (a worker out of memory as it starts), answered as withheld.
   * Once any worker has answered, workers can run, and a later one that ends is its document's failure.
   */
  earlyEndMeansUnavailable: boolean;
  /**
   * How long a worker may stay silent after it was made. The analysis host (workerHost.ts): before any
   * worker answered, what waits is analysed by the caller until one does; after, that worker is stuck.
   */
  startTimeoutMs?: number;
  /**
   * Its workers can be handed a SharedArrayBuffer (worker threads always; browsers only when
   * cross-origin isolated): the analysis host then tells a worker through a shared word that its job
   * was superseded, and the worker stops at the job's next step. Without it a superseded job runs on
   * until it ends or its keep window passes (workerSlot.ts keepFor).
   */
  sharesMemory?: boolean;
}

/**
 * Hands an analysis worker its word (the first job id still wanted: worker.ts JobWord) where its
 * platform shares memory, and returns it for the host to write; undefined elsewhere.
 */
export function shareWord(platform: Pick<WorkerPlatform, 'sharesMemory'>, worker: AnalysisWorker): Int32Array | undefined {
  if (!platform.sharesMemory || typeof SharedArrayBuffer !== 'function') return undefined;
  const word = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  try {
    worker.postMessage({ firstWanted: word });
    return word;
  } catch {
    // A browser that refuses to post shared memory after all: superseded jobs run on, as without a word.
    return undefined;
  }
}

/** Lets a timer not keep Node's process alive (a no-op in browsers, whose timers are numbers). */
export function unrefTimer(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}
