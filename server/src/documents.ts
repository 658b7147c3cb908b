// One cached analysis per document version, shared by every feature: analysed off the main thread
// when an analysis host runs workers, else here, cooperatively; abandoned once superseded or unwanted.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHost } from './analysis/host';
import { HeadlineMaker } from './analysis/headlines';
import { analyzeCooperatively } from './engine/analyze';
import { IncrementalParser } from './parsing/incremental';
import type { DocumentConfig } from './settings';
import { stateLookup } from './trackers/lookup';
import type { TrackerState } from './trackers/types';
import { checkedHere, checkedThere, withheldVersion, type CheckedVersion } from './checkedVersions';

// The server's modules and features read these through this module.
export { isPostmortem } from './postmortemKind';
export type { AnalysisHeadline, CachedAnalysis, CheckedVersion } from './checkedVersions';

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
      return checkedThere(version, config, outcome.analysis, again);
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
    return checkedThere(version, config, outcome.analysis, again);
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
