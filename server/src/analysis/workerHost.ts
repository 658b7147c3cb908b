// Runs analyses off the server's main thread, one worker per open document, so a document that is
// slow to parse (remark cannot be interrupted) never freezes the others. A version's work is
// abandoned when a newer version arrives (the worker stops it at its next step where it shares a word
// with the host, else its answer is ignored; the worker is terminated if the job outlives its keep
// window, workerSlot.ts keepFor), and a version that runs
// past the time budget is stopped and answered with one finding that says so. A worker is sent one
// job at a time: versions that arrive while it is busy wait on this side, and only the newest is sent.
// Shared by the Node server (worker threads, host.ts) and the web server (nested Web Workers,
// browser/nestedWorkers.ts): what differs is behind WorkerPlatform. Where no worker can run, every
// run answers 'unavailable' and the caller analyses on its own thread, cooperatively.
import type { ResolvedConfig } from '../config/types';
import { HeadlineUnpacker } from './headlines';
import { dispatchJob } from './jobDispatch';
import { doneOutcome, UNAVAILABLE, withheld, type Outcome } from './outcome';
import type { WorkerAnswer, WorkerJob } from './worker';
import { shareWord, unrefTimer, type WorkerPlatform } from './workerPlatform';
import { answerAsked, keepFor, releaseAsks, wantFrom, type Slot } from './workerSlot';

// The analysis host's answers, for the modules that run it.
export { withheld, type HostAnalysis, type Outcome } from './outcome';

/** About 3 times what a well-formed document needed on this project's busiest test machine (15,000 lines: 18 s). */
const BUDGET_MS_PER_CHAR = 0.08;
/** At most this many documents keep a worker; the least recently used one gives its worker up. */
const MAX_WORKERS = 6;

export class WorkerHost {
  private readonly slots = new Map<string, Slot>();
  private nextId = 1;
  /** Why no worker can run here, once that is known: every run then answers 'unavailable'. */
  private unavailable?: string;
  /** Some worker has answered: workers can run here. */
  private proven = false;
  /** The first workers stayed silent past the start-up timeout: until one speaks, runs answer 'unavailable'. */
  private slowStart = false;

  private log: (message: string) => void = () => undefined;

  constructor(
    private readonly platform: WorkerPlatform,
    /** How long one version's analysis may run (at least) before it is stopped with a finding that says so. */
    private readonly budgetMs = 5000,
    /** How much longer, per character, a long document may take. */
    private readonly budgetMsPerChar = BUDGET_MS_PER_CHAR,
  ) {}

  setLog(log: (message: string) => void): void {
    this.log = log;
  }

