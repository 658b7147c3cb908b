// Documents opening, changing, saving and closing; settings, configuration files and Markdown files
// changing; workspace folders coming and going. Each tells the service and, where findings may have
// changed, the diagnostics channel. The workspace index follows at a distance.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, type Connection } from 'vscode-languageserver';
import { ActionItemsChangedNotification } from '../protocol';
import type { HandlerContext } from './context';
import { initializationSettings } from './capabilities';
import type { DiagnosticsChannel } from './diagnostics';

/** The workspace index follows edits at a distance: it must never compete with diagnostics. */
const INDEX_DELAY_MS = 1000;
/** Action item changes come in bursts (a scan, a branch switch): the client hears once per burst. */
export const ACTION_ITEMS_CHANGED_DELAY_MS = 300;
const MARKDOWN_FILE = /\.(?:md|markdown|mdx|qmd)$/i;

/** A notification that fires once, `delay` after the last call. */
export function debounced(delay: number, fire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fire, delay);
  };
}

export function actionItemsChangedNotifier(connection: Pick<Connection, 'sendNotification'>): () => void {
  return debounced(ACTION_ITEMS_CHANGED_DELAY_MS, () => void connection.sendNotification(ActionItemsChangedNotification));
}

export function registerWorkspace(ctx: HandlerContext, diagnostics: DiagnosticsChannel): void {
  const { connection, documents, service, guard } = ctx;
  const indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const reindex = () => void service.reindex(ctx.folders).catch((e: unknown) => guard.report('Indexing the workspace', e));

  connection.onInitialized(guard.notification('Starting up', () => {
    if (ctx.client.registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(() => undefined);
    if (ctx.client.registerWatchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc*' }, { globPattern: '**/*.{md,markdown,mdx,qmd}' }] }).catch(() => undefined);
    if (ctx.client.watchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guard.notification('Workspace folders change', (e) => {
        ctx.folders = [...ctx.folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
        reindex();
      }));
    }
    // The first scan waits for the first folder's settings (which files are postmortems), in the background.
    const first = ctx.folders[0];
    guard.notification('Reading the first folder\'s settings', async () => {
      service.setGlobalSettings(first ? await service.settingsFor(first) : service.settings);
      reindex();
    })();
  }));

  documents.onDidOpen(guard.notification('Opening a document', (e) => diagnostics.schedule(e.document.uri)));
  documents.onDidChangeContent(guard.notification('Reading an edit', async (e) => {
    const uri = e.document.uri;
    clearTimeout(indexTimers.get(uri));
    indexTimers.set(uri, setTimeout(guard.notification('Indexing an open document', () => {
      indexTimers.delete(uri);
      return service.indexOpenDocument(uri);
    }), INDEX_DELAY_MS));
    const config = await service.documentConfig(uri);
    if (config.settings.run === 'onType') diagnostics.schedule(uri);
  }));
  documents.onDidSave(guard.notification('Saving a document', (e) => {
    service.saved(e.document.uri);
    diagnostics.refresh([e.document.uri]);
  }));
  documents.onDidClose(guard.notification('Closing a document', (e) => {
    const uri = e.document.uri;
    clearTimeout(indexTimers.get(uri));
    diagnostics.closed(uri);
    void service.closed(uri).catch((error: unknown) => guard.report('Indexing a closed document', error));
  }));

  connection.onDidChangeConfiguration(guard.notification('Reading changed settings', (change) => {
    const pushed = initializationSettings(change.settings);
    if (pushed) service.setGlobalSettings(pushed);
    service.settingsChanged();
    diagnostics.refresh();
  }));
  connection.onDidChangeWatchedFiles(guard.notification('Reading changed files', ({ changes }) => {
    if (changes.some((c) => /\.postmortemrc/.test(c.uri))) {
      service.configFilesChanged();
      diagnostics.refresh();
    }
    const markdown = changes.filter((c) => MARKDOWN_FILE.test(c.uri)).map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted }));
    if (markdown.length) void service.filesChanged(markdown).catch((error: unknown) => guard.report('Indexing a changed file', error));
  }));
}
