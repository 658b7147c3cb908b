// The language server: a connection-free language service (service/) behind thin LSP handler
// modules (handlers/). This file only wires them together.
import type { Connection } from 'vscode-languageserver';
import type { AnalysisHost } from './analysis/host';
import type { ActionItemReader } from './indexExtraction';
import { Guard } from './guard';
import { clientAbilities, foldersOf, initializationSettings, NO_ABILITIES, serverCapabilities } from './handlers/capabilities';
import type { HandlerContext } from './handlers/context';
import { registerCustomRequests } from './handlers/customRequests';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { openDocuments } from './handlers/openDocuments';
import { actionItemsChangedNotifier, registerWorkspace } from './handlers/workspace';
import { NO_FILES, type FileSystem } from './service/fileSystem';
import { PostmortemService } from './service/languageService';
import { registerTrackerStates } from './handlers/trackerStates';

export interface ServerOptions {
  now?: () => Date;
  /** Runs analyses in workers (worker threads on Node, nested Web Workers on the web); without it, on the main thread, cooperatively. */
  host?: AnalysisHost;
  /** Reads the workspace index's files in a worker (a thread on Node, a nested Web Worker on the web); without it, on the main thread in slices. */
  indexReader?: ActionItemReader;
  /** Where .postmortemrc and the workspace's postmortems are read; without it, none are. */
  fs?: FileSystem;
  /** Said once in the client's log when it connects (what the process could not set up at start). */
  startupNotes?: readonly string[];
}

/** Starts serving; returns the guard, so the entry can route process-level failures through it. */
export function startServer(connection: Connection, options: ServerOptions = {}): Guard {
  const documents = openDocuments();
  // The service shows each message once; the guard reports through it (it runs only once both exist).
  const guard = new Guard({ log: (m) => connection.console.error(m), tell: (m) => service.tellOnce('error', m) });
  const service: PostmortemService = new PostmortemService(documents, {
    fs: options.fs ?? NO_FILES,
    now: options.now,
    analysisHost: options.host,
    indexReader: options.indexReader,
    log: (m) => connection.console.log(m),
    error: (m) => connection.console.error(m),
    tell: (kind, m) => void (kind === 'error' ? connection.window.showErrorMessage(`Postmortem: ${m}`) : connection.window.showWarningMessage(`Postmortem: ${m}`)),
    // Without workspace/configuration, settings come with initialize and workspace/didChangeConfiguration.
    settings: (uri) => (ctx.client.askConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }) : undefined),
    actionItemsChanged: actionItemsChangedNotifier(connection),
  });
  const ctx: HandlerContext = { connection, documents, service, guard, client: NO_ABILITIES, folders: [] };

  // Should reading the client's abilities fail, the server still starts with the capabilities every client has.
  connection.onInitialize(guard.request('Starting the server', serverCapabilities(NO_ABILITIES), (params) => {
    ctx.client = clientAbilities(params);
    ctx.folders = foldersOf(params);
    const initial = initializationSettings(params.initializationOptions);
    if (initial) service.setGlobalSettings(initial);
    for (const note of options.startupNotes ?? []) connection.console.info(note);
    return serverCapabilities(ctx.client);
  }));
  connection.onShutdown(guard.request('Shutting down', undefined, () => service.dispose()));

  const diagnostics = registerDiagnostics(ctx);
  registerWorkspace(ctx, diagnostics);
  registerLanguageFeatures(ctx);
  registerCustomRequests(ctx);
  registerTrackerStates(ctx, diagnostics, options.fs ?? NO_FILES);

  documents.listen(connection);
  connection.listen();
  return guard;
}
