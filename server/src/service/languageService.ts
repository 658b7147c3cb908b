// The Postmortem language service: documents in, results out, no connection. It owns what every
// feature shares (settings and configuration per document, one analysis per version, the workspace
// index) and answers each feature through one helper, `analysisFor`: the analysis of a document's
// current version, or the reason there is none. The LSP handlers (handlers/) adapt it to a connection;
// unit tests drive it directly.
import { NO_METRICS } from '../model/metrics';
import type { ResolvedConfig } from '../config/types';
import { analyzeCooperatively } from '../engine/analyze';
import type { Postmortem } from '../model/types';
import type { CodeAction, CodeActionParams, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHost } from '../analysis/host';
import { unpackSymbols, type FeatureAnswer, type FeatureQuery } from '../features/queries';
import { AnalysisCache, isPostmortem, type CachedAnalysis, type CheckedVersion, type Interest } from '../documents';
import { codeActions, type EditShape } from '../features/codeActions';
import { completions } from '../features/completion';
import { toDiagnostics, tooLargeDiagnostic } from '../features/diagnostics';
import { hover } from '../features/hover';
import { actionItemInsertion, timelineInsertion } from '../features/insertions';
import { handlesIn } from '../model/actionItems';
import type { ActionItemInsertionParams, ActionItemsResult, DocumentOutline, Insertion, InsertionWithheld, NoInsertionReason, TimelineInsertionParams } from '../protocol';
import { DEFAULT_SETTINGS, loadConfig, withDefaults, type DocumentConfig, type EditorSettings } from '../settings';
import { WorkspaceIndex } from '../workspaceIndex';
import type { ActionItemReader } from '../indexExtraction';
import type { FileSystem } from './fileSystem';
import type { TrackerState } from '../trackers/types';

/** What the service needs from its host; everything but `fs` has a quiet default. */
export interface ServiceHost {
  fs: FileSystem;
  now?: () => Date;
  /** Runs analyses in workers (threads on Node, nested Web Workers on the web); without it, or where none can run, on this thread, cooperatively. */
  analysisHost?: AnalysisHost;
  /** Reads the index's files on disk off this thread (indexHost.ts: a worker thread on Node, a nested Web Worker on the web); without it, on this thread in slices. */
  indexReader?: ActionItemReader;
  log?: (message: string) => void;
  error?: (message: string) => void;
  /** Shows a message to the user; the service asks once per message. */
  tell?: (kind: 'error' | 'warning', message: string) => void;
  /** The editor settings for a resource (workspace/configuration); undefined: use the global ones. */
  settings?: (uri: string) => Promise<unknown> | undefined;
  /** The workspace's action items changed. */
  actionItemsChanged?: () => void;
}

/** The open documents, as the host tracks them. */
export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** A document whose whole text is costly to build (kept as lines: handlers/openDocuments.ts) says how long it is. */
export interface SizedDocument {
  readonly textLength: number;
}

/**
 * A document's length. Asked of every version: a document that holds its text whole answers from it
 * (counting to its last line instead indexed every line of every version, 2 ms a keystroke on the
 * bench's 15,000-line document, only to learn the length).
 */
export function documentLength(document: TextDocument): number {
  const sized = (document as Partial<SizedDocument>).textLength;
  return typeof sized === 'number' ? sized : document.getText().length;
}

/** The analysis of a document's current version, or why there is none. */
export type Checked =
  | { kind: 'skip' } // not open, or not a postmortem
  | { kind: 'stale' } // the document changed, or every request for it was cancelled, while it ran
  | { kind: 'too-large'; limit: number; document: TextDocument }
  | { kind: 'ok'; checked: CheckedVersion; document: TextDocument }
  // Not analysed (over the time budget, out of memory, failed): the notices say why; no model to act on.
  | { kind: 'withheld'; checked: CheckedVersion; document: TextDocument };

/** The whole analysis of the document's current version, for the features that read more than findings. */
interface Found {
  cached: CachedAnalysis;
  document: TextDocument;
}

/** The current version could not be analysed: why, in the words of its notices. */
interface Withheld {
  withheld: string;
}

export const NOT_CANCELLED: Interest = { isCancellationRequested: false };

/** The analysis host's key for the follow-through report's analyses: a worker apart from the open documents'. */
const REPORT_WORKER = 'postmortem:follow-through-report';
const REPORT_WORKER_IDLE_MS = 60_000;

/** isPostmortem reads no further than this into a document. */
const HEAD_CHARS = 5000;


