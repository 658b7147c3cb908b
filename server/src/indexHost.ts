// Reads the workspace index's files in a worker of its own, apart from the per-document analysis
// workers: a full parse of each of hundreds of files never stalls the server's thread, and a file
// whose parse runs past its time budget, or takes the worker down, is skipped with a reason while
// the next file gets a fresh worker. One job at a time; the worker goes when it has been idle a
// while. The workers come from a WorkerPlatform (analysis/workerPlatform.ts), as the analysis
// host's do: worker threads on Node (indexWorker.ts), nested Web Workers on the web
// (browserServer.ts). Where no worker can run, files are read on the server's own thread in slices
// (indexExtraction.ts), logged once; so they are while a slow first worker has not spoken yet.
import type { AnalysisWorker, WorkerPlatform } from './analysis/workerPlatform';
import { unrefTimer } from './analysis/workerPlatform';
import { indexBudget, INDEX_BUDGET_MS, INDEX_BUDGET_MS_PER_CHAR, inThreadReader, overBudget, type ActionItemReader, type Extraction } from './indexExtraction';
import type { IndexAnswer, IndexJob } from './indexJobs';

/** An idle worker keeps a heap and the parser's modules: let it go once indexing has settled. */
const IDLE_MS = 10_000;

export type IndexPlatform = WorkerPlatform<IndexJob, IndexAnswer>;

export interface IndexHostOptions {
  budgetMs?: number;
  budgetMsPerChar?: number;
  idleMs?: number;
  log?: (message: string) => void;
}

/** How a job ended: its extraction, or 'unavailable' when no worker can run here (read on this thread instead). */
type Settled = Extraction | 'unavailable';

interface Running {
  id: number;
  begin: () => void;
  settle: (result: Settled) => void;
}

export class IndexHost implements ActionItemReader {
  private worker: AnalysisWorker<IndexJob> | undefined;
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private disposed = false;
  /** Some worker has answered: workers can run here. */
  private proven = false;
  /** Why no worker can run here, once that is known: files are then read on this thread. */
  private unavailable?: string;
  /**
   * No worker has answered yet and the first one is silent past the start-up timeout (a slow machine
   * still loading the bundle): files are read on this thread until it speaks. It is kept, not taken
   * for a refusal, so one slow start never costs the index its worker for the whole session.
   */
  private quiet = false;
  private inThread: ActionItemReader | undefined;

  constructor(private readonly platform: IndexPlatform, private readonly options: IndexHostOptions = {}) {}

  /** Whether a worker is up (between the first read after an idle spell and the next idle spell). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** Jobs run one after another: the index reads one file at a time, and a refresh may overlap a rebuild. */
  read(uri: string, text: string, now: Date): Promise<Extraction> {
    const result = this.queue.then(() => this.run(uri, text, now));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(uri: string, text: string, now: Date): Promise<Extraction> {
    if (this.disposed) return { ok: false, reason: 'the server is shutting down' };
    const result = this.unavailable === undefined && !this.quiet ? await this.inWorker(uri, text, now) : 'unavailable';
    if (result !== 'unavailable') return result;
    // The same budget, checked between slices (one remark pass cannot be interrupted).
    this.inThread ??= inThreadReader(this.options.budgetMs ?? INDEX_BUDGET_MS, this.options.budgetMsPerChar ?? INDEX_BUDGET_MS_PER_CHAR);
    return this.inThread.read(uri, text, now);
  }

  private inWorker(uri: string, text: string, now: Date): Promise<Settled> {
    clearTimeout(this.idle);
    const worker = this.worker ?? this.spawn();
    if (!worker) return Promise.resolve('unavailable');
    const id = this.nextId++;
    const budget = indexBudget(text.length, this.options.budgetMs ?? INDEX_BUDGET_MS, this.options.budgetMsPerChar ?? INDEX_BUDGET_MS_PER_CHAR);
    return new Promise<Settled>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (result: Settled) => {
        if (this.running?.id !== id) return;
        clearTimeout(timer);
        this.running = undefined;
        this.idleAfterwards();
        resolve(result);
      };
      const begin = () => {
        timer = setTimeout(() => {
          // remark cannot be interrupted: the only way to stop a runaway parse is to end its worker.
          this.stop();
          settle({ ok: false, reason: overBudget(budget) });
        }, budget);
      };
      this.running = { id, begin, settle };
      worker.postMessage({ id, uri, text, now: now.getTime() });
    });
  }

  /** A worker, or undefined (logged once) when none can start here. */
  private spawn(): AnalysisWorker<IndexJob> | undefined {
    let worker: AnalysisWorker<IndexJob>;
    try {
      worker = this.platform.spawn({ message: (answer) => this.heard(answer), gone: (error) => this.ended(worker, error) });
    } catch (error) {
      this.giveUp(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    this.worker = worker;
    const silence = this.platform.startTimeoutMs;
    if (silence !== undefined && !this.proven) {
      unrefTimer(setTimeout(() => {
        if (!this.proven && this.worker === worker) this.hush(silence);
      }, silence));
    }
    return worker;
  }

  /** The worker goes after an idle spell; a quiet one is kept until it speaks (stopping it would only start the wait again). */
  private idleAfterwards(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => !this.quiet && this.stop(), this.options.idleMs ?? IDLE_MS);
    unrefTimer(this.idle);
  }

  /** The first worker is silent past the start-up timeout: this file and the next are read here until it speaks. */
  private hush(silence: number): void {
    if (!this.quiet) this.options.log?.(`The workspace index reads files on the server's own thread, in slices, until its worker answers: none answered within ${silence / 1000} s.`);
    this.quiet = true;
    this.running?.settle('unavailable');
  }

  private heard(answer: IndexAnswer): void {
    this.proven = true;
    // A quiet worker's idle spell passed while it was kept: it goes after one more unless a file comes.
    if (this.quiet && !this.running) this.idleAfterwards();
    this.quiet = false;
    if (this.running?.id !== answer.id) return;
    if ('started' in answer) this.running.begin();
    else this.running.settle(answer.ok ? { ok: true, items: answer.items, handles: answer.handles } : { ok: false, reason: answer.reason });
  }

  /** The worker ended on its own: its file is skipped with the reason, or, where that means no worker can run here, read on this thread. */
  private ended(worker: AnalysisWorker<IndexJob>, error?: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.quiet = false;
    worker.terminate();
    if (error) this.options.log?.(`The index worker failed: ${error.message}`);
    if (!this.proven && this.platform.earlyEndMeansUnavailable) {
      this.giveUp(error?.message ?? 'the index worker ended before it started');
      this.running?.settle('unavailable');
      return;
    }
    this.running?.settle({ ok: false, reason: `the index worker stopped while reading it (${error?.message ?? 'out of memory?'})` });
  }

  private giveUp(reason: string): void {
    if (this.unavailable !== undefined) return;
    this.unavailable = reason;
    this.options.log?.(`The workspace index reads files on the server's own thread, in slices: no index worker can start here (${reason}).`);
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idle);
    this.running?.settle({ ok: false, reason: 'the server is shutting down' });
    this.stop();
  }
}