  /** Analyses one version; with `full`, the answer carries the model and fixes too (no later request). */
  async run(uri: string, text: string, config: ResolvedConfig, now: Date, stale: () => boolean, trackerStates?: WorkerJob['trackerStates'], full = false): Promise<Outcome> {
    if (this.unavailable !== undefined || (this.slowStart && !this.proven)) return UNAVAILABLE;
    const silent = this.slots.get(uri);
    // Started before any worker spoke, given up by silence, and still silent now that others speak: start afresh.
    if (silent?.hushed && !silent.spoke && this.proven) this.stop(uri, silent);
    const busy = this.slots.get(uri);
    const id = this.nextId++;
    // The worker is still on an older version: that work is no longer wanted.
    if (busy?.busyWith !== undefined) this.retire(uri, busy, id);
    const slot = this.slots.get(uri) ?? this.spawn(uri);
    if (typeof slot === 'string') return this.unavailable !== undefined ? UNAVAILABLE : withheld(`This document could not be checked: no analysis worker could start (${slot}).`);
    slot.lastUsed = performance.now();
    const job: WorkerJob = { id, text, config, now: now.getTime(), trackerStates, full };
    // Long documents get proportionally longer: the budget is for pathological input, not size.
    const budget = Math.max(this.budgetMs, text.length * this.budgetMsPerChar);
    const { answer, begun } = await dispatchJob(slot, job, stale, budget);
    // The worker was replaced (a superseded job before this one ran away) while this version is
    // still wanted: analyse it on the new worker. Not so once the document closed (or the host went).
    if (answer === 'closed') return { kind: 'stale' };
    if (answer === 'stale' && !stale() && !this.slots.has(uri)) return this.run(uri, text, config, now, stale, trackerStates, full);
    if (answer === 'unavailable') return UNAVAILABLE;
    if (answer === 'stale') {
      // Noticed by polling (not by a newer job, which decides itself): no newer version may come (it went
      // over the size limit, or was cancelled), so the worker is told to stop here, and is stopped once the job outlives its keep window.
      if (!slot.running && slot.busyWith === id) this.abandon(uri, slot, id, id + 1, begun);
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
    return doneOutcome(slot, id, text, answer, () => this.nextId++);
  }

  /** A worker for this document, or why none could be made (logged). */
  private spawn(uri: string): Slot | string {
    if (this.slots.size >= MAX_WORKERS) {
      const idle = [...this.slots.entries()].filter(([, s]) => !s.running && !s.pending).sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (idle) this.forget(idle[0]);
    }
    let slot: Slot;
    try {
      const worker = this.platform.spawn({ message: (answer) => this.heard(uri, slot, answer), gone: (error) => this.ended(uri, slot, error) });
      slot = { worker, lastUsed: performance.now(), asked: new Map(), picks: new Map(), headlines: new HeadlineUnpacker(), spawnedProven: this.proven };
      slot.firstWanted = shareWord(this.platform, worker);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Before any worker answered, none can be made here; after, only this version is withheld.
      if (!this.proven) this.giveUp(reason);
      else this.log(`No analysis worker could start for ${uri}: ${reason}`);
      return reason;
    }
    this.slots.set(uri, slot);
    const silence = this.platform.startTimeoutMs;
    if (silence !== undefined) unrefTimer(setTimeout(() => this.silent(uri, slot, silence), silence));
    return slot;
  }

  /**
   * A worker silent past the start-up timeout. Once workers ran here it is stuck: its version is
   * withheld, the worker goes. Before, it may be slow (a busy machine) or refused without a word: what
   * waits, and every run until a worker speaks, is analysed by the caller; only an end tells a refusal.
   */
  private silent(uri: string, slot: Slot, silence: number): void {
    if (slot.spoke || slot.gone) return;
    const reason = `the analysis worker did not start within ${silence / 1000} s`;
    if (slot.spawnedProven) {
      slot.running?.settle({ id: slot.running.id, ok: false, message: reason });
      this.stop(uri, slot);
      return;
    }
    // Started before any worker spoke: judged as such even if another has spoken since.
    if (this.proven) return this.hush(slot);
    if (!this.slowStart) this.log(`Analyses run on the server's own thread until an analysis worker answers: ${reason}.`);
    this.slowStart = true;
    for (const waiting of this.slots.values()) if (!waiting.spoke) this.hush(waiting);
  }

  /** What waits on a silent, maybe slow, worker goes to the caller; the worker is kept and may still begin its job. */
  private hush(slot: Slot): void {
    slot.hushed = { job: slot.busyWith };
    [slot.running, slot.pending].forEach((job) => job?.settle('unavailable'));
  }

  private heard(uri: string, slot: Slot, answer: WorkerAnswer): void {
    this.proven = true;
    slot.spoke = true;
    // Every answer, wanted or not: the worker's next one names the headlines it repeats from this one.
    if ('ok' in answer && answer.ok) answer.findings = slot.headlines.unpack({ fresh: answer.findings, plan: answer.reused });
    if (answerAsked(slot, answer)) return;
    if ('abandoned' in answer) {
      // Given up, it stopped at a step: not a whole analysis, so no duration of its own. Before the
      // worker's first whole answer its time counts towards the cold duration: the next job reuses
      // what it loaded and parsed, and alone would make a fresh worker look cheap to replace.
      if (slot.coldDuration === undefined && slot.begunAt !== undefined) slot.warmingMs = (slot.warmingMs ?? 0) + performance.now() - slot.begunAt;
      if (slot.busyWith === answer.id) slot.busyWith = undefined;
      if (slot.running?.id === answer.id) slot.running.settle('stale');
      this.sendPending(slot);
      return;
    }
    if ('started' in answer) {
      slot.begunAt = performance.now();
      if (slot.running?.id === answer.id) slot.running.begin();
      // Given up before the worker began it (typed over during a cold start): its keep window starts now.
      // Not the job a slow first worker was given up on: finishing it is what warms that worker.
      else if (slot.busyWith === answer.id && slot.hushed?.job !== answer.id) this.retireAfter(uri, slot, answer.id, keepFor(slot));
      return;
    }
    if (slot.begunAt !== undefined) slot.lastDuration = performance.now() - slot.begunAt;
    if (slot.coldDuration === undefined && slot.lastDuration !== undefined) slot.coldDuration = slot.lastDuration + (slot.warmingMs ?? 0);
    if (slot.busyWith === answer.id) slot.busyWith = undefined;
    if (slot.running?.id === answer.id) slot.running.settle(answer);
    this.sendPending(slot);
  }

  /** The worker ended on its own. One that never answered, where that means no worker can run, turns the host off. */
  private ended(uri: string, slot: Slot, error?: Error): void {
    if (slot.gone) return;
    if (error) this.log(`The analysis worker for ${uri} failed: ${error.message}`);
    const cannotRun = !this.proven && this.platform.earlyEndMeansUnavailable;
    if (cannotRun) this.giveUp(error?.message ?? 'the analysis worker ended before it started');
    // Its job's version is analysed by the caller instead (cannot run), or withheld with the reason.
    const running = slot.running;
    running?.settle(cannotRun ? 'unavailable' : error ? { id: running.id, ok: false, message: `the analysis worker stopped (${error.message})` } : 'exit');
    this.release(uri, slot);
  }

  /** From now on every run answers 'unavailable', and the caller analyses on its own thread. */
  private giveUp(reason: string): void {
    if (this.unavailable !== undefined) return;
    this.unavailable = reason;
    this.log(`Analyses run on the server's own thread, without a time budget: no analysis worker can start here (${reason}).`);
    for (const [uri, slot] of [...this.slots]) this.stop(uri, slot);
  }

  /** The worker holds nothing any more: what waited on it is answered. */
  private release(uri: string, slot: Slot, end: 'stale' | 'closed' = 'stale'): void {
    slot.gone = true;
    if (this.slots.get(uri) === slot) this.slots.delete(uri);
    // A job that waited for this worker was never sent: it is analysed on a new one (or by the caller).
    slot.pending?.settle(this.endOf(end));
    releaseAsks(slot);
  }

  /** How a stopped worker's jobs end: a closed document's for good, else again on a new worker (or by the caller). */
  private endOf(end: 'stale' | 'closed'): 'stale' | 'closed' | 'unavailable' {
    return end === 'closed' || this.unavailable === undefined ? end : 'unavailable';
  }

  /** The worker answered its job: the job waiting for it is sent now, unless it went stale while it waited. */
  private sendPending(slot: Slot): void {
    const next = slot.pending;
    if (!next || slot.busyWith !== undefined || slot.gone) return;
    slot.pending = undefined;
    if (next.stale()) next.settle('stale');
    else next.post();
  }

  /**
   * Gives up the job the worker is on for a newer version, job `newer` (the job wanted until now, or
   * one already given up and left to finish). The newer version waits for it, not sent; the worker is
   * kept, with its parsed blocks and cached sentences for the next keystroke (abandon).
   */
  private retire(uri: string, slot: Slot, newer: number): void {
    const busy = slot.busyWith;
    slot.running?.settle('stale');
    if (busy !== undefined) this.abandon(uri, slot, busy, newer, slot.begunAt);
  }

  /**
   * The worker's job `busy` is no longer wanted, nor any before `firstWanted`. Where the worker shares
   * a word with the host, it stops the job at its next step and says so (an 'abandoned' answer); else
   * the job runs to its end, its answer ignored. Either way, a job still on once its keep window
   * passed is a runaway, and its worker is terminated (workerSlot.ts keepFor). A job the worker has
   * not begun (it is still starting) keeps its window until it begins (heard, 'started').
   */
  private abandon(uri: string, slot: Slot, busy: number, firstWanted: number, begunAt: number | undefined): void {
    wantFrom(slot, firstWanted);
    if (begunAt === undefined) return;
    // The window covers one step from now where the job is told to stop; else the whole job from its begin.
    this.retireAfter(uri, slot, busy, slot.firstWanted ? keepFor(slot) : keepFor(slot) - (performance.now() - begunAt));
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
    unrefTimer(timer);
  }

  /** Terminates a document's worker mid-job: its jobs run again on a new one if still wanted, never once it closed. */
  private stop(uri: string, slot: Slot, end: 'stale' | 'closed' = 'stale'): void {
    slot.running?.settle(this.endOf(end));
    this.release(uri, slot, end);
    slot.worker.terminate();
  }

  /** The document closed (or the server ends): its worker goes, and its jobs with it. */
  forget(uri: string): void {
    const slot = this.slots.get(uri);
    if (slot) this.stop(uri, slot, 'closed');
  }

  dispose(): void {
    for (const uri of [...this.slots.keys()]) this.forget(uri);
  }
}