export class PostmortemService {
  readonly index: WorkspaceIndex;
  private readonly analyses: AnalysisCache;
  private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
  private readonly configCache = new Map<string, Promise<DocumentConfig>>();
  /** run: onSave: the analysis of the last saved (or opened) text, per document. */
  private readonly frozen = new Map<string, CheckedVersion>();
  /** Saved texts whose findings are to be made again (the tracker states changed). */
  private readonly refreeze = new Set<string>();
  /** Counts trackerStatesChanged(): a re-check started before the last one used older states. */
  private trackerStateChanges = 0;
  private readonly told = new Set<string>();
  private reportIdle: ReturnType<typeof setTimeout> | undefined;
  /** The follow-through report analysis last queued: reports take turns on their one worker. */
  private reportTurn: Promise<unknown> = Promise.resolve();
  private globalSettings = DEFAULT_SETTINGS;
  readonly now: () => Date;

  constructor(private readonly documents: DocumentStore, private readonly host: ServiceHost) {
    this.now = host.now ?? (() => new Date());
    host.analysisHost?.setLog((m) => this.log(m));
    this.analyses = new AnalysisCache(this.now, (uri) => documents.get(uri)?.version, (m) => this.log(m), host.analysisHost);
    this.index = new WorkspaceIndex(
      (uri, text) => isPostmortem(uri, text, this.globalSettings.files),
      () => this.now(),
      () => host.actionItemsChanged?.(),
      { fs: host.fs, log: (m) => this.log(m), maxFileSize: () => this.globalSettings.maxFileSize, reader: host.indexReader, isOpen: (uri) => !!documents.get(uri) },
    );
  }

  private log(message: string): void {
    this.host.log?.(message);
  }

  /** Shows a message once per server lifetime. */
  tellOnce(kind: 'error' | 'warning', message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.host.tell?.(kind, message);
  }

  get settings(): EditorSettings {
    return this.globalSettings;
  }

  /** Settings that apply where the client cannot be asked per resource (initialize, didChangeConfiguration). */
  setGlobalSettings(raw: unknown): void {
    this.globalSettings = withDefaults(raw);
  }

