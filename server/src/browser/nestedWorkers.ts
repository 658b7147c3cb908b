// The web server's analysis workers: dedicated Web Workers started from inside the server's own
// worker (Chromium, Firefox and Safari allow a worker to start one). Each runs the server's own
// bundle, whose entry (browserServer.ts) serves analyses instead of LSP when the worker is named
// ANALYSIS_ROLE (or reads the workspace index's files when named INDEX_ROLE). The same script rather than a bundle of its own: the client may have started the
// server from a blob: URL (a VS Code server's workbench), where a path beside it does not resolve,
// but the server's own address (self.location.href) loads again in the same origin, http(s) or blob:.
import type { WorkerAnswer, WorkerMessage } from '../analysis/worker';
import type { WorkerPlatform } from '../analysis/workerPlatform';
import { INDEX_WORKER_ROLE } from '../indexJobs';

/** The name an analysis worker is started with (its `self.name`): it chooses the bundle's role. */
export const ANALYSIS_ROLE = 'postmortem-analysis';
/** The name the workspace index's reader is started with (the same word as the Node index thread's workerData). */
export const INDEX_ROLE = INDEX_WORKER_ROLE;

/** A nested worker's role: the name it is started with, and what the log calls it. */
export interface WorkerRole {
  name: string;
  label: string;
}
const ANALYSIS: WorkerRole = { name: ANALYSIS_ROLE, label: 'analysis worker' };
export const INDEX: WorkerRole = { name: INDEX_ROLE, label: 'index worker' };

/** The parts of the DOM's Worker used here (the server is compiled without DOM types). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: (() => void) | null;
}
type WebWorkerConstructor = new (url: string, options: { name: string }) => WebWorker;

/** What the platform reads from the server worker's global scope. */
interface WorkerScope {
  Worker?: unknown;
  SharedArrayBuffer?: unknown;
  /** False where the page is not cross-origin isolated: a SharedArrayBuffer then cannot be posted. */
  crossOriginIsolated?: boolean;
}

/**
 * Nested workers running `script`. Where there are none (`Worker` undefined, or its constructor
 * throws: a host that forbids them) or the first one ends before answering (its script refused), the
 * host falls back to analysing on the server's own thread. Browsers set no memory limit per worker.
 */
export function nestedWorkers<Message = WorkerMessage, Answer = WorkerAnswer>(script: string, scope: WorkerScope = globalThis as WorkerScope, role: WorkerRole = ANALYSIS): WorkerPlatform<Message, Answer> {
  return {
    earlyEndMeansUnavailable: true,
    // Only a cross-origin isolated page may share memory with its workers; elsewhere a superseded job
    // runs on until its keep window passes, as before shared words.
    sharesMemory: typeof scope.SharedArrayBuffer === 'function' && scope.crossOriginIsolated === true,
    // A worker whose script never loads may say nothing at all: after this long without a word, the
    // server analyses on its own thread until some worker speaks. About 8 times a cold start (the
    // bundle and the language model, then a first analysis: 0.8-1.3 s in headless Chromium on this
    // project's busy 2-core test machine); a slow start costs only the budget meanwhile, never a diagnostic.
    startTimeoutMs: 10_000,
    spawn(events) {
      const Constructor = scope.Worker as WebWorkerConstructor | undefined;
      if (typeof Constructor !== 'function') throw new Error('Worker is not defined in the language server\'s worker');
      const worker = new Constructor(script, { name: role.name });
      let ended = false;
      const fail = (message: string) => {
        if (ended) return;
        ended = true;
        // A browser's worker lives on after an uncaught error; the host's contract is that it ended.
        worker.terminate();
        events.gone(new Error(message));
      };
      worker.onmessage = (event) => {
        if (!ended) events.message(event.data as Answer);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        fail(event.message || `the ${role.label} could not be started`);
      };
      worker.onmessageerror = () => fail(`an answer of the ${role.label} could not be read`);
      return {
        postMessage: (message) => worker.postMessage(message),
        terminate: () => {
          ended = true;
          worker.terminate();
        },
      };
    },
  };
}
