// The worker side of off-thread analysis: one worker per open document keeps that document's
// incremental parser, analyses each version it is sent, and answers with what the features read.
import type { MessagePort } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types';
import { analyze } from '../engine/analyze';
import { IncrementalParser } from '../parsing/incremental';
import { stateLookup } from '../trackers/lookup';
import type { TrackerState } from '../trackers/types';

export interface WorkerJob {
  id: number;
  text: string;
  config: ResolvedConfig;
  now: number;
  /** Tracker states read in the background, by issue key; absent when tracker checks are off. */
  trackerStates?: Record<string, TrackerState>;
}

export type WorkerAnswer =
  | { id: number; ok: true; model: unknown; findings: unknown; errors: unknown; notices: unknown }
  | { id: number; ok: false; message: string }
  /** Sent when the worker begins a job (earlier ones may have queued it): the time budget starts here. */
  | { id: number; started: true };

export function serveAnalyses(port: MessagePort): void {
  const parser = new IncrementalParser();
  port.on('message', (job: WorkerJob) => {
    let answer: WorkerAnswer;
    port.postMessage({ id: job.id, started: true } satisfies WorkerAnswer);
    try {
      const { model, findings, errors, notices } = analyze(job.text, { config: job.config, now: new Date(job.now), parser, trackerState: job.trackerStates && stateLookup(job.trackerStates, job.config.trackers ?? {}) });
      answer = { id: job.id, ok: true, model, findings, errors, notices };
    } catch (error) {
      answer = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      port.postMessage(answer);
    } catch (error) {
      // An answer that cannot cross threads (a value the structured clone refuses) must not end the
      // worker: that would respawn it, model and caches cold, on every keystroke.
      port.postMessage({ id: job.id, ok: false, message: `The analysis could not be sent back: ${error instanceof Error ? error.message : String(error)}` } satisfies WorkerAnswer);
    }
  });
}
