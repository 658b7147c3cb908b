// Which documents are postmortems, and one cached analysis per document version shared by every feature.
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHost, HostAnalysis } from './analysis/host';
import { answerQuery, type FeatureAnswer, type FeatureQuery } from './features/queries';
import { pickDetails, type AnalysisDetails, type DetailsPick, type FindingHeadline, type PickedDetails } from './analysis/worker';
import { HeadlineMaker } from './analysis/headlines';
import { analyzeCooperatively, type Analysis, type AnalysisSummary, type Notice, type RuleFailure } from './engine/analyze';
import { LineIndex } from './engine/lineIndex';
import { NEAR_MISS_SPELLINGS } from './model/nearMiss';
import { IncrementalParser } from './parsing/incremental';
import type { DocumentConfig } from './settings';
import { stateLookup } from './trackers/lookup';
import type { TrackerState } from './trackers/types';

const FRONT_MATTER_TYPE = /^---\r?\n(?:[^\n]*\n)*?type:\s*["']?post-?mortem["']?\s*\r?\n/i;
const FIRST_HEADING = /^#{1,6}[ \t]+(.+)$/m;
const OTHER_KIND_TYPE = new RegExp(String.raw`^---\r?\n(?:(?!---)[^\n]*\n)*?type:\s*["']?(?:${NEAR_MISS_SPELLINGS}|(?:security[-\s_]?)?incident(?:[-\s_](?:report|review))?)["']?\s*\r?\n`, 'i');
const POSTMORTEM_TITLE = /post-?mortem|incident (?:report|review|analysis)|after[- ]action|\bincident on\b|\bRCA\b|root cause analysis/i;

// Compiling globs costs more than matching them: keep the matchers of the last few settings (folders
// of a multi-root workspace may have different ones, and their documents alternate), newest last.
const MATCHERS_KEPT = 8;
const matchers = new Map<string, (path: string) => boolean>();

export function globMatcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let match = matchers.get(key);
  if (match) matchers.delete(key);
  else {
    match = picomatch(globs, { dot: true, nocase: true });
    if (matchers.size >= MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
  }
  matchers.set(key, match);
  return match;
}

/** How many compiled matchers are kept (for tests of the cache). */
export function cachedMatcherCount(): number {
  return matchers.size;
}

export function isPostmortem(uri: string, text: string, globs: string[]): boolean {
  const head = text.slice(0, 2000);
  if (FRONT_MATTER_TYPE.test(head)) return true;
  // The other kinds New Postmortem writes (and teams use) are write-ups of the same kind: a
  // near-miss, a security incident, an incident report or review. Read in front matter only.
  if (OTHER_KIND_TYPE.test(head)) return true;
  const heading = FIRST_HEADING.exec(text.slice(0, 5000));
  if (heading && POSTMORTEM_TITLE.test(heading[1])) return true;
  let path = uri;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a URL: match the string as it is.
  }
  const normalised = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return globs.length > 0 && globMatcher(globs)(normalised);
}

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
function checkedHere(version: number, config: DocumentConfig, analysis: Analysis, maker: HeadlineMaker): CheckedVersion {
  const cached: CachedAnalysis = { version, config, analysis: summaryOf(analysis.text, analysis, analysis) };
  const headline: AnalysisHeadline = { text: analysis.text, findings: maker.make(analysis.findings, analysis.text, analysis.lines), errors: analysis.errors, notices: analysis.notices };
  return {
    version, config, headline, full: async () => cached, pick: async (request) => pickDetails(cached.analysis, request),
    query: async (query) => answerQuery(analysis.text, analysis, query),
  };
}

/** A version that could not be analysed: its notices, and nothing for a feature to act on. */
function withheldVersion(version: number, config: DocumentConfig, text: string, notices: Notice[]): CheckedVersion {
  return { version, config, withheld: true, headline: { text, findings: [], errors: [], notices }, full: async () => undefined, pick: async () => undefined, query: async () => undefined };
}

/** Whether two analyses found the same findings in the same order (so an index means one finding in both). */
function sameFindings(headlines: readonly FindingHeadline[], findings: readonly FindingHeadline[]): boolean {
  return headlines.length === findings.length && headlines.every((h, i) => {
    const f = findings[i];
    return h.ruleId === f.ruleId && h.start === f.start && h.end === f.end && h.message === f.message;
  });
}

/** A request's cancellation token, or anything shaped like one. */
export interface Interest {
  readonly isCancellationRequested: boolean;
}