  settingsFor(uri: string): Promise<EditorSettings> {
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      const asked = this.host.settings?.(uri);
      pending = asked ? asked.then(withDefaults, () => this.globalSettings) : Promise.resolve(this.globalSettings);
      // Without a per-resource answer there is nothing to cache: the global settings may change.
      if (asked) this.settingsCache.set(uri, pending);
    }
    return pending;
  }

  documentConfig(uri: string): Promise<DocumentConfig> {
    let pending = this.configCache.get(uri);
    if (!pending) {
      pending = this.settingsFor(uri).then(async (settings) => {
        const config = await loadConfig(uri, settings, this.host.fs);
        if (config.error) this.tellOnce('error', `${config.error} Using the default configuration.`);
        config.config.warnings.forEach((w) => this.tellOnce('warning', config.configFile ? `${config.configFile}: ${w}` : w));
        return config;
      });
      this.configCache.set(uri, pending);
    }
    return pending;
  }

  /** A rule that threw is logged once per document and rule, and shown once per rule. */
  private reportRuleFailures(uri: string, checked: CheckedVersion): void {
    for (const failure of checked.headline.errors) {
      const key = `${uri}\u0000${failure.ruleId}`;
      if (this.told.has(key)) continue;
      this.told.add(key);
      this.host.error?.(`Rule ${failure.ruleId} failed on ${uri}: ${failure.stack ?? failure.message}`);
      this.tellOnce('error', `The rule ${failure.ruleId} failed (${failure.message}), so its findings are missing. Check its options in the settings or .postmortemrc.`);
    }
  }

  /** The one way every feature gets at a document's analysis. */
  async analysisFor(uri: string, token: Interest = NOT_CANCELLED): Promise<Checked> {
    const open = this.documents.get(uri);
    if (!open) return { kind: 'skip' };
    // Whether it is a postmortem, and too large, is read without building the whole text: a very
    // large document is kept as lines (handlers/openDocuments.ts), and is never analysed.
    const length = documentLength(open);
    const sized = (open as Partial<SizedDocument>).textLength !== undefined;
    const head = length <= HEAD_CHARS ? undefined : sized ? open.getText({ start: { line: 0, character: 0 }, end: open.positionAt(HEAD_CHARS) }) : open.getText().slice(0, HEAD_CHARS);
    // The version asked about, held still: the open document changes in place while the
    // configuration is read, and an answer must describe one version (or none, when superseded).
    // A document over the size limit is not read whole unless a per-folder setting allows it.
    const version = open.version;
    const snapshot = length <= this.globalSettings.maxFileSize ? open.getText() : undefined;
    const config = await this.documentConfig(uri);
    // Closed while the configuration was read: nothing to answer for (and no worker to start for it).
    if (!this.documents.get(uri)) return { kind: 'stale' };
    if (length > config.settings.maxFileSize) {
      return isPostmortem(uri, head ?? snapshot ?? open.getText(), config.settings.files) ? { kind: 'too-large', limit: config.settings.maxFileSize, document: open } : { kind: 'skip' };
    }
    if (snapshot === undefined && open.version !== version) return { kind: 'stale' };
    const text = snapshot ?? open.getText();
    if (!isPostmortem(uri, text, config.settings.files)) return { kind: 'skip' };
    const document = TextDocument.create(uri, open.languageId, version, text);
    const checked = await this.analyses.get(document, config, token);
    const current = this.documents.get(uri);
    if (!checked || !current || checked.version !== current.version || token.isCancellationRequested) return { kind: 'stale' };
    this.reportRuleFailures(uri, checked);
    // The snapshot, not the open document: the same version, and a document kept as lines (over the
    // default size limit, checked because a folder raised it) finds positions by walking its lines.
    return checked.withheld ? { kind: 'withheld', checked, document } : { kind: 'ok', checked, document };
  }

  /** The whole analysis (model and fixes too) when there is one and the request still wants it. */
  private async found(uri: string, token: Interest): Promise<Found | undefined> {
    const found = await this.lookup(uri, token);
    return found && 'cached' in found ? found : undefined;
  }

  /** As `found`, and when the analysis was withheld, why (a feature that edits or draws the document says so instead). */
  private async lookup(uri: string, token: Interest): Promise<Found | Withheld | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'withheld') return { withheld: checked.checked.headline.notices.map((n) => n.message).join(' ') };
    if (checked.kind !== 'ok') return undefined;
    const cached = await checked.checked.full();
    // Fetching the rest took a turn of the event loop: the document may have moved on meanwhile.
    const current = this.documents.get(uri);
    if (!cached || current?.version !== cached.version || token.isCancellationRequested) return undefined;
    return { cached, document: current };
  }

  /**
   * A feature's answer for the document's current version, made where its analysis is (in its
   * worker, so the model does not cross threads for it); undefined when there is no analysis, or the
   * document moved on or the request was cancelled meanwhile.
   */
  private async answer<Q extends FeatureQuery>(uri: string, token: Interest, query: () => Q): Promise<FeatureAnswer<Q> | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (checked.kind !== 'ok' || token.isCancellationRequested) return undefined;
    return this.answerOf(uri, checked, token, query());
  }

  private async answerOf<Q extends FeatureQuery>(uri: string, checked: Extract<Checked, { kind: 'ok' }>, token: Interest, query: Q): Promise<FeatureAnswer<Q> | undefined> {
    const answer = await checked.checked.query(query);
    if (this.documents.get(uri)?.version !== checked.checked.version || token.isCancellationRequested) return undefined;
    return answer;
  }


  /** Diagnostics of the document's current version; undefined when that version was superseded or the request cancelled. */
  async diagnostics(uri: string, token: Interest = NOT_CANCELLED): Promise<Diagnostic[] | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'skip') return [];
    if (checked.kind === 'stale') return undefined;
    if (checked.kind === 'too-large') return [tooLargeDiagnostic(checked.document, checked.limit)];
    if (checked.checked.config.settings.run === 'onSave') {
      // On save: diagnostics of the last saved (or opened) text, placed against that text.
      let saved = this.frozen.get(uri) ?? checked.checked;
      if (this.refreeze.has(uri) && saved.version !== checked.checked.version) {
        const from = saved;
        const states = this.trackerStateChanges;
        const again = await this.analyses.analyzeText(uri, saved.headline.text, saved.version, saved.config, token);
        // Not re-checked (cancelled, or a newer version's analysis took the worker): the next answer tries again.
        if (!again || token.isCancellationRequested) return undefined;
        // A save (or newer tracker states) arrived meanwhile: this re-check describes a text, or
        // states, no longer shown; the next answer starts from what is current.
        // (An answer that shared this re-check may have kept it already.)
        const shown = this.frozen.get(uri);
        if ((shown !== from && shown !== again) || this.trackerStateChanges !== states) return undefined;
        saved = again;
      }
      this.refreeze.delete(uri);
      this.frozen.set(uri, saved);
      return toDiagnostics(TextDocument.create(uri, 'markdown', saved.version, saved.headline.text), saved);
    }
    return toDiagnostics(checked.document, checked.checked);
  }

  /**
   * Code actions are asked for after every diagnostics update (about once per keystroke): they fetch
   * only the fixes the request's diagnostics need, not the model and every fix. Made against the
   * current version, or withheld when the document moved on while they were made.
   */
  async codeActions(params: CodeActionParams, token: Interest = NOT_CANCELLED, shape: EditShape = 'changes'): Promise<CodeAction[] | undefined> {
    const uri = params.textDocument.uri;
    const checked = await this.analysisFor(uri, token);
    if (checked.kind !== 'ok' || token.isCancellationRequested) return undefined;
    const actions = await codeActions(checked.document, checked.checked, params, shape);
    if (this.documents.get(uri)?.version !== checked.checked.version || token.isCancellationRequested) return undefined;
    return actions;
  }

  async hover(uri: string, position: Position, token: Interest = NOT_CANCELLED): Promise<Hover | null | undefined> {
    const found = await this.found(uri, token);
    return found && hover(found.document, found.cached, position);
  }

  /** Asked after every change (the outline, breadcrumbs, sticky scroll). */
  async documentSymbols(uri: string, token: Interest = NOT_CANCELLED): Promise<DocumentSymbol[] | undefined> {
    const packed = await this.answer(uri, token, () => ({ kind: 'symbols' }));
    return packed && unpackSymbols(packed);
  }

  /** Asked after every change. */
  codeLenses(uri: string, token: Interest = NOT_CANCELLED): Promise<CodeLens[] | undefined> {
    return this.answer(uri, token, () => ({ kind: 'codeLenses', now: this.now().getTime() }));
  }

  async completion(uri: string, position: Position, token: Interest = NOT_CANCELLED): Promise<CompletionItem[] | undefined> {
    const found = await this.found(uri, token);
    return found && completions(found.document, found.cached, position, this.now(), () => this.owners());
  }

  /** The outline of a postmortem (the Postmortem view redraws it after changes); an empty one for other documents; undefined when cancelled or the analysis was withheld. */
  async outline(uri: string, token: Interest = NOT_CANCELLED): Promise<DocumentOutline | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested || checked.kind === 'withheld') return undefined;
    const drawn = checked.kind === 'ok' ? await this.answerOf(uri, checked, token, { kind: 'outline', uri, requiredSections: checked.checked.config.config.shared.requiredSections, now: this.now().getTime() }) : undefined;
    if (token.isCancellationRequested) return undefined;
    return drawn ?? { uri, isPostmortem: false, sections: [], timeline: { entries: [], findings: [], metrics: { ...NO_METRICS, countedInDays: [] } }, actionItems: [] };
  }

  /** The insertion, placed in (and naming) the current version; or why there is none; undefined when cancelled. */
  async timelineInsertion(params: TimelineInsertionParams, token: Interest = NOT_CANCELLED): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    const asked = this.documents.get(params.uri)?.version;
    const found = await this.lookup(params.uri, token);
    if (!found) return this.noInsertion(params.uri, asked, token);
    if ('withheld' in found) return found;
    const settings = found.cached.config.settings;
    return timelineInsertion(found.document, found.cached, new Date(params.now), params.format ?? settings.timeline.format, settings.timeline.timezone);
  }

  async actionItemInsertion(params: ActionItemInsertionParams, token: Interest = NOT_CANCELLED): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    const asked = this.documents.get(params.uri)?.version;
    const found = await this.lookup(params.uri, token);
    if (!found) return this.noInsertion(params.uri, asked, token);
    if ('withheld' in found) return found;
    return actionItemInsertion(found.document, found.cached, params);
  }

  /**
   * Why no insertion was placed, so the client can say so: "not a postmortem" is only the answer when
   * it is one (it used to be said for a document that was too large or changed meanwhile). `asked`:
   * the version the request was made on.
   */
  private async noInsertion(uri: string, asked: number | undefined, token: Interest): Promise<{ reason: NoInsertionReason } | undefined> {
    if (token.isCancellationRequested) return undefined;
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'skip') return { reason: 'not-postmortem' };
    if (checked.kind === 'too-large') return { reason: 'too-large' };
    // The version asked about is still the current one and analysed, yet its model could not be read back.
    if (checked.kind === 'ok' && checked.checked.version === asked && this.documents.get(uri)?.version === asked) return { reason: 'unavailable' };
    // Stale, or analysed again only now: the document moved on while the insertion was placed.
    return { reason: 'superseded' };
  }

  actionItems(): ActionItemsResult {
    return { items: this.index.items(), indexing: this.index.indexing };
  }

  /** Owner handles of the workspace's postmortems and of the open documents. */
  async owners(): Promise<string[]> {
    const small = this.documents.all().filter((d) => documentLength(d) <= this.globalSettings.maxFileSize);
    const open = small.flatMap((d) => handlesIn(d.getText()));
    return [...new Set([...this.index.owners(), ...open])].sort();
  }

  /**
   * The model of a text for the follow-through report (a file, or an open document's text): in a
   * worker of its own when there is an analysis host, so a large or slow file never freezes the
   * server, else cooperatively here. Undefined when cancelled, or when the analysis was stopped or
   * failed (the host's withheld answer reads nothing and says why in a notice).
   */
  async reportModel(text: string, config: ResolvedConfig, now: Date, token: Interest = NOT_CANCELLED): Promise<Postmortem | undefined> {
    const host = this.host.analysisHost;
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
  reportDone(): void {
    clearTimeout(this.reportIdle);
    this.reportIdle = setTimeout(() => this.host.analysisHost?.forget(REPORT_WORKER), REPORT_WORKER_IDLE_MS);
    this.reportIdle.unref?.();
  }

  /** Re-reads the workspace's postmortems under these folders (URIs). */
  reindex(folders: string[]): Promise<void> {
    return this.index.rebuild(folders);
  }

  /**
   * An open document's items are those of its current analysis (no second parse); too large or not a
   * postmortem: none; not analysed (withheld): the items it had stay. What the index reads (the
   * action items, and the lines they start on) is asked of the analysis worker once per version, a
   * moment after typing stops, never on the keystroke path.
   */
  async indexOpenDocument(uri: string): Promise<void> {
    const checked = await this.analysisFor(uri);
    if (checked.kind === 'ok') {
      const source = await checked.checked.query({ kind: 'index' });
      if (!source || this.documents.get(uri)?.version !== checked.checked.version) return;
      const lineOf = new Map(source.model.actionItems.map((item, i) => [item.start, source.itemLines[i]]));
      this.index.setAnalysis(uri, { text: checked.document.getText(), model: source.model, lines: { line: (offset) => lineOf.get(offset) ?? 0 } });
    } else if (checked.kind !== 'stale' && checked.kind !== 'withheld') this.index.remove(uri);
  }

  /** Markdown files changed on disk; open documents are the editor's. */
  async filesChanged(changes: Array<{ uri: string; deleted: boolean }>): Promise<void> {
    await Promise.all(changes.filter((c) => !this.documents.get(c.uri)).map((c) => (c.deleted ? this.index.remove(c.uri) : this.index.refreshFromDisk(c.uri))));
  }

  /** Settings changed: every configuration and analysis is recomputed. */
  settingsChanged(): void {
    this.settingsCache.clear();
    this.configCache.clear();
    this.forgetAnalyses();
  }

  /** A configuration file changed: configurations are read again. */
  configFilesChanged(): void {
    this.configCache.clear();
    this.forgetAnalyses();
  }

  /** Tracker states read in the background (handlers/trackerStates.ts) for each analysis; undefined turns action-item-drift off. */
  useTrackerStates(provider: (uri: string) => Record<string, TrackerState> | undefined): void {
    this.analyses.trackerStates = provider;
  }

  /** The tracker states changed: analyses are made again with them; run: onSave keeps the saved text and re-checks it. */
  trackerStatesChanged(): void {
    this.trackerStateChanges++;
    this.analyses.clear();
    for (const uri of this.frozen.keys()) this.refreeze.add(uri);
  }

  private forgetAnalyses(): void {
    this.analyses.clear();
    this.frozen.clear();
    this.refreeze.clear();
  }

  /** run: onSave shows the saved text's findings from now on. */
  saved(uri: string): void {
    this.frozen.delete(uri);
  }

  /** The document is the disk's again: forget its state and index the file as saved. */
  closed(uri: string): Promise<void> {
    this.analyses.delete(uri);
    this.frozen.delete(uri);
    this.settingsCache.delete(uri);
    this.configCache.delete(uri);
    return this.index.refreshFromDisk(uri);
  }

  dispose(): void {
    clearTimeout(this.reportIdle);
    this.host.analysisHost?.dispose();
    this.index.dispose();
  }
}
