// The Node server's reader for the workspace index: the shared reader (indexHost.ts) over a worker
// thread of its own, started from the server's worker bundle with INDEX_WORKER_ROLE as its
// workerData, with a heap limit so a runaway file is stopped before it can take the machine's memory.
import { threadWorkers } from './analysis/host';
import { IndexHost, type IndexHostOptions } from './indexHost';
import { INDEX_WORKER_ROLE, type IndexAnswer, type IndexJob } from './indexJobs';

export { INDEX_WORKER_ROLE, serveIndexJobs } from './indexJobs';

/** Parsing one file needs far less than a whole analysis; a runaway is stopped well before the machine's memory. */
const WORKER_HEAP_MB = 512;

export interface IndexWorkerOptions extends IndexHostOptions {
  /** Passed to the thread so the script knows its role (the worker bundle serves both kinds). */
  workerData?: unknown;
}

export class IndexWorker extends IndexHost {
  constructor(script: string, options: IndexWorkerOptions = {}) {
    super(threadWorkers<IndexJob, IndexAnswer>(script, WORKER_HEAP_MB, options.workerData ?? INDEX_WORKER_ROLE), options);
  }
}