const ALWAYS: Interest = { isCancellationRequested: false };

interface Job {
  version: number;
  config: DocumentConfig;
  interests: Interest[];
  promise: Promise<CheckedVersion | undefined>;
}

/** A re-check of a saved text in flight (run: onSave), shared by every answer that needs it. */
interface Recheck {
  text: string;
  version: number;
  config: DocumentConfig;
  generation: number;
  interests: Interest[];
  promise: Promise<CheckedVersion | undefined>;
}

/**
 * One analysis per document version, shared by every feature. An analysis runs cooperatively and
 * stops as soon as its version is no longer the document's, or every request waiting for it was
 * cancelled; the caller then gets undefined.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, CheckedVersion>();
  /** Incremental parsers of analyses run on this thread (without a worker host). */
  private readonly parsers = new Map<string, IncrementalParser>();
  /** With those parsers, each document's last headlines: a finding over text an edit left alone keeps its fingerprint. */
  private readonly makers = new Map<string, HeadlineMaker>();
  private readonly jobs = new Map<string, Job>();
  private readonly rechecks = new Map<string, Recheck>();
  /** Each open document's mark, set when it closes: its analyses in flight are then no longer wanted. */
  private readonly opened = new Map<string, { closed: boolean }>();
  /** Bumped by clear(): a job started before it read the old settings or tracker states, so its result is not kept. */
  private generation = 0;
  /** Tracker states read in the background (handlers/trackerStates.ts); undefined turns action-item-drift off. */
  trackerStates?: (uri: string) => Record<string, TrackerState> | undefined;

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly currentVersion: (uri: string) => number | undefined = () => undefined,
    private readonly log: (message: string) => void = () => undefined,
    /** Runs analyses off the main thread; without it they run here, cooperatively. */
    private readonly host?: AnalysisHost,
  ) {}

  async get(document: TextDocument, config: DocumentConfig, interest: Interest = ALWAYS): Promise<CheckedVersion | undefined> {
    const uri = document.uri;
    const cached = this.entries.get(uri);
    if (cached && cached.version === document.version && cached.config === config) return cached;
    let job = this.jobs.get(uri);
    if (!job || job.version !== document.version || job.config !== config) job = this.start(document, config);
    job.interests.push(interest);
    return job.promise;
  }

  private start(document: TextDocument, config: DocumentConfig): Job {
    const { uri, version } = document;
    const interests: Interest[] = [];
    let mark = this.opened.get(uri);
    if (!mark) this.opened.set(uri, (mark = { closed: false }));
    const open = mark;
    const superseded = () => {
      const current = this.currentVersion(uri);
      return open.closed || (current !== undefined && current !== version);
    };
    const unwanted = () => interests.length > 0 && interests.every((i) => i.isCancellationRequested);
    const job: Job = { version, config, interests, promise: Promise.resolve(undefined) };
    const generation = this.generation;
    const text = document.getText();
    const stale = () => superseded() || unwanted();
    const states = this.trackerStates?.(uri);
    // One date for the version: its analysis had again later (below) must find what this one found.
    const now = this.now();
    const run = async (): Promise<CheckedVersion | undefined> => {
      // Let edits already queued arrive first: if a newer version came in, this one is never analysed.
      await new Promise((resolve) => setImmediate(resolve));
      if (stale()) return undefined;
      const host = this.host;
      const outcome = host && (await host.run(uri, text, config.config, now, stale, states));
      // Without a host, or where no analysis worker can run (a browser that refuses nested workers), here.
      if (!host || !outcome || outcome.kind === 'unavailable') {
        let parser = this.parsers.get(uri);
        if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
        const analysis = await analyzeCooperatively(text, { config: config.config, now, parser, trackerState: states && stateLookup(states, config.config.trackers ?? {}) }, stale);
        let maker = this.makers.get(uri);
        if (!maker) this.makers.set(uri, (maker = new HeadlineMaker()));
        return analysis && checkedHere(version, config, analysis, maker);
      }
      if (outcome.kind === 'stale') return undefined;
      if (outcome.kind === 'withheld') return withheldVersion(version, config, text, outcome.notices);
      // The model and fixes stay in the worker; should it have moved on or stopped by the time a
      // feature asks (another document took its worker), this version is analysed again, in full.
      const again = async () => {
        // A newer version's analysis may be on the worker: running this one would retire it.
        if (superseded()) return undefined;
        const outcome = await host.run(uri, text, config.config, now, superseded, states, true);
        // No worker can run after all (or none has started yet): here, as the first analysis would have.
        if (outcome.kind === 'unavailable') return analyzeCooperatively(text, { config: config.config, now, trackerState: states && stateLookup(states, config.config.trackers ?? {}) }, superseded);
        return outcome.kind === 'done' ? outcome.analysis.details() : undefined;
      };
      return this.checkedThere(version, config, outcome.analysis, again);
    };
    job.promise = run().then((fresh) => {
      if (this.jobs.get(uri) === job) this.jobs.delete(uri);
      if (!fresh) {
        this.log(`Stopped analysing ${uri} (version ${version}): ${open.closed ? 'it was closed' : superseded() ? 'a newer version arrived' : 'its requests were cancelled'}.`);
        return undefined;
      }
      const existing = this.entries.get(uri);
      if (generation === this.generation && !open.closed && (!existing || existing.version <= version)) this.entries.set(uri, fresh);
      return fresh;
    });
    this.jobs.set(uri, job);
    return job;
  }

  /** A version analysed in a worker: its model and fixes are fetched once, when first asked for. */
  private checkedThere(version: number, config: DocumentConfig, analysis: HostAnalysis, again: () => Promise<AnalysisDetails | undefined>): CheckedVersion {
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

  /**
   * An analysis of a text that is not the document's current version (run: onSave's saved text), with
   * the current tracker states; not cached. Off the main thread like every other analysis (a large
   * document must not freeze the server), on the document's own worker, whose parser has the
   * current text, a few edits away; undefined when every interest went or a newer analysis took over.
   * One such analysis per document, text and generation runs at a time: a later caller shares it
   * (two answers close together would otherwise each take the worker from the other, for ever).
   */
  analyzeText(uri: string, text: string, version: number, config: DocumentConfig, interest: Interest = ALWAYS): Promise<CheckedVersion | undefined> {
    const running = this.rechecks.get(uri);
    if (running && running.text === text && running.version === version && running.config === config && running.generation === this.generation) {
      running.interests.push(interest);
      return running.promise;
    }
    const interests = [interest];
    const recheck: Recheck = { text, version, config, generation: this.generation, interests, promise: Promise.resolve(undefined) };
    const unwanted = () => interests.every((i) => i.isCancellationRequested) || this.currentVersion(uri) === undefined;
    recheck.promise = this.recheck(uri, text, version, config, unwanted).finally(() => {
      if (this.rechecks.get(uri) === recheck) this.rechecks.delete(uri);
    });
    this.rechecks.set(uri, recheck);
    return recheck.promise;
  }

  private async recheck(uri: string, text: string, version: number, config: DocumentConfig, unwanted: () => boolean): Promise<CheckedVersion | undefined> {
    const states = this.trackerStates?.(uri);
    const now = this.now();
    const host = this.host;
    const outcome = host && (await host.run(uri, text, config.config, now, unwanted, states));
    if (!host || !outcome || outcome.kind === 'unavailable') {
      const trackerState = states && stateLookup(states, config.config.trackers ?? {});
      const analysis = await analyzeCooperatively(text, { config: config.config, now, trackerState }, unwanted);
      return analysis && checkedHere(version, config, analysis, new HeadlineMaker());
    }
    if (outcome.kind === 'stale') return undefined;
    if (outcome.kind === 'withheld') return withheldVersion(version, config, text, outcome.notices);
    const again = async () => {
      if (unwanted()) return undefined;
      const full = await host.run(uri, text, config.config, now, unwanted, states, true);
      if (full.kind === 'unavailable') return analyzeCooperatively(text, { config: config.config, now, trackerState: states && stateLookup(states, config.config.trackers ?? {}) }, unwanted);
      return full.kind === 'done' ? full.analysis.details() : undefined;
    };
    return this.checkedThere(version, config, outcome.analysis, again);
  }

  delete(uri: string): void {
    const mark = this.opened.get(uri);
    if (mark) mark.closed = true;
    this.opened.delete(uri);
    this.host?.forget(uri);
    this.entries.delete(uri);
    this.parsers.delete(uri);
    this.makers.delete(uri);
    this.jobs.delete(uri);
    this.rechecks.delete(uri);
  }

  /** Forgets analyses (settings changed); the parsers' trees stay valid, since they depend on text only. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.jobs.clear();
  }
}
