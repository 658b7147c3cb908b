// The desktop (Node) entry: the language server runs as a Node process over IPC.
import type * as vscode from 'vscode';
import { activateWith, type PostmortemApi } from './activation';
import { createLanguageClient } from './languageClient';

export type { PostmortemApi } from './activation';
export { deactivate } from './activation';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  return activateWith(context, createLanguageClient);
}
