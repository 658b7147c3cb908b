// One job's turn on a document's worker: sent at once when the worker is free, else held as the one
// job waiting for it (a newer job replaces it), then watched until it settles: polled for whether its
// version is still wanted, and for the time budget once the worker has begun it.
import type { WorkerJob } from './worker';
import type { Settled, Slot } from './workerSlot';

/** How often a running job checks whether its version is still wanted. */
const POLL_MS = 25;

/** How the job settled, or 'budget' when it ran past it; `begun`: when the worker began it, if it did. */
export interface JobEnd {
  answer: Settled | 'budget';
  begun: number | undefined;
}

export function dispatchJob(slot: Slot, job: WorkerJob, stale: () => boolean, budget: number): Promise<JobEnd> {
  const id = job.id;
  let begun: number | undefined;
  return new Promise<JobEnd>((resolve) => {
    const timer = setInterval(() => {
      if (stale()) finish('stale');
      else if (begun !== undefined && performance.now() - begun > budget) finish('budget');
    }, POLL_MS);
    const finish = (result: Settled | 'budget') => {
      clearInterval(timer);
      if (slot.running?.id === id) slot.running = undefined;
      if (slot.pending?.id === id) slot.pending = undefined;
      resolve({ answer: result, begun });
    };
    const post = () => {
      slot.running = { id, settle: finish, begin: () => (begun = performance.now()) };
      slot.busyWith = id;
      slot.begunAt = undefined;
      slot.worker.postMessage(job);
    };
    // The worker runs the jobs it is sent in order, to the end: while it is on one (a superseded
    // job left to finish), this job waits here, where a newer one can still replace it.
    if (slot.busyWith === undefined) post();
    else {
      slot.pending?.settle('stale');
      slot.pending = { id, stale, post, settle: finish };
    }
  });
}
