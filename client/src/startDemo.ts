// `npm start` sets POSTMORTEM_START_OPEN to an example: open it and show the Problems panel, so a new
// contributor sees findings at once. Nothing happens without the variable (or on the web).
import * as vscode from 'vscode';

export async function openStartExample(): Promise<void> {
  const file = typeof process === 'undefined' ? undefined : process.env.POSTMORTEM_START_OPEN;
  if (!file) return;
  // In the VS Code server the folder is a vscode-remote: URI; build the file's URI from it.
  const path = file.replace(/\\/g, '/');
  const folder = vscode.workspace.workspaceFolders?.find((f) => path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`));
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, path.slice(folder.uri.path.replace(/\/$/, '').length + 1));
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
