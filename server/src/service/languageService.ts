// The Postmortem language service: documents in, results out, no connection. It owns what every
// feature shares (settings and configuration per document, one analysis per version, the workspace
// index) and answers each feature through one helper, `analysisFor`: the analysis of a document's
// current version, or the reason there is none. The LSP handlers (handlers/) adapt it to a connection;
// unit tests drive it directly.
import { NO_METRICS } from '../model/metrics';
import type { ResolvedConfig } from '../config/types';
import type { Postmortem } from '../model/types';
import type { CodeAction, CodeActionParams, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHost } from '../analysis/host';
import { unpackSymbols } from '../features/queries';
import { AnalysisCache, isPostmortem, type Interest } from '../documents';
import { codeActions, type EditShape } from '../features/codeActions';
import { completions } from '../features/completion';
import { toDiagnostics, tooLargeDiagnostic } from '../features/diagnostics';
import { hover } from '../features/hover';
import { handlesIn } from '../model/actionItems';
import type { ActionItemInsertionParams, ActionItemsResult, DocumentOutline, Insertion, InsertionWithheld, NoInsertionReason, TimelineInsertionParams } from '../protocol';
import type { DocumentConfig, EditorSettings } from '../settings';
import { WorkspaceIndex } from '../workspaceIndex';
import type { ActionItemReader } from '../indexExtraction';
import type { FileSystem } from './fileSystem';
import type { TrackerState } from '../trackers/types';
import { DocumentAnalyses, NOT_CANCELLED, type Checked } from './analysisFor';
import { documentLength, type DocumentStore } from './documentStore';
import { DocumentSettings } from './documentSettings';
import { InsertionRequests } from './insertionRequests';
import { ReportAnalyses } from './reportAnalyses';
import { SavedFindings } from './savedFindings';
import { UserMessages } from './userMessages';

// What the handlers and tests import from the service.
export { documentLength, NOT_CANCELLED, type Checked, type DocumentStore };
export type { SizedDocument } from './documentStore';

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

export class PostmortemService {
  readonly index: WorkspaceIndex;
  private readonly analyses: AnalysisCache;
  private readonly messages: UserMessages;
  private readonly config: DocumentSettings;
  private readonly current: DocumentAnalyses;
  private readonly savedFindings: SavedFindings;
  private readonly reports: ReportAnalyses;
  private readonly insertions: InsertionRequests;
  readonly now: () => Date;

  constructor(private readonly documents: DocumentStore, private readonly host: ServiceHost) {
    this.now = host.now ?? (() => new Date());
    host.analysisHost?.setLog((m) => this.log(m));
    this.analyses = new AnalysisCache(this.now, (uri) => documents.get(uri)?.version, (m) => this.log(m), host.analysisHost);
    this.messages = new UserMessages(host.tell, host.error);
    this.config = new DocumentSettings(host.fs, this.messages, host.settings);
    this.current = new DocumentAnalyses(documents, this.config, this.analyses, this.messages);
    this.savedFindings = new SavedFindings(this.analyses);
    this.reports = new ReportAnalyses(host.analysisHost, (m) => this.log(m));
    this.insertions = new InsertionRequests(documents, this.current);
    this.index = new WorkspaceIndex(
      (uri, text) => isPostmortem(uri, text, this.config.global.files),
      () => this.now(),
      () => host.actionItemsChanged?.(),
      { fs: host.fs, log: (m) => this.log(m), maxFileSize: () => this.config.global.maxFileSize, reader: host.indexReader, isOpen: (uri) => !!documents.get(uri) },
    );
  }

  private log(message: string): void {
    this.host.log?.(message);
  }

  /** Shows a message once per server lifetime. */
  tellOnce(kind: 'error' | 'warning', message: string): void {
    this.messages.tellOnce(kind, message);
  }

  get settings(): EditorSettings {
    return this.config.global;
  }

  /** Settings that apply where the client cannot be asked per resource (initialize, didChangeConfiguration). */
  setGlobalSettings(raw: unknown): void {
    this.config.setGlobal(raw);
  }

  settingsFor(uri: string): Promise<EditorSettings> {
    return this.config.settingsFor(uri);
  }

  documentConfig(uri: string): Promise<DocumentConfig> {
    return this.config.documentConfig(uri);
  }

  /** The one way every feature gets at a document's analysis (analysisFor.ts). */
  analysisFor(uri: string, token: Interest = NOT_CANCELLED): Promise<Checked> {
    return this.current.analysisFor(uri, token);
  }

