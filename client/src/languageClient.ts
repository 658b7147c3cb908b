// Starts the language server over IPC and adapts two features to VS Code: the Outline (no heading
// twice) and "show documentation" (the docs page shipped with the extension).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ErrorHandler, CloseAction, ErrorAction, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SHOW_RULE_DOCUMENTATION } from '../../server/src/protocol';

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
function restartingErrorHandler(output: vscode.LogOutputChannel): ErrorHandler {
  let restarts = 0;
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      restarts++;
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('The Postmortem language server stopped unexpectedly and was restarted.', 'Show Log').then((choice) => {
          if (choice) output.show();
        });
      }
      return restarts <= 5 ? { action: CloseAction.Restart } : { action: CloseAction.DoNotRestart, message: 'The Postmortem language server crashed 5 times; it stays off until the window is reloaded.' };
    },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, openDocs: (ruleId: string) => Promise<void>): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }, { language: 'markdown', scheme: 'vscode-remote' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.postmortemrc*') },
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
    middleware: {
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
  return new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
}
