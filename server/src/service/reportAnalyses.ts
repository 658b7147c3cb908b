// The follow-through report's analyses: each file's model, in a worker of its own (apart from the open
// documents' workers) when there is an analysis host, so a large or slow file never freezes the
// server; else cooperatively on this thread.
import type { ResolvedConfig } from '../config/types';
import { analyzeCooperatively } from '../engine/analyze';
import type { Postmortem } from '../model/types';
import type { AnalysisHost } from '../analysis/host';
import type { Interest } from '../documents';

/** The analysis host's key for the follow-through report's analyses: a worker apart from the open documents'. */
const REPORT_WORKER = 'postmortem:follow-through-report';
const REPORT_WORKER_IDLE_MS = 60_000;

export class ReportAnalyses {
  private reportIdle: ReturnType<typeof setTimeout> | undefined;
  /** The follow-through report analysis last queued: reports take turns on their one worker. */
  private reportTurn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: AnalysisHost | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The model of a text for the follow-through report (a file, or an open document's text).
   * Undefined when cancelled, or when the analysis was stopped or failed (the host's withheld answer
   * reads nothing and says why in a notice).
   */
  async model(text: string, config: ResolvedConfig, now: Date, token: Interest): Promise<Postmortem | undefined> {
    const host = this.host;
    clearTimeout(this.reportIdle);
    const cooperatively = async () => (await analyzeCooperatively(text, { config, now }, () => token.isCancellationRequested))?.model;
    if (!host) return cooperatively();
    // Reports share one worker, and a run supersedes the one before it on the same worker: two
    // reports drawn at once (two panels, a redraw the client did not cancel) take turns, so
    // neither drops the other's files.
    const turn = this.reportTurn.then(async () => {
      if (token.isCancellationRequested) return undefined;
      const outcome = await host.run(REPORT_WORKER, text, config, now, () => token.isCancellationRequested, undefined, true);
      // Where no analysis worker can run (a browser that refuses nested workers): here.
      if (outcome.kind === 'unavailable') return cooperatively();
      if (outcome.kind === 'withheld') this.log(`The follow-through report skipped a document: ${outcome.notices[0].message}`);
      if (outcome.kind !== 'done' || token.isCancellationRequested) return undefined;
      return (await outcome.analysis.details())?.model;
    });
    this.reportTurn = turn.catch(() => undefined);
    return turn;
  }

  /**
   * The report is drawn: its worker goes once no drawing followed for a while (an open panel redraws
   * as files change, and a fresh worker costs its start; an idle one keeps the last file's model).
   */
  done(): void {
    clearTimeout(this.reportIdle);
    this.reportIdle = setTimeout(() => this.host?.forget(REPORT_WORKER), REPORT_WORKER_IDLE_MS);
    this.reportIdle.unref?.();
  }

  dispose(): void {
    clearTimeout(this.reportIdle);
  }
}
