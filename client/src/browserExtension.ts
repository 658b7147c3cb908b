// The web entry (vscode.dev, github.dev, a browser workbench): the same activation, with the language
// server in a web worker bundled with the extension.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith, type PostmortemApi } from './activation';
import { clientOptions } from './clientOptions';
import { serveWorkspaceFiles } from './workspaceFiles';

export type { PostmortemApi } from './activation';
export { deactivate } from './activation';

/**
 * A worker for the bundled server. On vscode.dev the extension is served over https and the script
 * URL works as is; from a VS Code server it is a vscode-remote: URI a browser cannot load, so the
 * script is read through vscode.workspace.fs and started from a blob: URL (same origin as the workbench).
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<MessageTransports> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'browser', 'server.js');
  let worker: Worker;
  if (script.scheme === 'https' || script.scheme === 'http') worker = new Worker(script.toString(true));
  else worker = new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(await vscode.workspace.fs.readFile(script))], { type: 'text/javascript' })));
  // Transports rather than the Worker itself: in the extension host the nested Worker is a stand-in
  // the client library does not recognise as a Worker.
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  return activateWith(context, (ctx, output, openDocs) => {
    const client: LanguageClient = new LanguageClient('postmortem', 'Postmortem', () => serverWorker(ctx.extensionUri), clientOptions(output, openDocs, () => client.initializeResult));
    // The worker reads .postmortemrc and indexes the workspace through these.
    serveWorkspaceFiles(client);
    return client;
  });
}
