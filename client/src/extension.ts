// The desktop (Node) entry: the language server runs as a Node process over IPC.
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateWith, type PostmortemApi } from './activation';
import { createLanguageClient } from './languageClient';
import { openStartExample } from './startDemo';
import { registerTrackerFeatures } from './trackers/register';

export type { PostmortemApi } from './activation';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const api = await activateWith(context, createLanguageClient);
  client = api.client;
  registerTrackerFeatures(context, api);
  void openStartExample().catch(() => undefined);
  return api;
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
}
