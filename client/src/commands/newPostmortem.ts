import * as vscode from 'vscode';
import { postmortemTemplate, slug } from '../template';

/** Asks for a title, creates a dated file from the template in the configured folder, opens it. */
export async function newPostmortem(title?: string, today: () => Date = () => new Date()): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: New Postmortem creates the file inside it.');
    return undefined;
  }
  const name = title ?? (await vscode.window.showInputBox({ title: 'New Postmortem', prompt: 'Title of the incident', placeHolder: 'Checkout errors after a config change', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Give the incident a title.') }));
  if (!name?.trim()) return undefined;
  const config = vscode.workspace.getConfiguration('postmortem', folder.uri);
  const date = today().toISOString().slice(0, 10);
  const dir = vscode.Uri.joinPath(folder.uri, config.get<string>('newPostmortem.folder', 'postmortems'));
  const file = vscode.Uri.joinPath(dir, `${date}-${slug(name)}.md`);
  try {
    await vscode.workspace.fs.stat(file);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(file)} already exists; choose another title.`);
    return undefined;
  } catch {
    // Not there yet: the expected case.
  }
  const zone = config.get<string>('timeline.timezone') || 'UTC';
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(postmortemTemplate(name.trim(), date, zone)));
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  return file;
}
