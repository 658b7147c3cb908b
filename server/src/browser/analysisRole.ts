// The analysis role of the web server's bundle: a nested worker (browser/nestedWorkers.ts) speaks the
// analysis worker's protocol (analysis/worker.ts) over its global scope, as a Node worker thread does
// over its parent port.
import type { MessagePort } from 'node:worker_threads';
import { serveAnalyses } from '../analysis/worker';
import { answerQuery } from '../features/queries';

/** The parts of a dedicated worker's global scope used here (the server is compiled without DOM types). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export function serveAnalysesInWorker(scope: WorkerScope = globalThis as unknown as WorkerScope): void {
  // serveAnalyses reads a Node port's `on('message')` and `postMessage`: the worker's scope offers both.
  const port = {
    postMessage: (message: unknown) => scope.postMessage(message),
    on: (_event: 'message', listener: (message: unknown) => void) => scope.addEventListener('message', (event) => listener(event.data)),
  };
  serveAnalyses(port as unknown as MessagePort, answerQuery);
}