  /**
   * Diagnostics of the document's current version; undefined when that version was superseded or the
   * request cancelled. `docsLinks`: whether findings carry their docs link (features/diagnostics.ts).
   */
  async diagnostics(uri: string, token: Interest = NOT_CANCELLED, docsLinks = true): Promise<Diagnostic[] | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'skip') return [];
    if (checked.kind === 'stale') return undefined;
    if (checked.kind === 'too-large') return [tooLargeDiagnostic(checked.document, checked.limit)];
    if (checked.checked.config.settings.run === 'onSave') {
      // On save: diagnostics of the last saved (or opened) text, placed against that text.
      const saved = await this.savedFindings.shown(uri, checked.checked, token);
      return saved && toDiagnostics(TextDocument.create(uri, 'markdown', saved.version, saved.headline.text), saved, docsLinks);
    }
    return toDiagnostics(checked.document, checked.checked, docsLinks);
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
    const found = await this.current.found(uri, token);
    return found && hover(found.document, found.cached, position);
  }

  /** Asked after every change (the outline, breadcrumbs, sticky scroll). */
  async documentSymbols(uri: string, token: Interest = NOT_CANCELLED): Promise<DocumentSymbol[] | undefined> {
    const packed = await this.current.answer(uri, token, () => ({ kind: 'symbols' }));
    return packed && unpackSymbols(packed);
  }

  /** Asked after every change. */
  codeLenses(uri: string, token: Interest = NOT_CANCELLED): Promise<CodeLens[] | undefined> {
    return this.current.answer(uri, token, () => ({ kind: 'codeLenses', now: this.now().getTime() }));
  }

  async completion(uri: string, position: Position, token: Interest = NOT_CANCELLED): Promise<CompletionItem[] | undefined> {
    const found = await this.current.found(uri, token);
    return found && completions(found.document, found.cached, position, this.now(), () => this.owners());
  }

  /** The outline of a postmortem (the Postmortem view redraws it after changes); an empty one for other documents; undefined when cancelled or the analysis was withheld. */
  async outline(uri: string, token: Interest = NOT_CANCELLED): Promise<DocumentOutline | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested || checked.kind === 'withheld') return undefined;
    const drawn = checked.kind === 'ok' ? await this.current.answerOf(uri, checked, token, { kind: 'outline', uri, requiredSections: checked.checked.config.config.shared.requiredSections, now: this.now().getTime() }) : undefined;
    if (token.isCancellationRequested) return undefined;
    return drawn ?? { uri, isPostmortem: false, sections: [], timeline: { entries: [], findings: [], metrics: { ...NO_METRICS, countedInDays: [] } }, actionItems: [] };
  }

  /** The insertion, placed in (and naming) the current version; or why there is none; undefined when cancelled. */
  timelineInsertion(params: TimelineInsertionParams, token: Interest = NOT_CANCELLED): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    return this.insertions.timeline(params, token);
  }

  actionItemInsertion(params: ActionItemInsertionParams, token: Interest = NOT_CANCELLED): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    return this.insertions.actionItem(params, token);
  }

  actionItems(): ActionItemsResult {
    return { items: this.index.items(), indexing: this.index.indexing };
  }

  /** Owner handles of the workspace's postmortems and of the open documents. */
  async owners(): Promise<string[]> {
    const small = this.documents.all().filter((d) => documentLength(d) <= this.config.global.maxFileSize);
    const open = small.flatMap((d) => handlesIn(d.getText()));
    return [...new Set([...this.index.owners(), ...open])].sort();
  }

  /**
   * The model of a text for the follow-through report (a file, or an open document's text), off
   * this thread where it can be (reportAnalyses.ts); undefined when cancelled, stopped or failed.
   */
  reportModel(text: string, config: ResolvedConfig, now: Date, token: Interest = NOT_CANCELLED): Promise<Postmortem | undefined> {
    return this.reports.model(text, config, now, token);
  }

  /** The report is drawn: its worker goes once no drawing followed for a while. */
  reportDone(): void {
    this.reports.done();
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
    this.config.settingsChanged();
    this.forgetAnalyses();
  }

  /** A configuration file changed: configurations are read again. */
  configFilesChanged(): void {
    this.config.configFilesChanged();
    this.forgetAnalyses();
  }

  /** Tracker states read in the background (handlers/trackerStates.ts) for each analysis; undefined turns action-item-drift off. */
  useTrackerStates(provider: (uri: string) => Record<string, TrackerState> | undefined): void {
    this.analyses.trackerStates = provider;
  }

  /** The tracker states changed: analyses are made again with them; run: onSave keeps the saved text and re-checks it. */
  trackerStatesChanged(): void {
    this.analyses.clear();
    this.savedFindings.trackerStatesChanged();
  }

  private forgetAnalyses(): void {
    this.analyses.clear();
    this.savedFindings.clear();
  }

  /** run: onSave shows the saved text's findings from now on. */
  saved(uri: string): void {
    this.savedFindings.forget(uri);
  }

  /** The document is the disk's again: forget its state and index the file as saved. */
  closed(uri: string): Promise<void> {
    this.analyses.delete(uri);
    this.savedFindings.forget(uri);
    this.config.forget(uri);
    return this.index.refreshFromDisk(uri);
  }

  dispose(): void {
    this.reports.dispose();
    this.host.analysisHost?.dispose();
    this.index.dispose();
  }
}
