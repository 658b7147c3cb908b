// One version's analysis as every feature reads it, in the three forms it takes: analysed on this
// thread (everything at hand), analysed in a worker (the model and fixes fetched when first asked
// for), or withheld (not analysed: notices say why). The cache in documents.ts makes them.
import type { HostAnalysis } from './analysis/host';
import { answerQuery, type FeatureAnswer, type FeatureQuery } from './features/queries';
import { pickDetails, type AnalysisDetails, type DetailsPick, type FindingHeadline, type PickedDetails } from './analysis/worker';
import type { HeadlineMaker } from './analysis/headlines';
import type { Analysis, AnalysisSummary, Notice, RuleFailure } from './engine/analyze';
import { LineIndex } from './engine/lineIndex';
import type { DocumentConfig } from './settings';

/** The whole analysis of one version, as the features (hover, code actions, symbols, ...) read it. */
export interface CachedAnalysis {
  version: number;
  analysis: AnalysisSummary;
  config: DocumentConfig;
}

/** What diagnostics read of an analysis: the findings without their fixes, notices, rule failures. */
export interface AnalysisHeadline {
  text: string;
  findings: FindingHeadline[];
  errors: RuleFailure[];
  notices: Notice[];
}

/**
 * One version's analysis as the cache keeps it: its headline at once, the rest (model, fixes) when
 * a feature first asks. With an analysis worker, the rest stays in the worker until then.
 */
export interface CheckedVersion {
  version: number;
  config: DocumentConfig;
  headline: AnalysisHeadline;
  /** Not analysed (over the time budget, out of memory, failed): the headline's notices say why, and there is no model. */
  withheld?: true;
  /** The whole analysis of this version; undefined when it can no longer be had (the version was superseded). */
  full(): Promise<CachedAnalysis | undefined>;
  /** Only the fixes code actions at one place need (the rest stays in the worker); undefined as for `full`. */
  pick(request: DetailsPick): Promise<PickedDetails | undefined>;
  /** A feature's answer (symbols, code lenses, the outline, the index's items), made where the model is; undefined as for `full`. */
  query<Q extends FeatureQuery>(query: Q): Promise<FeatureAnswer<Q> | undefined>;
}

/** The summary the features read; its line index is built the first time one asks (only the outline does). */
function summaryOf(text: string, headline: Omit<AnalysisHeadline, 'findings' | 'text'>, details: AnalysisDetails): AnalysisSummary {
  let lines: LineIndex | undefined;
  return {
    text, model: details.model, findings: details.findings, errors: headline.errors, notices: headline.notices,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}

/** A version analysed on this thread: everything is at hand; its headlines are made as a worker makes them. */
export function checkedHere(version: number, config: DocumentConfig, analysis: Analysis, maker: HeadlineMaker): CheckedVersion {
  const cached: CachedAnalysis = { version, config, analysis: summaryOf(analysis.text, analysis, analysis) };
  const headline: AnalysisHeadline = { text: analysis.text, findings: maker.make(analysis.findings, analysis.text, analysis.lines), errors: analysis.errors, notices: analysis.notices };
  return {
    version, config, headline, full: async () => cached, pick: async (request) => pickDetails(cached.analysis, request),
    query: async (query) => answerQuery(analysis.text, analysis, query),
  };
}

/** A version that could not be analysed: its notices, and nothing for a feature to act on. */
export function withheldVersion(version: number, config: DocumentConfig, text: string, notices: Notice[]): CheckedVersion {
  return { version, config, withheld: true, headline: { text, findings: [], errors: [], notices }, full: async () => undefined, pick: async () => undefined, query: async () => undefined };
}

/** Whether two analyses found the same findings in the same order (so an index means one finding in both). */
function sameFindings(headlines: readonly FindingHeadline[], findings: readonly FindingHeadline[]): boolean {
  return headlines.length === findings.length && headlines.every((h, i) => {
    const f = findings[i];
    return h.ruleId === f.ruleId && h.start === f.start && h.end === f.end && h.message === f.message;
  });
}

/** A version analysed in a worker: its model and fixes are fetched once, when first asked for; `again` analyses it anew should the worker no longer hold them. */
export function checkedThere(version: number, config: DocumentConfig, analysis: HostAnalysis, again: () => Promise<AnalysisDetails | undefined>): CheckedVersion {
  let full: Promise<CachedAnalysis | undefined> | undefined;
  const fetch = async () => {
    const details = (await analysis.details()) ?? (await again());
    // Features find a finding's fixes by its place in the headlines: an analysis had again that
    // found anything else (a rule that reads the clock, a changed rule) would hand them another's.
    if (!details || !sameFindings(analysis.findings, details.findings)) return undefined;
    return { version, config, analysis: summaryOf(analysis.text, analysis, details) };
  };
  /** The whole analysis once fetched: a fetch that got nothing is not kept (the next ask tries again). */
  let kept: CachedAnalysis | undefined;
  const whole = () => {
    if (!full) {
      const fetching = fetch().then((cached) => {
        if (cached) kept = cached;
        else if (full === fetching) full = undefined;
        return cached;
      });
      full = fetching;
    }
    return full;
  };
  // Once the whole analysis was fetched (hover, symbols), picks read it here; else the worker sends
  // only what was picked, and should it have moved on, the whole analysis is had again.
  const pick = async (request: DetailsPick) => {
    const picked = kept ? undefined : await analysis.pick(request);
    if (picked) return picked;
    const cached = await whole();
    return cached && pickDetails(cached.analysis, request);
  };
  // Likewise for a feature's answer: made in the worker, so only the answer crosses threads.
  const query = async <Q extends FeatureQuery>(q: Q): Promise<FeatureAnswer<Q> | undefined> => {
    const answered = kept ? undefined : await analysis.query(q);
    if (answered) return answered;
    const cached = await whole();
    return cached && answerQuery(cached.analysis.text, cached.analysis, q);
  };
  return { version, config, headline: analysis, full: whole, pick, query };
}
