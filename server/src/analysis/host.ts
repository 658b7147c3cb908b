// Runs analyses off the server's main thread, one worker per open document, so a document that is
// slow to parse (remark cannot be interrupted) never freezes the others. A version's work is
// abandoned when a newer version arrives (its answer ignored; the worker terminated if the job outlives a cold start), and a version that runs
// past the time budget is stopped and answered with one finding that says so. A worker is sent one
// job at a time: versions that arrive while it is busy wait on this side, and only the newest is sent.
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types';
import type { Notice, RuleFailure } from '../engine/analyze';
import type { FeatureAnswer, FeatureQuery } from '../features/queries';
import { pickDetails, type AnalysisDetails, type DetailsPick, type DetailsRequest, type FindingHeadline, type PickedDetails, type WorkerAnswer, type WorkerJob } from './worker';

type Answer = Extract<WorkerAnswer, { ok: boolean }>;

/**
 * What one analysis sends back at once (what diagnostics read), and how to get the rest (the
 * model and the fixes) when a feature needs it: they stay in the worker until then.
 */
export interface HostAnalysis {
  text: string;
  findings: FindingHeadline[];
  errors: RuleFailure[];
  notices: Notice[];
  /** The model and the findings with their fixes; undefined when the worker no longer holds them. */
  details(): Promise<AnalysisDetails | undefined>;
  /** Only some fixes (what the code actions at one place need); undefined when the worker no longer holds them. */
  pick(request: DetailsPick): Promise<PickedDetails | undefined>;
  /**
   * A feature's answer made in the worker; undefined when the worker no longer holds the analysis,
   * or when the details are already at hand (the asker makes the answer from them).
   */
  query<Q extends FeatureQuery>(query: Q): Promise<FeatureAnswer<Q> | undefined>;
}

/**
 * `withheld`: the version could not be analysed (over the time budget, the worker out of memory, the
 * analysis failed). The notices say why; there is no model, so features answer nothing rather than
 * act on an empty document.
 */
export type Outcome = { kind: 'done'; analysis: HostAnalysis } | { kind: 'stale' } | { kind: 'withheld'; notices: Notice[] };

/** About 3 times what a well-formed document needed on this project's busiest test machine (15,000 lines: 18 s). */
const BUDGET_MS_PER_CHAR = 0.08;
/**
 * A superseded job finishes in the background (its answer ignored) unless it has already run longer
 * than a fresh worker needs for this document (its first, cold analysis: model load and full parse),
 * or this long when no cold analysis was measured yet. Terminating costs that cold analysis on the
 * next version. Measured on the bench's 15,000-line document (2 cores under load 8): two keystrokes
 * 100 ms apart took 27.5 s to diagnostics when the worker was terminated on supersession and 6.1 s
 * when it was kept (one keystroke alone: 5.0-7.6 s).
 */
const KEEP_WORKER_MS = 300;
/** How often a running job checks whether its version is still wanted. */
const POLL_MS = 25;
/** At most this many documents keep a worker; the least recently used one gives its worker up. */
const MAX_WORKERS = 6;
/** A worker that analyses a runaway document is stopped before it can take the machine's memory. */
const WORKER_HEAP_MB = 768;
/**
 * The young generation's size (V8 keeps three times a semi-space). V8's default lets it grow to
 * 48 MB, 32 MB of it resident in each worker; an analysis's short-lived objects fit in 8 MB
 * semi-spaces as well. Measured with the bench's 15,000-line document: the server's memory 25-40 MB
 * lower, keystroke times within the machine's noise.
 */
const WORKER_YOUNG_GENERATION_MB = 24;

interface Slot {
  worker: Worker;
  running?: { id: number; settle: (answer: Answer | 'exit' | 'stale') => void; begin: () => void };
  lastUsed: number;
  /** When the worker began its current job, and how long its last finished job took. */
  begunAt?: number;
  lastDuration?: number;
  /** How long this worker's first (cold) job took: what replacing the worker costs. */
  coldDuration?: number;
  /** The job the worker thread is on (its answer not yet received), wanted or not, and when it was sent. */
  busyWith?: number;
  sentAt?: number;
  /** Terminated or exited: it holds no details any more. */
  gone?: boolean;
  /** Details asked for and not yet answered, by job id. */
  asked: Map<number, Array<(details: AnalysisDetails | undefined) => void>>;
  /** Picks and queries asked for and not yet answered, by request id. */
  picks: Map<number, (answer: unknown) => void>;
  /**
   * The newest job waiting for the worker to answer the one it is on. Only one waits: a newer job
   * replaces it (it answers 'stale' at once), so a version superseded while queued is never sent.
   */
  pending?: { id: number; stale: () => boolean; post: () => void; settle: (answer: 'stale') => void };
}

/** The outcome of a version that could not be analysed, and the reason why. */
export function withheld(message: string): Outcome {
  return { kind: 'withheld', notices: [{ start: 0, end: 0, message }] };
}

export class AnalysisHost {
  private readonly slots = new Map<string, Slot>();
  private nextId = 1;

  private log: (message: string) => void = () => undefined;

