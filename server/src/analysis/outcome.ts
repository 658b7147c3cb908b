// What the analysis host answers for one version: its analysis (the headline at once, the model and
// fixes asked of the worker when a feature needs them), stale, withheld with the reason, or
// unavailable (no worker can run here: the caller analyses the version itself).
import type { Notice, RuleFailure } from '../engine/analyze';
import type { FeatureAnswer, FeatureQuery } from '../features/queries';
import { pickDetails, type AnalysisDetails, type DetailsPick, type FindingHeadline, type PickedDetails } from './worker';
import { askDetails, askWorker, type Settled, type Slot } from './workerSlot';

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
export type Outcome = { kind: 'done'; analysis: HostAnalysis } | { kind: 'stale' } | { kind: 'withheld'; notices: Notice[] } | { kind: 'unavailable' };

/** No worker can run on this platform (see WorkerPlatform): the caller analyses the version itself. */
export const UNAVAILABLE: Outcome = { kind: 'unavailable' };

/** The outcome of a version that could not be analysed, and the reason why. */
export function withheld(message: string): Outcome {
  return { kind: 'withheld', notices: [{ start: 0, end: 0, message }] };
}

/**
 * A job's whole answer: its headline now; its details, picks and feature answers from what the answer
 * carried (a `full` job), else asked of the worker that holds them. `nextRequest` numbers each ask.
 */
export function doneOutcome(slot: Slot, id: number, text: string, answer: Extract<Settled, { ok: true }>, nextRequest: () => number): Outcome {
  const sent = answer.details;
  const fetch = sent ? async () => sent : () => askDetails(slot, id);
  const pick = sent ? async (request: DetailsPick) => pickDetails(sent, request) : (pick: DetailsPick) => askWorker(slot, { details: id, pick, request: nextRequest() }) as Promise<PickedDetails | undefined>;
  const query = <Q extends FeatureQuery>(query: Q) => (sent ? Promise.resolve(undefined) : (askWorker(slot, { details: id, query, request: nextRequest() }) as Promise<FeatureAnswer<Q> | undefined>));
  return { kind: 'done', analysis: { text, findings: answer.findings, errors: answer.errors, notices: answer.notices, details: fetch, pick, query } };
}
