// `npm start` names an example (POSTMORTEM_START_OPEN, or `postmortem.startExample` in the settings of
// the VS Code profile it creates, since the VS Code server does not pass its environment on): open it
// and show the Problems panel, so a new contributor sees findings at once. Otherwise nothing happens.
import * as vscode from 'vscode';

export async function openStartExample(): Promise<void> {
  const file = (typeof process === 'undefined' ? undefined : process.env.POSTMORTEM_START_OPEN) ?? vscode.workspace.getConfiguration('postmortem').get<string>('startExample');
  if (!file) return;
  // In the VS Code server the folder is a vscode-remote: URI; build the file's URI from it.
  const path = file.replace(/\\/g, '/');
  const folder = vscode.workspace.workspaceFolders?.find((f) => path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`));
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, path.slice(folder.uri.path.replace(/\/$/, '').length + 1));
  await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
