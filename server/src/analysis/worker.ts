// The worker side of off-thread analysis: one worker per open document keeps that document's
// incremental parser, analyses each version it is sent, and answers with what diagnostics read:
// the findings without their fixes (placed as LSP ranges, with their identity: headlines.ts), only
// those that changed since its last answer, notices and rule failures. The model and
// the fixes stay here (for the last analysis only): code actions pick the fixes they need, and the
// features asked after every change (queries.ts) are answered here; only hover, completion and the
// insertions fetch the whole of them, cloning which on every keystroke cost more than the features.
import type { MessagePort } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types';
import { analyzeUnlessStale, type Analysis, type Notice, type RuleFailure } from '../engine/analyze';
import { loadTagger } from '../language/tagger';
import { IncrementalParser } from '../parsing/incremental';
import type { Postmortem } from '../model/types';
import type { Finding } from '../rules/types';
import { stateLookup } from '../trackers/lookup';
import type { TrackerState } from '../trackers/types';
import type { FeatureQuery } from '../features/queries';
import { HeadlineMaker, packHeadlines, type FindingHeadline } from './headlines';

export type { FindingHeadline } from './headlines';

export interface WorkerJob {
  id: number;
  text: string;
  config: ResolvedConfig;
  now: number;
  /** Tracker states read in the background, by issue key; absent when tracker checks are off. */
  trackerStates?: Record<string, TrackerState>;
  /** Answer with the model and fixes too (the last analysis's were lost with its worker). */
  full?: boolean;
}

/**
 * Asks for the model and the fixes of an analysis this worker answered, or (with `pick`) only some
 * of its fixes, or (with `query`) a feature's answer made here from them.
 */
export interface DetailsRequest {
  details: number;
  pick?: DetailsPick;
  query?: FeatureQuery;
  /** Tells the answers to several picks or queries of one analysis apart. */
  request?: number;
}

/**
 * The fixes code actions need, by the findings' places in the answer's list, so that a request for
 * the actions at the cursor carries those few findings across threads, not every fix and the model.
 */
export interface DetailsPick {
  /** These findings' fix and suggestions. */
  findings: number[];
  /** The fix of every finding of these rules ("fix all of this rule"). */
  rules: string[];
  /** The fix of every finding (source.fixAll). */
  allFixes: boolean;
}

/** What a pick answers: the front matter's extent (a disable comment cannot go there) and the fixes asked for, by finding index. */
export interface PickedDetails {
  frontMatter?: { start: number; end: number };
  fixes: Array<[number, Pick<Finding, 'fix' | 'suggestions'>]>;
}

export function pickDetails(details: AnalysisDetails, pick: DetailsPick): PickedDetails {
  const fm = details.model.frontMatter;
  const wanted = new Set(pick.findings);
  const rules = new Set(pick.rules);
  const fixes: PickedDetails['fixes'] = [];
  details.findings.forEach((f, i) => {
    if (wanted.has(i)) fixes.push([i, { fix: f.fix, suggestions: f.suggestions }]);
    else if (f.fix && (pick.allFixes || rules.has(f.ruleId))) fixes.push([i, { fix: f.fix }]);
  });
  return { frontMatter: fm && { start: fm.start, end: fm.end }, fixes };
}

/**
 * Handed to the worker once, right after it starts, where memory can be shared with it: a word the
 * host sets to the first job id still wanted whenever it gives jobs up (workerHost.ts). The worker
 * reads it between the steps of an analysis, so a superseded version stops at its next step.
 */
export interface JobWord {
  firstWanted: Int32Array;
}

/** What a host sends an analysis worker. */
export type WorkerMessage = WorkerJob | DetailsRequest | JobWord;

/** The model and every finding with its fixes. */
export interface AnalysisDetails {
  model: Postmortem;
  findings: Finding[];
}

export type WorkerAnswer =
  /**
   * As the worker sends it, `findings` holds only the headlines that changed since its last answer
   * when `reused` says where the others are in that answer (headlines.ts); the host puts the whole
   * list back together (HeadlineUnpacker) before anything else reads the answer.
   */
  | { id: number; ok: true; findings: FindingHeadline[]; reused?: Int32Array; errors: RuleFailure[]; notices: Notice[]; details?: AnalysisDetails }
  | { id: number; ok: false; message: string }
  /** Sent when the worker begins a job (earlier ones may have queued it): the time budget starts here. */
  | { id: number; started: true }
  /** The job was given up (JobWord) before or while the worker ran it: it stopped at a step, and sends nothing else about it. */
  | { id: number; abandoned: true }
  /** The answer to a DetailsRequest; undefined when that analysis is no longer the worker's last. */
  | { id: number; details: AnalysisDetails | undefined }
  /** The answer to a DetailsRequest with a pick; undefined when that analysis is no longer the worker's last. */
  | { id: number; request: number; picked: PickedDetails | undefined }
  /** The answer to a DetailsRequest with a query; undefined when that analysis is no longer the worker's last. */
  | { id: number; request: number; answered: unknown };

