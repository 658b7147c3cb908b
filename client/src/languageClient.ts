// The desktop client: starts the language server as a Node process over IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { serverProcessOptions } from '../../server/src/serverLaunch';
import { clientOptions } from './clientOptions';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, openDocs: (ruleId: string) => Promise<void>): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: serverProcessOptions() },
    debug: { module, transport: TransportKind.ipc, options: serverProcessOptions(6019) },
  };
  const client: LanguageClient = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions(output, openDocs, () => client.initializeResult));
  return client;
}
