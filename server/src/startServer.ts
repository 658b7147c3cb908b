// Capabilities and handlers: adapts LSP to the engine and the feature modules.
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind,
  type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
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
import { handlesIn } from './model/actionItems';
import { RULES_BY_ID, ruleDocsUrl } from './rules/registry';
import { configFor, DEFAULT_SETTINGS, withDefaults, type DocumentConfig, type EditorSettings } from './settings';

const PUSH_DELAY_MS = 150;
/** The workspace index follows edits at a distance: it must never compete with diagnostics. */
const INDEX_DELAY_MS = 1000;
const MARKDOWN_FILE = /\.(?:md|markdown|mdx|qmd)$/i;

export function startServer(connection: Connection, now: () => Date = () => new Date()): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache(now, (uri) => documents.get(uri)?.version, (message) => connection.console.log(message));
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const configCache = new Map<string, Promise<DocumentConfig>>();
  const frozen = new Map<string, CachedAnalysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  const told = new Set<string>();
  let globalSettings = DEFAULT_SETTINGS;
  let pull = false;
  let canAskConfiguration = false;
  let canRefresh = false;
  let folders: string[] = [];
  const indexTimers = new Map<string, NodeJS.Timeout>();
  let changeTimer: NodeJS.Timeout | undefined;
  const index = new WorkspaceIndex(
    (uri, text) => isPostmortem(uri, text, globalSettings.files),
    () => now().toISOString().slice(0, 10),
    () => {
      clearTimeout(changeTimer);
      changeTimer = setTimeout(() => void connection.sendNotification(ActionItemsChangedNotification), 300);
    },
  );
  const reindex = () => void index.rebuild(folders).catch((e) => connection.console.error(`Indexing the workspace failed: ${String(e)}`));
  const owners = async (): Promise<string[]> => {
    const open = documents.all().flatMap((d) => handlesIn(d.getText()));
    return [...new Set([...index.owners(), ...open])].sort();
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    canAskConfiguration = !!caps.workspace?.configuration;
    canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
    if (pull) result.capabilities.diagnosticProvider = { identifier: 'postmortem', interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(() => {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(() => undefined);
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc*' }, { globPattern: '**/*.{md,markdown,mdx,qmd}' }] }).catch(() => undefined);
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
      reindex();
    });
    // The first scan waits for the first folder's settings (which files are postmortems), in the background.
    void (folders[0] ? settingsFor(folders[0]) : Promise.resolve(globalSettings)).then((s) => {
      globalSettings = s;
      reindex();
    });
  });

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

  type Checked = { kind: 'skip' } | { kind: 'too-large'; limit: number } | { kind: 'ok'; cached: CachedAnalysis; document: TextDocument };

  /** The analysis of an open postmortem; 'skip' for other documents and for work that was stopped. */
  async function check(uri: string, token?: Interest): Promise<Checked> {
    const document = documents.get(uri);
    if (!document) return { kind: 'skip' };
    const config = await documentConfig(uri);
    const text = document.getText();
    if (!isPostmortem(uri, text, config.settings.files)) return { kind: 'skip' };
    if (text.length > config.settings.maxFileSize) return { kind: 'too-large', limit: config.settings.maxFileSize };
    const cached = await analyses.get(document, config, token);
    // The document may have changed while the analysis ran: positions must match the text they came from.
    return cached && cached.version === document.version ? { kind: 'ok', cached, document } : { kind: 'skip' };
  }

  async function analysisFor(uri: string, token?: Interest): Promise<{ cached: CachedAnalysis; document: TextDocument } | undefined> {
    const checked = await check(uri, token);
    return checked.kind === 'ok' ? checked : undefined;
  }

  async function diagnosticsFor(uri: string, token?: Interest): Promise<Diagnostic[]> {
    const checked = await check(uri, token);
    if (checked.kind === 'skip') return [];
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
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      const version = documents.get(uri)?.version;
      void diagnosticsFor(uri).then((diagnostics) => {
        // Never publish a stale version's diagnostics over a newer one.
        const current = documents.get(uri);
        if (!current || current.version !== version) return;
        void connection.sendDiagnostics({ uri, version, diagnostics });
      });
    }, PUSH_DELAY_MS));
  }

  function refreshAll(): void {
    analyses.clear();
    frozen.clear();
    if (pull) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else documents.all().forEach((d) => schedulePush(d.uri));
  }

  documents.onDidOpen((e) => schedulePush(e.document.uri));
  documents.onDidChangeContent(async (e) => {
    const uri = e.document.uri;
    clearTimeout(indexTimers.get(uri));
    indexTimers.set(uri, setTimeout(() => {
      indexTimers.delete(uri);
      const document = documents.get(uri);
      if (document) index.setText(uri, document.getText());
    }, INDEX_DELAY_MS));
    const config = await documentConfig(e.document.uri);
    if (config.settings.run === 'onType') schedulePush(e.document.uri);
  });
  documents.onDidSave((e) => {
    frozen.delete(e.document.uri);
    if (pull) {
      if (canRefresh) void connection.languages.diagnostics.refresh();
    } else schedulePush(e.document.uri);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    analyses.delete(uri);
    frozen.delete(uri);
    settingsCache.delete(uri);
    configCache.delete(uri);
    clearTimeout(indexTimers.get(uri));
    void index.refreshFromDisk(uri);
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { postmortem?: unknown } | undefined)?.postmortem;
    if (pushed) globalSettings = withDefaults(pushed);
    settingsCache.clear();
    configCache.clear();
    refreshAll();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((c) => /\.postmortemrc/.test(c.uri))) {
      configCache.clear();
      refreshAll();
    }
    for (const change of changes.filter((c) => MARKDOWN_FILE.test(c.uri) && !documents.get(c.uri))) {
      if (change.type === FileChangeType.Deleted) index.remove(change.uri);
      else void index.refreshFromDisk(change.uri);
    }
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const items = await diagnosticsFor(params.textDocument.uri, token);
    return { kind: 'full', items: token.isCancellationRequested ? [] : items };
  });

  connection.onCodeAction(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found || token.isCancellationRequested) return [];
    return codeActions(found.document, found.cached, params);
  });
  connection.onHover(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? hover(found.document, found.cached, params.position) : null;
  });
  connection.onDocumentSymbol(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? documentSymbols(found.document, found.cached) : [];
  });
  connection.onCodeLens(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    return found && !token.isCancellationRequested ? codeLenses(found.document, found.cached, now()) : [];
  });
  connection.onCompletion(async (params, token) => {
    const found = await analysisFor(params.textDocument.uri, token);
    if (!found || token.isCancellationRequested) return [];
    return completions(found.document, found.cached, params.position, now(), owners);
  });
  connection.onExecuteCommand(async (params) => {
    const id = String(params.arguments?.[0] ?? '');
    if (params.command === SHOW_RULE_DOCUMENTATION && RULES_BY_ID.has(id)) await connection.window.showDocument({ uri: ruleDocsUrl(id), external: true });
  });

  connection.onRequest(OutlineRequest, async (params: OutlineParams): Promise<DocumentOutline> => {
    const found = await analysisFor(params.uri);
    if (!found) return { uri: params.uri, isPostmortem: false, sections: [], timeline: { entries: [], findings: [], metrics: { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, impactMinutes: null } }, actionItems: [] };
    return outline(params.uri, found.cached.analysis, found.cached.config.config.shared.requiredSections, now());
  });
  connection.onRequest(ActionItemsRequest, (): ActionItemsResult => ({ items: index.items(), indexing: index.indexing }));
  connection.onRequest(TimelineInsertionRequest, async (params: TimelineInsertionParams) => {
    const found = await analysisFor(params.uri);
    if (!found) return null;
    const settings = found.cached.config.settings;
    return timelineInsertion(found.document, found.cached, new Date(params.now), params.format ?? settings.timeline.format, settings.timeline.timezone);
  });
  connection.onRequest(ActionItemInsertionRequest, async (params: ActionItemInsertionParams) => {
    const found = await analysisFor(params.uri);
    return found ? actionItemInsertion(found.document, found.cached, params) : null;
  });

  documents.listen(connection);
  connection.listen();
}