/** Makes a feature's answer from an analysis (features/queries.ts `answerQuery`, given by the worker's entry). */
export type QueryAnswerer = (text: string, details: AnalysisDetails, query: FeatureQuery) => unknown;

export function serveAnalyses(port: MessagePort, answerQuery: QueryAnswerer): void {
  // The language model is built when the worker starts (its first job waits for that anyway), not on
  // the first sentence of a later keystroke.
  loadTagger();
  const parser = new IncrementalParser();
  const maker = new HeadlineMaker();
  /** The headlines of the last answer that reached the main thread: the next answer names those it repeats. */
  let sent: FindingHeadline[] | undefined;
  /** The last analysis answered: only its details can be asked for (older versions are superseded). */
  let last: { id: number; text: string; details: AnalysisDetails } | undefined;
  const send = (answer: WorkerAnswer, id: number, instead?: WorkerAnswer): boolean => {
    try {
      port.postMessage(answer);
      return true;
    } catch (error) {
      // An answer that cannot cross threads (a value the structured clone refuses) must not end the
      // worker: that would respawn it, model and caches cold, on every keystroke.
      port.postMessage(instead ?? ({ id, ok: false, message: `The analysis could not be sent back: ${error instanceof Error ? error.message : String(error)}` } satisfies WorkerAnswer));
      return false;
    }
  };
  /** The host's word, where it shares one: jobs before the id it holds are no longer wanted. */
  let word: Int32Array | undefined;
  port.on('message', (message: WorkerMessage) => {
    if ('firstWanted' in message) {
      word = message.firstWanted;
      return;
    }
    if ('details' in message && message.query) {
      const { details: id, query, request = 0 } = message;
      let answered: unknown;
      try {
        answered = last?.id === id ? answerQuery(last.text, last.details, query) : undefined;
      } catch {
        // A feature that throws answers "none" here; the asker then makes it on its own thread, where
        // the failure is reported, rather than this worker ending (and its document's analysis with it).
        answered = undefined;
      }
      send({ id, request, answered }, id, { id, request, answered: undefined });
      return;
    }
    if ('details' in message && message.pick) {
      const { details: id, pick, request = 0 } = message;
      send({ id, request, picked: last?.id === id ? pickDetails(last.details, pick) : undefined }, id, { id, request, picked: undefined });
      return;
    }
    if ('details' in message) {
      try {
        port.postMessage({ id: message.details, details: last?.id === message.details ? last.details : undefined } satisfies WorkerAnswer);
      } catch {
        // Details that cannot cross threads: answer "none" (the asker then re-analyses in full and
        // reports what fails), never nothing, which would leave every feature of this version waiting.
        port.postMessage({ id: message.details, details: undefined } satisfies WorkerAnswer);
      }
      return;
    }
    const job = message;
    let answer: WorkerAnswer;
    let made: FindingHeadline[] | undefined;
    // One load of a shared word per step: the cost of stopping a superseded version at its next step.
    const givenUp = () => word !== undefined && Atomics.load(word, 0) > job.id;
    // The headlines the host holds stay those of the last answer it got: nothing about this job changes them.
    const abandon = () => port.postMessage({ id: job.id, abandoned: true } satisfies WorkerAnswer);
    if (givenUp()) return abandon();
    port.postMessage({ id: job.id, started: true } satisfies WorkerAnswer);
    last = undefined;
    try {
      const analysis: Analysis | undefined = analyzeUnlessStale(job.text, { config: job.config, now: new Date(job.now), parser, trackerState: job.trackerStates && stateLookup(job.trackerStates, job.config.trackers ?? {}) }, givenUp);
      if (!analysis) return abandon();
      const details = { model: analysis.model, findings: analysis.findings };
      last = { id: job.id, text: job.text, details };
      made = maker.make(analysis.findings, analysis.text, analysis.lines);
      // Named against the last answer the main thread received; the maker's origins are in the last version it made.
      const packed = packHeadlines(made, sent, sent ? maker.origins : new Int32Array(0), maker.shift);
      answer = { id: job.id, ok: true, findings: packed.fresh, reused: packed.plan, errors: analysis.errors, notices: analysis.notices, details: job.full ? details : undefined };
    } catch (error) {
      answer = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    if (send(answer, job.id) && answer.ok && made) sent = made;
    else {
      // The main thread got a failure, and still holds the answer before this one, which may no
      // longer be the maker's last version: the next answer sends every headline.
      sent = undefined;
      maker.reset();
    }
  });
}
