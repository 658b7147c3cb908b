// Initialize: what the client can do (every capability is checked before it is used: many editors
// announce few of them) and what the server offers in return.
import { pathToFileURL } from 'node:url';
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../features/codeActions';
import { SHOW_RULE_DOCUMENTATION } from '../protocol';

export interface ClientAbilities {
  pull: boolean;
  askConfiguration: boolean;
  refreshDiagnostics: boolean;
  watchFolders: boolean;
  registerConfiguration: boolean;
  registerWatchers: boolean;
  showDocument: boolean;
  /** Takes versioned edits (WorkspaceEdit.documentChanges): code actions then name the version they fit. */
  documentChanges: boolean;
}

export const NO_ABILITIES: ClientAbilities = {
  pull: false, askConfiguration: false, refreshDiagnostics: false, watchFolders: false, registerConfiguration: false, registerWatchers: false, showDocument: false, documentChanges: false,
};

export function clientAbilities(params: InitializeParams): ClientAbilities {
  const caps = params.capabilities;
  return {
    pull: !!caps.textDocument?.diagnostic,
    askConfiguration: !!caps.workspace?.configuration,
    refreshDiagnostics: !!caps.workspace?.diagnostics?.refreshSupport,
    watchFolders: !!caps.workspace?.workspaceFolders,
    registerConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    registerWatchers: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    showDocument: !!caps.window?.showDocument?.support,
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
  };
}

export function serverCapabilities(client: ClientAbilities): InitializeResult {
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
      ...(client.watchFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
  };
  if (client.pull) result.capabilities.diagnosticProvider = { identifier: 'postmortem', interFileDependencies: false, workspaceDiagnostics: false };
  return result;
}

/** Workspace folders, else the root URI, else the root path (older clients). */
export function foldersOf(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  if (params.rootUri) return [params.rootUri];
  return params.rootPath ? [pathToFileURL(params.rootPath).toString()] : [];
}

const SETTING_KEYS = ['files', 'rules', 'run', 'timeline', 'actionItems', 'maxFileSize'];

/** Settings sent as `{ postmortem: {...} }` or as the bare object (clients differ). */
export function initializationSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const wrapped = (raw as { postmortem?: unknown }).postmortem;
  if (wrapped && typeof wrapped === 'object') return wrapped;
  return SETTING_KEYS.some((k) => k in raw) ? raw : undefined;
}
