// One document's analysis worker as the host (workerHost.ts) tracks it, and the requests for what an
// answered analysis left in the worker (its model, some fixes, a feature's answer).
import type { AnalysisDetails, DetailsRequest, WorkerAnswer } from './worker';
import type { AnalysisWorker } from './workerPlatform';
import type { HeadlineUnpacker } from './headlines';

type Answer = Extract<WorkerAnswer, { ok: boolean }>;
/** The answers about a job (it began, it ended, it stopped given up); the rest answer requests for details. */
type JobAnswer = Answer | Extract<WorkerAnswer, { started: true }> | Extract<WorkerAnswer, { abandoned: true }>;

/**
 * How a job ends: its answer, its worker ended, a newer version or cancellation, no worker can run
 * here (or none has started yet), or its document closed.
 */
export type Settled = Answer | 'exit' | 'stale' | 'unavailable' | 'closed';

export interface Slot {
  worker: AnalysisWorker;
  /** The word shared with the worker (where its platform shares memory): the first job id still wanted. */
  firstWanted?: Int32Array;
  running?: { id: number; settle: (answer: Settled) => void; begin: () => void };
  lastUsed: number;
  /** When the worker began its current job (undefined until it says so), and how long its last finished job took. */
  begunAt?: number;
  lastDuration?: number;
  /**
   * How long this worker took to give its first whole answer, the jobs it abandoned before it
   * included (they loaded and warmed what the first finished one reused): what replacing it costs.
   */
  coldDuration?: number;
  /** Time spent on jobs abandoned before the first whole answer (part of `coldDuration`). */
  warmingMs?: number;
  /** The job the worker thread is on (its answer not yet received), wanted or not. */
  busyWith?: number;
  /** The worker has sent something: it started. */
  spoke?: boolean;
  /** Some worker had spoken when this one was started: its silence past the start-up timeout is a failure. */
  spawnedProven?: boolean;
  /**
   * Silent past the start-up timeout before any worker spoke, so what waited on it went to the
   * caller: `job` is the one it was on, which it may still begin (slow, not stuck) and must finish.
   */
  hushed?: { job: number | undefined };
  /** Terminated or exited: it holds no details any more. */
  gone?: boolean;
  /** Details asked for and not yet answered, by job id. */
  asked: Map<number, Array<(details: AnalysisDetails | undefined) => void>>;
  /** Picks and queries asked for and not yet answered, by request id. */
  picks: Map<number, (answer: unknown) => void>;
  /** The headlines of the worker's last answer: its next one names those it repeats (headlines.ts). */
  headlines: HeadlineUnpacker;
  /**
   * The newest job waiting for the worker to answer the one it is on. Only one waits: a newer job
   * replaces it (it answers 'stale' at once), so a version superseded while queued is never sent.
   */
  pending?: { id: number; stale: () => boolean; post: () => void; settle: (answer: 'stale' | 'unavailable' | 'closed') => void };
}

/**
 * A superseded job's worker is kept, not terminated: terminating costs a cold start (model load and
 * full parse) on the next version. Measured on the bench's 15,000-line document (2 cores under load
 * 8): two keystrokes 100 ms apart took 27.5 s to diagnostics when the worker was terminated on
 * supersession and 6.1 s when it was kept (one keystroke alone: 5.0-7.6 s).
 * Where the worker shares a word with the host, it stops the job at its next step (a parse window,
 * a phase, a rule), so the keep window only has to cover one step that cannot be interrupted (one
 * window's remark parse): it counts from the supersession. Without a shared word the job runs to its
 * end, and the window counts from its begin. Either way a job still on past the window is a runaway
 * (a parse that will not end), and its worker is terminated. The window is what a fresh worker needs
 * for this document (its first, cold analysis, which holds every step), or this long when no cold
 * analysis was measured yet.
 */
const KEEP_WORKER_MS = 300;

/** How long a superseded job may run on before replacing its worker is cheaper than waiting for it. */
export function keepFor(slot: Slot): number {
  return Math.max(KEEP_WORKER_MS, slot.coldDuration ?? 0);
}

/** Tells the worker, through the shared word where there is one, that the jobs before `id` are no longer wanted. */
export function wantFrom(slot: Slot, id: number): void {
  if (slot.firstWanted && Atomics.load(slot.firstWanted, 0) < id) Atomics.store(slot.firstWanted, 0, id);
}

/** Asks the worker that answered job `id` for its model and fixes; undefined once it moved on or stopped. */
export function askDetails(slot: Slot, id: number): Promise<AnalysisDetails | undefined> {
  if (slot.gone) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const waiting = slot.asked.get(id);
    if (waiting) waiting.push(resolve);
    else {
      slot.asked.set(id, [resolve]);
      slot.worker.postMessage({ details: id } satisfies DetailsRequest);
    }
  });
}

/** Asks the worker for some fixes or a feature's answer (`message.request` tells the answers apart); undefined once it moved on or stopped. */
export function askWorker(slot: Slot, message: DetailsRequest & { request: number }): Promise<unknown> {
  if (slot.gone) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    slot.picks.set(message.request, resolve);
    slot.worker.postMessage(message);
  });
}

/** Hands an answer to what asked for it; false when the answer is about a job instead. */
export function answerAsked(slot: Slot, answer: WorkerAnswer): answer is Exclude<WorkerAnswer, JobAnswer> {
  if ('picked' in answer || 'answered' in answer) {
    slot.picks.get(answer.request)?.('picked' in answer ? answer.picked : answer.answered);
    slot.picks.delete(answer.request);
    return true;
  }
  if (!('ok' in answer) && 'details' in answer) {
    slot.asked.get(answer.id)?.forEach((resolve) => resolve(answer.details));
    slot.asked.delete(answer.id);
    return true;
  }
  return false;
}

/** The worker holds nothing any more: every request still waiting gets "none". */
export function releaseAsks(slot: Slot): void {
  for (const waiting of slot.asked.values()) waiting.forEach((resolve) => resolve(undefined));
  slot.asked.clear();
  slot.picks.forEach((resolve) => resolve(undefined));
  slot.picks.clear();
}
