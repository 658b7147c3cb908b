// Client options shared by the desktop and web clients: which documents go to the server, and three
// features adapted to VS Code: the Outline (no heading twice), "show documentation" (the docs
// page shipped with the extension) and each finding's docs link (made here from its rule id).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type InitializeResult, type LanguageClientOptions } from 'vscode-languageclient';
import { RULE_DOCS_FROM_CODE, SHOW_RULE_DOCUMENTATION } from '../../server/src/protocol';
import { DocsLinker, ruleDocsOf } from './docsLinks';

/** Heading sections are already in VS Code's Markdown outline: keep only what it lacks. */
function withoutHeadings(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => {
    const children = withoutHeadings(s.children ?? []);
    if (s.kind !== vscode.SymbolKind.String) {
      s.children = children;
      return [s];
    }
    for (const child of children) child.detail = child.detail ? `${s.name} · ${child.detail}` : s.name;
    return children;
  });
}

/** Restarts a crashed server and tells the user once, with a way to the log. */
export function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  let restarts = 0;
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      restarts++;
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage(vscode.l10n.t('The Postmortem language server stopped unexpectedly and was restarted.'), vscode.l10n.t('Show Log')).then((choice) => {
          if (choice) output.show();
        });
      }
      return restarts <= 5 ? { action: CloseAction.Restart } : { action: CloseAction.DoNotRestart, message: vscode.l10n.t('The Postmortem language server crashed 5 times; it stays off until the window is reloaded.') };
    },
  };
}

/**
 * `initialized`: the server's initialize result once it answered (the client's `initializeResult`),
 * whose table of docs links the diagnostics middleware reads.
 */
export function clientOptions(output: vscode.LogOutputChannel, openDocs: (ruleId: string) => Promise<void>, initialized: () => InitializeResult | undefined): LanguageClientOptions {
  const links = new DocsLinker(() => ruleDocsOf(initialized()), (url) => vscode.Uri.parse(url));
  return {
    // Disk, unsaved, remote and virtual workspaces (vscode.dev / github.dev) alike; not `git:` or
    // diff views, whose old versions would report findings twice. The server decides which
    // documents are postmortems.
    documentSelector: ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'].map((scheme) => ({ language: 'markdown', scheme })),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortemrc*') },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
    // Findings come without their docs link (a quarter of each report's bytes): made here from `code`.
    initializationOptions: { [RULE_DOCS_FROM_CODE]: true },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, links.add(diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) links.add(report.items);
        return report;
      },
      provideDocumentSymbols: async (document, token, next) => {
        const symbols = await next(document, token);
        if (!symbols?.length || !('children' in symbols[0])) return symbols;
        return withoutHeadings(symbols as vscode.DocumentSymbol[]);
      },
      executeCommand: async (command, args, next) => {
        if (command === SHOW_RULE_DOCUMENTATION) return openDocs(String(args[0]));
        return next(command, args);
      },
    },
  };
}
