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

/**
 * With V8's own young generation: with the analysis workers' 24 MB one, reading 300 generated
 * 120-line postmortems took 10.0-10.7 s against 6.5-8.8 s (2 runs each, a busy 2-core machine).
 */
export class IndexWorker extends IndexHost {
  constructor(script: string, options: IndexWorkerOptions = {}) {
    super(threadWorkers<IndexJob, IndexAnswer>(script, WORKER_HEAP_MB, { workerData: options.workerData ?? INDEX_WORKER_ROLE }), options);
  }
}
