// The worker roles of the web server's bundle: a nested worker (browser/nestedWorkers.ts) speaks the
// analysis worker's protocol (analysis/worker.ts), or the index worker's (indexJobs.ts), over its
// global scope, as a Node worker thread does over its parent port.
import type { MessagePort } from 'node:worker_threads';
import { serveAnalyses } from '../analysis/worker';
import { answerQuery } from '../features/queries';
import { serveIndexJobs, type IndexJobPort } from '../indexJobs';

/** The parts of a dedicated worker's global scope used here (the server is compiled without DOM types). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const globalScope = () => globalThis as unknown as WorkerScope;

/** A Node port's `on('message')` and `postMessage`, over the worker's scope. */
function scopePort(scope: WorkerScope) {
  return {
    postMessage: (message: unknown) => scope.postMessage(message),
    on: (_event: 'message', listener: (message: never) => void) => scope.addEventListener('message', (event) => listener(event.data as never)),
  };
}

export function serveAnalysesInWorker(scope: WorkerScope = globalScope()): void {
  serveAnalyses(scopePort(scope) as unknown as MessagePort, answerQuery);
}

export function serveIndexJobsInWorker(scope: WorkerScope = globalScope()): void {
  serveIndexJobs(scopePort(scope) satisfies IndexJobPort);
}