  constructor(
    private readonly script: string,
    /** How long one version's analysis may run (at least) before it is stopped with a finding that says so. */
    private readonly budgetMs = 5000,
    /** How much longer, per character, a long document may take. */
    private readonly budgetMsPerChar = BUDGET_MS_PER_CHAR,
    /** The old-generation heap each worker may use; past it the worker stops and its document gets a finding that says so. */
    private readonly heapMb = WORKER_HEAP_MB,
  ) {}

  setLog(log: (message: string) => void): void {
    this.log = log;
  }

  /** Analyses one version; with `full`, the answer carries the model and fixes too (no later request). */
  async run(uri: string, text: string, config: ResolvedConfig, now: Date, stale: () => boolean, trackerStates?: WorkerJob['trackerStates'], full = false): Promise<Outcome> {
    let slot = this.slots.get(uri);
    // The worker is still on an older version: that work is no longer wanted.
    if (slot?.busyWith !== undefined) this.retire(uri, slot!);
    slot = this.slots.get(uri) ?? this.spawn(uri);
    slot.lastUsed = performance.now();
    const id = this.nextId++;
    const job: WorkerJob = { id, text, config, now: now.getTime(), trackerStates, full };
    /** When the job was sent to the worker (a job waiting behind another is sent later). */
    let started = performance.now();
    // Long documents get proportionally longer: the budget is for pathological input, not size.
    const budget = Math.max(this.budgetMs, text.length * this.budgetMsPerChar);
    let begun: number | undefined;
    const answer = await new Promise<Answer | 'exit' | 'stale' | 'budget'>((resolve) => {
      const timer = setInterval(() => {
        if (stale()) finish('stale');
        else if (begun !== undefined && performance.now() - begun > budget) finish('budget');
      }, POLL_MS);
      const finish = (result: Answer | 'exit' | 'stale' | 'budget') => {
        clearInterval(timer);
        if (slot!.running?.id === id) slot!.running = undefined;
        if (slot!.pending?.id === id) slot!.pending = undefined;
        resolve(result);
      };
      const post = () => {
        started = performance.now();
        slot!.running = { id, settle: finish, begin: () => (begun = performance.now()) };
        slot!.busyWith = id;
        slot!.sentAt = started;
        slot!.worker.postMessage(job);
      };
      // The worker runs the jobs it is sent in order, to the end: while it is on one (a superseded
      // job left to finish), this job waits here, where a newer one can still replace it.
      if (slot!.busyWith === undefined) post();
      else {
        slot!.pending?.settle('stale');
        slot!.pending = { id, stale, post, settle: finish };
      }
    });
    // The worker was replaced (a superseded job before this one ran away) while this version is
    // still wanted: analyse it on the new worker.
    if (answer === 'stale' && !stale() && !this.slots.has(uri)) return this.run(uri, text, config, now, stale, trackerStates, full);
    if (answer === 'stale') {
      // Noticed by polling (not by a newer job, which decides itself): the worker is stopped once this
      // job outlives a cold start, now or later (no newer version may ever come to retire it: it went
      // over the size limit, or its requests were cancelled).
      if (!slot.running && slot.busyWith === id) this.retireAfter(uri, slot, id, this.keepFor(slot) - (performance.now() - started));
      return { kind: 'stale' };
    }
    if (answer === 'budget') {
      this.stop(uri, slot);
      this.log(`Stopped analysing ${uri}: it ran past the ${budget.toFixed(0)} ms budget.`);
      return withheld(`Checking this document took longer than ${(budget / 1000).toFixed(0)} s, so it was stopped and nothing was checked. Long runs of nested brackets or emphasis markers slow the Markdown parser down; other documents are checked as usual.`);
    }
    if (answer === 'exit' || !answer.ok) {
      const reason = answer === 'exit' ? 'the analysis worker stopped (out of memory?)' : answer.message;
      this.log(`Analysing ${uri} failed: ${reason}`);
      return withheld(`This document could not be checked: ${reason}.`);
    }
    const sent = answer.details;
    const fetch = sent ? async () => sent : () => this.details(slot, id);
    const pick = sent ? async (request: DetailsPick) => pickDetails(sent, request) : (request: DetailsPick) => this.pick(slot, id, request);
    const query = <Q extends FeatureQuery>(q: Q) => (sent ? Promise.resolve(undefined) : this.query(slot, id, q));
    return { kind: 'done', analysis: { text, findings: answer.findings, errors: answer.errors, notices: answer.notices, details: fetch, pick, query } };
  }

