// The entry of the Node server's worker threads (dist/serverWorker.js): the analysis workers
// (analysis/host.ts) and the workspace index's (indexWorker.ts; its jobs in indexJobs.ts). A bundle
// of its own, apart from the main thread's (server.ts): it holds the engine but no LSP library,
// handlers or features, so each worker compiles and keeps less code.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveAnalyses } from './analysis/worker';
import { answerQuery } from './features/queries';
import { INDEX_WORKER_ROLE, serveIndexJobs } from './indexJobs';

if (!isMainThread && parentPort) {
  if (workerData === INDEX_WORKER_ROLE) serveIndexJobs(parentPort);
  else serveAnalyses(parentPort, answerQuery);
}
