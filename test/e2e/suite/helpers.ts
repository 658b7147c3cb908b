import { existsSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'postmortem-tools.postmortem';

export function workspaceFile(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...parts);
}

export async function api(): Promise<PostmortemApi> {
  const extension = vscode.extensions.getExtension<PostmortemApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Resolves when `predicate` holds for the document's diagnostics; waits on the event, never on a timer. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (predicate(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for diagnostics: ${what}; have ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`));
    }, ms);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function openWith(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Asks the launcher for a screenshot of the workbench and waits until it is written. Only the
 * launcher (VS Code server + headless Chromium) can take one; in desktop VS Code this does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.POSTMORTEM_E2E_SCREENSHOTS;
  if (process.env.POSTMORTEM_E2E_LAUNCHER !== '1' || !dir) return;
  const path = `${dir}/${name}.png`;
  const done = `${path}.done`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no screenshot within 30 s')), 30_000);
    const poll = setInterval(() => {
      if (!existsSync(done)) return;
      clearInterval(poll);
      clearTimeout(timer);
      rmSync(done);
      resolve();
    }, 100);
    console.log(`[screenshot] ${path}`);
  });
}