  /** Asks the worker that answered job `id` for its model and fixes; undefined once it moved on or stopped. */
  private details(slot: Slot, id: number): Promise<AnalysisDetails | undefined> {
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

  /** Asks the worker that answered job `id` for some of its fixes; undefined once it moved on or stopped. */
  private pick(slot: Slot, id: number, pick: DetailsPick): Promise<PickedDetails | undefined> {
    return this.ask(slot, (request) => ({ details: id, pick, request })) as Promise<PickedDetails | undefined>;
  }

  /** Asks the worker that answered job `id` for a feature's answer; undefined once it moved on or stopped. */
  private query<Q extends FeatureQuery>(slot: Slot, id: number, query: Q): Promise<FeatureAnswer<Q> | undefined> {
    return this.ask(slot, (request) => ({ details: id, query, request })) as Promise<FeatureAnswer<Q> | undefined>;
  }

  private ask(slot: Slot, message: (request: number) => DetailsRequest): Promise<unknown> {
    if (slot.gone) return Promise.resolve(undefined);
    const request = this.nextId++;
    return new Promise((resolve) => {
      slot.picks.set(request, resolve);
      slot.worker.postMessage(message(request));
    });
  }

  private spawn(uri: string): Slot {
    if (this.slots.size >= MAX_WORKERS) {
      const idle = [...this.slots.entries()].filter(([, s]) => !s.running && !s.pending).sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (idle) this.forget(idle[0]);
    }
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, lastUsed: performance.now(), asked: new Map(), picks: new Map() };
    worker.on('message', (answer: WorkerAnswer) => {
      if ('picked' in answer || 'answered' in answer) {
        slot.picks.get(answer.request)?.('picked' in answer ? answer.picked : answer.answered);
        slot.picks.delete(answer.request);
        return;
      }
      if (!('ok' in answer) && 'details' in answer) {
        slot.asked.get(answer.id)?.forEach((resolve) => resolve(answer.details));
        slot.asked.delete(answer.id);
        return;
      }
      if ('started' in answer) {
        slot.begunAt = performance.now();
        if (slot.running?.id === answer.id) slot.running.begin();
        return;
      }
      if (slot.begunAt !== undefined) slot.lastDuration = performance.now() - slot.begunAt;
      slot.coldDuration ??= slot.lastDuration;
      if (slot.busyWith === answer.id) slot.busyWith = undefined;
      if (slot.running?.id === answer.id) slot.running.settle(answer);
      this.sendPending(slot);
    });
    const gone = () => {
      slot.gone = true;
      if (this.slots.get(uri) === slot) this.slots.delete(uri);
      slot.running?.settle('exit');
      // A job that waited for this worker was never sent: it is analysed on a new one.
      slot.pending?.settle('stale');
      for (const waiting of slot.asked.values()) waiting.forEach((resolve) => resolve(undefined));
      slot.asked.clear();
      slot.picks.forEach((resolve) => resolve(undefined));
      slot.picks.clear();
    };
    worker.on('error', (error) => {
      this.log(`The analysis worker for ${uri} failed: ${error.message}`);
      gone();
    });
    worker.on('exit', gone);
    worker.unref();
    this.slots.set(uri, slot);
    return slot;
  }

  /** The worker answered its job: the job waiting for it is sent now, unless it went stale while it waited. */
  private sendPending(slot: Slot): void {
    const next = slot.pending;
    if (!next || slot.busyWith !== undefined || slot.gone) return;
    slot.pending = undefined;
    if (next.stale()) next.settle('stale');
    else next.post();
  }

  /** How long a superseded job may run on before replacing its worker is cheaper than waiting for it. */
  private keepFor(slot: Slot): number {
    return Math.max(KEEP_WORKER_MS, slot.coldDuration ?? 0);
  }

  /**
   * Gives up the job the worker is on, for a newer version (wanted until now, or already given up
   * and left to finish). While the job is younger than a cold start of this document would take, it
   * is left to finish (its answer ignored; the newer version waits for it, not sent), so the worker
   * keeps its parsed blocks and cached sentences for the next keystroke; a job older than that is a
   * runaway and its worker is terminated at once.
   */
  private retire(uri: string, slot: Slot): void {
    const busy = slot.busyWith;
    const left = this.keepFor(slot) - (performance.now() - (slot.sentAt ?? 0));
    if (left <= 0) {
      this.stop(uri, slot);
      return;
    }
    slot.running?.settle('stale');
    if (busy !== undefined) this.retireAfter(uri, slot, busy, left);
  }

  /** Should a superseded job turn out a runaway, its worker goes once it is still on that job `after` ms from now. */
  private retireAfter(uri: string, slot: Slot, busy: number, after: number): void {
    if (after <= 0) {
      this.stop(uri, slot);
      return;
    }
    const timer = setTimeout(() => {
      if (slot.busyWith === busy && this.slots.get(uri) === slot) this.stop(uri, slot);
    }, after);
    timer.unref();
  }

  /** Terminates a document's worker mid-job (its job answers 'stale'); the next job gets a fresh one. */
  private stop(uri: string, slot: Slot): void {
    if (this.slots.get(uri) === slot) this.slots.delete(uri);
    slot.gone = true;
    slot.running?.settle('stale');
    // A job that waited for this worker was never sent: still wanted, it is analysed on a new one.
    slot.pending?.settle('stale');
    void slot.worker.terminate();
  }

  /** The document closed: its worker goes. */
  forget(uri: string): void {
    const slot = this.slots.get(uri);
    if (slot) this.stop(uri, slot);
  }

  dispose(): void {
    for (const uri of [...this.slots.keys()]) this.forget(uri);
  }
}
