// Capabilities and handlers: adapts LSP to the engine and the feature modules.
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind,
  type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, isPostmortem, type CachedAnalysis, type Interest } from './documents';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { toDiagnostics, tooLargeDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { actionItemInsertion, timelineInsertion } from './features/insertions';
import { outline } from './features/outline';
import { documentSymbols } from './features/symbols';
import {
  ActionItemInsertionRequest, ActionItemsChangedNotification, ActionItemsRequest, OutlineRequest, SHOW_RULE_DOCUMENTATION, TimelineInsertionRequest,
  type ActionItemInsertionParams, type ActionItemsResult, type DocumentOutline, type OutlineParams, type TimelineInsertionParams,
} from './protocol';
import { WorkspaceIndex } from './workspaceIndex';
import { Guard, serverCancelled } from './guard';
import type { AnalysisHost } from './analysis/host';
import { handlesIn } from './model/actionItems';
import { RULES_BY_ID, ruleDocsUrl } from './rules/registry';
import { configFor, DEFAULT_SETTINGS, withDefaults, type DocumentConfig, type EditorSettings } from './settings';

const PUSH_DELAY_MS = 150;
/** The workspace index follows edits at a distance: it must never compete with diagnostics. */
const INDEX_DELAY_MS = 1000;
const MARKDOWN_FILE = /\.(?:md|markdown|mdx|qmd)$/i;

export interface ServerOptions {
  now?: () => Date;
  /** Runs analyses in worker threads (Node only); without it, they run on the main thread, cooperatively. */
  host?: AnalysisHost;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  const host = options.host;
  host?.setLog(log);
  const analyses = new AnalysisCache(now, (uri) => documents.get(uri)?.version, log, host);
  connection.onShutdown(() => host?.dispose());
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const configCache = new Map<string, Promise<DocumentConfig>>();
  const frozen = new Map<string, CachedAnalysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  const told = new Set<string>();
  let globalSettings = DEFAULT_SETTINGS;
  let pull = false;
  let canAskConfiguration = false;
  let canRefresh = false;
  let canWatchFolders = false;
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  let canShowDocument = false;
  let folders: string[] = [];
  const guard = new Guard({ log: (m) => connection.console.error(m), tell: (m) => tellOnce('error', m) });
  const indexTimers = new Map<string, NodeJS.Timeout>();
  let changeTimer: NodeJS.Timeout | undefined;
  const index = new WorkspaceIndex(
    (uri, text) => isPostmortem(uri, text, globalSettings.files),
    () => now().toISOString().slice(0, 10),
    () => {
      clearTimeout(changeTimer);
      changeTimer = setTimeout(() => void connection.sendNotification(ActionItemsChangedNotification), 300);
    },
    { log: (message) => connection.console.log(message), maxFileSize: () => globalSettings.maxFileSize },
  );
  const reindex = () => void index.rebuild(folders).catch((e: unknown) => guard.report('Indexing the workspace', e));
  const owners = async (): Promise<string[]> => {
    const open = documents.all().flatMap((d) => handlesIn(d.getText()));
    return [...new Set([...index.owners(), ...open])].sort();
  };

  connection.onInitialize((params): InitializeResult => {
    // Every client capability is checked before it is used: many editors announce few of them.
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    canAskConfiguration = !!caps.workspace?.configuration;
    canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    canWatchFolders = !!caps.workspace?.workspaceFolders;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    canRegisterWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canShowDocument = !!caps.window?.showDocument?.support;
    folders = foldersOf(params);
    // Without workspace/configuration, settings come with initialize and workspace/didChangeConfiguration.
    const initial = initializationSettings(params.initializationOptions);
    if (initial) globalSettings = withDefaults(initial);
    const result: InitializeResult = {
      serverInfo: { name: 'postmortem-language-server', version: PM_VERSION },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Postmortem' },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['#', '@', '+', 'd', 'w'] },
        executeCommandProvider: { commands: [SHOW_RULE_DOCUMENTATION] },
        ...(canWatchFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'postmortem', interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(guard.notification('Starting up', () => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(() => undefined);
    if (canRegisterWatchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc*' }, { globPattern: '**/*.{md,markdown,mdx,qmd}' }] }).catch(() => undefined);
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guard.notification('Workspace folders change', (e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
        reindex();
      }));
    }
    // The first scan waits for the first folder's settings (which files are postmortems), in the background.
    void (folders[0] ? settingsFor(folders[0]) : Promise.resolve(globalSettings)).then((s) => {
      globalSettings = s;
      reindex();
    });
  }));

  async function settingsFor(uri: string): Promise<EditorSettings> {
    if (!canAskConfiguration) return globalSettings;
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }).then(withDefaults, () => globalSettings);
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function tellOnce(kind: 'error' | 'warning', message: string): void {
    if (told.has(message)) return;
    told.add(message);
    if (kind === 'error') void connection.window.showErrorMessage(`Postmortem: ${message}`);
    else void connection.window.showWarningMessage(`Postmortem: ${message}`);
  }

  async function documentConfig(uri: string): Promise<DocumentConfig> {
    let pending = configCache.get(uri);
    if (!pending) {
      pending = settingsFor(uri).then((settings) => {
        const config = configFor(uri, settings);
        if (config.error) tellOnce('error', `${config.error} Using the default configuration.`);
        config.config.warnings.forEach((w) => tellOnce('warning', config.configFile ? `${config.configFile}: ${w}` : w));
        return config;
      });
      configCache.set(uri, pending);
    }
    return pending;
  }

  type Checked =
    | { kind: 'skip' }
    | { kind: 'stale' }
    | { kind: 'too-large'; limit: number }
    | { kind: 'ok'; cached: CachedAnalysis; document: TextDocument };

  /** A rule that threw is logged once per document and rule, and shown once per rule. */
  function reportRuleFailures(uri: string, cached: CachedAnalysis): void {
    for (const failure of cached.analysis.errors) {
      const key = `${uri}\u0000${failure.ruleId}`;
      if (told.has(key)) continue;
      told.add(key);
      connection.console.error(`Rule ${failure.ruleId} failed on ${uri}: ${failure.stack ?? failure.message}`);
      tellOnce('error', `The rule ${failure.ruleId} failed (${failure.message}), so its findings are missing. Check its options in the settings or .postmortemrc.`);
    }
  }

  /**
   * The analysis of an open postmortem. 'skip' for other documents; 'stale' when the document changed
   * or the request was cancelled while it ran (its positions would not match the text).
   */
  async function check(uri: string, token?: Interest): Promise<Checked> {
    const document = documents.get(uri);
    if (!document) return { kind: 'skip' };
    const config = await documentConfig(uri);
    const text = document.getText();
    if (!isPostmortem(uri, text, config.settings.files)) return { kind: 'skip' };
    if (text.length > config.settings.maxFileSize) return { kind: 'too-large', limit: config.settings.maxFileSize };
    const cached = await analyses.get(document, config, token);
    if (!cached || cached.version !== documents.get(uri)?.version) return { kind: 'stale' };
    reportRuleFailures(uri, cached);
    return { kind: 'ok', cached, document: documents.get(uri)! };
  }

  async function analysisFor(uri: string, token?: Interest): Promise<{ cached: CachedAnalysis; document: TextDocument } | undefined> {
    const checked = await check(uri, token);
    return checked.kind === 'ok' ? checked : undefined;
  }

  /** Diagnostics of the document's current version, or undefined when that version was superseded. */
  async function diagnosticsFor(uri: string, token?: Interest): Promise<Diagnostic[] | undefined> {
    const checked = await check(uri, token);
    if (checked.kind === 'skip') return [];
    if (checked.kind === 'stale') return undefined;
    const document = documents.get(uri)!;
    if (checked.kind === 'too-large') return [tooLargeDiagnostic(document, checked.limit)];
    if (checked.cached.config.settings.run === 'onSave') {
      // On save: diagnostics of the last saved (or opened) text, placed against that text.
      const saved = frozen.get(uri) ?? checked.cached;
      frozen.set(uri, saved);
      return toDiagnostics(TextDocument.create(uri, 'markdown', saved.version, saved.analysis.text), saved);
    }
    return toDiagnostics(checked.document, checked.cached);
  }

  function schedulePush(uri: string): void {
    if (pull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(guard.notification('Publishing diagnostics', async () => {
      timers.delete(uri);
      const version = documents.get(uri)?.version;
      const diagnostics = await diagnosticsFor(uri);
      // Never publish a stale version's diagnostics over a newer one.
      const current = documents.get(uri);
      if (!diagnostics || !current || current.version !== version) return;
      await connection.sendDiagnostics({ uri, version, diagnostics });
    }), PUSH_DELAY_MS));
  }

  function refreshAll(): void {
    analyses.clear();
    frozen.clear();
    if (pull) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else documents.all().forEach((d) => schedulePush(d.uri));
  }

  /** The index reads open documents too, with the same size limit as the editor. */
  async function indexOpenDocument(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const config = await documentConfig(uri);
    if (document.getText().length > config.settings.maxFileSize) index.remove(uri);
    else index.setText(uri, document.getText());
  }

  documents.onDidOpen(guard.notification('Opening a document', (e) => schedulePush(e.document.uri)));
  documents.onDidChangeContent(guard.notification('Reading an edit', async (e) => {
    const uri = e.document.uri;
    clearTimeout(indexTimers.get(uri));
    indexTimers.set(uri, setTimeout(guard.notification('Indexing an open document', () => {
      indexTimers.delete(uri);
      return indexOpenDocument(uri);
    }), INDEX_DELAY_MS));
    const config = await documentConfig(e.document.uri);
    if (config.settings.run === 'onType') schedulePush(e.document.uri);
  }));
  documents.onDidSave(guard.notification('Saving a document', (e) => {
    frozen.delete(e.document.uri);
    if (pull) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else schedulePush(e.document.uri);
  }));
  documents.onDidClose(guard.notification('Closing a document', (e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    analyses.delete(uri);
    frozen.delete(uri);
    settingsCache.delete(uri);
    configCache.delete(uri);
    clearTimeout(indexTimers.get(uri));
    void index.refreshFromDisk(uri).catch((error: unknown) => guard.report('Indexing a closed document', error));
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }));

  connection.onDidChangeConfiguration(guard.notification('Reading changed settings', (change) => {
    const pushed = initializationSettings(change.settings);
    if (pushed) globalSettings = withDefaults(pushed);
    settingsCache.clear();
    configCache.clear();
    refreshAll();
  }));
  connection.onDidChangeWatchedFiles(guard.notification('Reading changed files', ({ changes }) => {
    if (changes.some((c) => /\.postmortemrc/.test(c.uri))) {
      configCache.clear();
      refreshAll();
    }
    for (const change of changes.filter((c) => MARKDOWN_FILE.test(c.uri) && !documents.get(c.uri))) {
      if (change.type === FileChangeType.Deleted) index.remove(change.uri);
      else void index.refreshFromDisk(change.uri).catch((error: unknown) => guard.report('Indexing a changed file', error));
    }
  }));

  connection.languages.diagnostics.on(guard.request('Diagnostics', { kind: 'full' as const, items: [] as Diagnostic[] }, async (params, token) => {
    const items = await diagnosticsFor(params.textDocument.uri, token);
    // A superseded or cancelled answer would be empty or misplaced: the client asks again.
    if (!items || token.isCancellationRequested) throw serverCancelled();
    return { kind: 'full' as const, items };
  }));

  connection.onCodeAction(guard.request('Code actions', [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found || token.isCancellationRequested) return [];
    return codeActions(found.document, found.cached, params);
  }));
  connection.onHover(guard.request('Hover', null, async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? hover(found.document, found.cached, params.position) : null;
  }));
  connection.onDocumentSymbol(guard.request('Document symbols', [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? documentSymbols(found.document, found.cached) : [];
  }));
  connection.onCodeLens(guard.request('Code lenses', [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? codeLenses(found.document, found.cached, now()) : [];
  }));
  connection.onCompletion(guard.request('Completion', [], async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found || token.isCancellationRequested) return [];
    return completions(found.document, found.cached, params.position, now(), owners);
  }));
  connection.onExecuteCommand(guard.request('Showing rule documentation', null, async (params) => {
    const id = String(params.arguments?.[0] ?? '');
    if (params.command !== SHOW_RULE_DOCUMENTATION || !RULES_BY_ID.has(id)) return null;
    // Clients without window/showDocument get the address as a message.
    if (canShowDocument) await connection.window.showDocument({ uri: ruleDocsUrl(id), external: true });
    else void connection.window.showInformationMessage(`Documentation for ${id}: ${ruleDocsUrl(id)}`);
    return null;
  }));

  connection.onRequest(OutlineRequest, guard.request('Outline', null as DocumentOutline | null, async (params: OutlineParams): Promise<DocumentOutline> => {
    const found = await analysisFor(params.uri);
    if (!found) return { uri: params.uri, isPostmortem: false, sections: [], timeline: { entries: [], findings: [], metrics: { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, impactMinutes: null } }, actionItems: [] };
    return outline(params.uri, found.cached.analysis, found.cached.config.config.shared.requiredSections, now());
  }));
  connection.onRequest(ActionItemsRequest, guard.request('Action items', { items: [], indexing: false } as ActionItemsResult, (): ActionItemsResult => ({ items: index.items(), indexing: index.indexing })));
  connection.onRequest(TimelineInsertionRequest, guard.request('Timeline insertion', null, async (params: TimelineInsertionParams) => {
    const found = await analysisFor(params.uri);
    if (!found) return null;
    const settings = found.cached.config.settings;
    return timelineInsertion(found.document, found.cached, new Date(params.now), params.format ?? settings.timeline.format, settings.timeline.timezone);
  }));
  connection.onRequest(ActionItemInsertionRequest, guard.request('Action item insertion', null, async (params: ActionItemInsertionParams) => {
    const found = await analysisFor(params.uri);
    return found ? actionItemInsertion(found.document, found.cached, params) : null;
  }));

  documents.listen(connection);
  connection.listen();
}

/** Workspace folders, else the root URI, else the root path (older clients). */
function foldersOf(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  return params.rootPath ? [pathToFileURL(params.rootPath).toString()] : [];
}

const SETTING_KEYS = ['files', 'rules', 'run', 'timeline', 'actionItems', 'maxFileSize'];

/** Settings sent as `{ postmortem: {...} }` or as the bare object (clients differ). */
function initializationSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const wrapped = (raw as { postmortem?: unknown }).postmortem;
  if (wrapped && typeof wrapped === 'object') return wrapped;
  return SETTING_KEYS.some((k) => k in raw) ? raw : undefined;
}
