// Initialize: what the client can do (every capability is checked before it is used: many editors
// announce few of them) and what the server offers in return.
import { pathToFileURL } from 'node:url';
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../features/codeActions';
import { RULE_DOCS, RULE_DOCS_FROM_CODE, SHOW_RULE_DOCUMENTATION, type RuleDocs } from '../protocol';
import { RULES, ruleDocsUrl } from '../rules/registry';

/**
 * How a finding's docs link reaches the client: in each diagnostic's `codeDescription` ('field'),
 * made by the client from `code` with the table the initialize result gives it ('fromCode'; see
 * protocol.ts RULE_DOCS_FROM_CODE), or not at all (a client that declares no `codeDescriptionSupport`).
 */
export type DocsLinks = 'field' | 'fromCode' | 'none';

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
  docsLinks: DocsLinks;
}

export const NO_ABILITIES: ClientAbilities = {
  pull: false, askConfiguration: false, refreshDiagnostics: false, watchFolders: false, registerConfiguration: false, registerWatchers: false, showDocument: false, documentChanges: false, docsLinks: 'none',
};

/**
 * A client that asked to make docs links itself, else one that takes the field: pull clients of LSP
 * 3.17 declare `codeDescriptionSupport` only for pushed diagnostics (3.18 added it to pulled ones),
 * and a Diagnostic is the same structure either way, so either declaration counts.
 */
function docsLinksOf(params: InitializeParams): DocsLinks {
  const options: unknown = params.initializationOptions;
  if (options && typeof options === 'object' && (options as Record<string, unknown>)[RULE_DOCS_FROM_CODE] === true) return 'fromCode';
  const text = params.capabilities.textDocument;
  return text?.publishDiagnostics?.codeDescriptionSupport || text?.diagnostic?.codeDescriptionSupport ? 'field' : 'none';
}

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
    docsLinks: docsLinksOf(params),
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
  if (client.docsLinks === 'fromCode') result.capabilities.experimental = { [RULE_DOCS]: Object.fromEntries(RULES.map((r) => [r.id, ruleDocsUrl(r.id)])) satisfies RuleDocs };
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
