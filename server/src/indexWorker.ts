// The workspace index reads files on disk in a worker thread of its own (Node server only), apart
// from the per-document analysis workers (analysis/host.ts): a full parse of each of hundreds of
// files never stalls the server's main thread, and a file whose parse runs past its time budget, or
// takes the worker down (out of memory), is skipped with a reason while the next file gets a fresh
// worker. One job at a time; the worker goes when it has been idle a while.
import { Worker, type MessagePort } from 'node:worker_threads';
import { handlesIn } from './model/actionItems';
import { extractActionItems, failure, indexBudget, INDEX_BUDGET_MS, INDEX_BUDGET_MS_PER_CHAR, overBudget, type ActionItemReader, type Extraction } from './indexExtraction';

/** The workerData that makes the server bundle serve index jobs instead of analyses (server.ts). */
export const INDEX_WORKER_ROLE = 'postmortem-index';
/** Parsing one file needs far less than a whole analysis; a runaway is stopped well before the machine's memory. */
const WORKER_HEAP_MB = 512;
/** An idle worker keeps a V8 heap and the parser's modules: let it go once indexing has settled. */
const IDLE_MS = 10_000;

interface IndexJob {
  id: number;
  uri: string;
  text: string;
  now: number;
}

type IndexAnswer = { id: number; started: true } | ({ id: number } & Extraction);

export function serveIndexJobs(port: MessagePort): void {
  port.on('message', (job: IndexJob) => {
    // The budget starts when the job does, not when a cold worker was still loading its modules.
    port.postMessage({ id: job.id, started: true } satisfies IndexAnswer);
    let answer: IndexAnswer;
    try {
      answer = { id: job.id, ok: true, items: extractActionItems(job.uri, job.text, new Date(job.now)), handles: handlesIn(job.text) };
    } catch (error) {
      answer = { id: job.id, ok: false, reason: failure(error) };
    }
    port.postMessage(answer);
  });
}

export interface IndexWorkerOptions {
  /** Passed to the worker so the script knows its role (the server bundle serves both kinds). */
  workerData?: unknown;
  budgetMs?: number;
  budgetMsPerChar?: number;
  idleMs?: number;
  log?: (message: string) => void;
}

interface Running {
  id: number;
  begin: () => void;
  settle: (result: Extraction) => void;
}

export class IndexWorker implements ActionItemReader {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly script: string, private readonly options: IndexWorkerOptions = {}) {}

  /** Whether a worker thread is up (between the first read after an idle spell and the next idle spell). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** Jobs run one after another: the index reads one file at a time, and a refresh may overlap a rebuild. */
  read(uri: string, text: string, now: Date): Promise<Extraction> {
    const result = this.queue.then(() => this.run(uri, text, now));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private run(uri: string, text: string, now: Date): Promise<Extraction> {
    if (this.disposed) return Promise.resolve({ ok: false, reason: 'the server is shutting down' });
    clearTimeout(this.idle);
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    const budget = indexBudget(text.length, this.options.budgetMs ?? INDEX_BUDGET_MS, this.options.budgetMsPerChar ?? INDEX_BUDGET_MS_PER_CHAR);
    return new Promise<Extraction>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (result: Extraction) => {
        if (this.running?.id !== id) return;
        clearTimeout(timer);
        this.running = undefined;
        this.idle = setTimeout(() => this.stop(), this.options.idleMs ?? IDLE_MS);
        this.idle.unref?.();
        resolve(result);
      };
      const begin = () => {
        timer = setTimeout(() => {
          // remark cannot be interrupted: the only way to stop a runaway parse is to end its thread.
          this.stop();
          settle({ ok: false, reason: overBudget(budget) });
        }, budget);
      };
      this.running = { id, begin, settle };
      worker.postMessage({ id, uri, text, now: now.getTime() } satisfies IndexJob);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: this.options.workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker = worker;
    worker.on('message', (answer: IndexAnswer) => {
      if (this.running?.id !== answer.id) return;
      if ('started' in answer) this.running.begin();
      else this.running.settle(answer.ok ? { ok: true, items: answer.items, handles: answer.handles } : { ok: false, reason: answer.reason });
    });
    let error: string | undefined;
    worker.on('error', (e) => {
      error = e.message;
      this.options.log?.(`The index worker failed: ${e.message}`);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.running?.settle({ ok: false, reason: `the index worker stopped while reading it (${error ?? 'out of memory?'})` });
    });
    worker.unref();
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idle);
    this.running?.settle({ ok: false, reason: 'the server is shutting down' });
    this.stop();
  }
}
