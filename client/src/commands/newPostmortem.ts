// New Postmortem: picks the workspace folder (multi-root), the kind or the workspace's own template,
// the severity and the title; writes `<date>-<title>.md` into postmortem.newPostmortem.folder.
import * as vscode from 'vscode';
import { confinedSegments, fillTemplate, slug } from '../templateText';
import { localToday } from '../../../server/src/model/calendar';
import { builtInTemplates, workspaceTemplates, type Template } from '../templates';

export interface NewPostmortemOptions {
  title?: string;
  /** A built-in kind (`incident`, `near-miss`, `security-incident`) or a workspace template's URI. */
  template?: string;
  severity?: string;
  /** The workspace folder's name or URI. */
  folder?: string;
  today?: () => Date;
}

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'];
const DEFAULT_FOLDER = 'postmortems';

async function pickFolder(wanted?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (wanted) return folders.find((f) => f.name === wanted || f.uri.toString() === wanted);
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder for the new postmortem{0}', active ? ` (${active.name})` : ''), ignoreFocusOut: true });
}

async function pickTemplate(folder: vscode.WorkspaceFolder, wanted: string | undefined, interactive: boolean): Promise<Template | undefined> {
  const all = [...builtInTemplates(), ...(await workspaceTemplates(folder))];
  if (wanted) return all.find((t) => t.id === wanted || t.label === wanted);
  if (!interactive) return all[0];
  type Item = vscode.QuickPickItem & { template?: Template };
  const items: Item[] = [];
  for (const [i, t] of all.entries()) {
    if (i === 0) items.push({ label: vscode.l10n.t('Kind of incident'), kind: vscode.QuickPickItemKind.Separator });
    if (t.kind === 'custom' && all[i - 1]?.kind !== 'custom') items.push({ label: vscode.l10n.t('This workspace\'s templates'), kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: t.label, description: t.description, template: t });
  }
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Postmortem (1/3): kind'), ignoreFocusOut: true });
  return pick?.template;
}

/** The target folder; a setting that leaves the workspace folder is refused and the default used. */
function targetFolder(folder: vscode.WorkspaceFolder): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('postmortem', folder.uri).get<string>('newPostmortem.folder', DEFAULT_FOLDER);
  let segments = confinedSegments(setting);
  if (!segments) {
    void vscode.window.showWarningMessage(vscode.l10n.t('postmortem.newPostmortem.folder ("{0}") points outside the workspace folder; using "{1}".', setting, DEFAULT_FOLDER));
    segments = [DEFAULT_FOLDER];
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Creates the file and opens it. From the palette (no options) it asks; called with options, it does not. */
export async function newPostmortem(options?: NewPostmortemOptions): Promise<vscode.Uri | undefined> {
  const interactive = options === undefined;
  const folder = await pickFolder(options?.folder);
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: New Postmortem creates the file inside it.'));
    return undefined;
  }
  const template = await pickTemplate(folder, options?.template, interactive);
  if (!template) return undefined;
  const severity = options?.severity ?? (interactive
    ? (await vscode.window.showQuickPick(SEVERITIES.map((s, i) => ({ label: s, description: i === 0 ? vscode.l10n.t('most severe') : undefined })), { title: vscode.l10n.t('New Postmortem (2/3): severity'), ignoreFocusOut: true }))?.label
    : 'SEV-3');
  if (!severity) return undefined;
  const title = options?.title ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('New Postmortem (3/3): title'), prompt: vscode.l10n.t('Title of the incident'), placeHolder: vscode.l10n.t('Checkout errors after a config change'), ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Give the incident a title.')),
  }));
  if (!title?.trim()) return undefined;
  const date = localToday((options?.today ?? (() => new Date()))());
  const dir = targetFolder(folder);
  const file = vscode.Uri.joinPath(dir, `${date}-${slug(title)}.md`);
  if (await exists(file)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; choose another title.', vscode.workspace.asRelativePath(file)));
    return undefined;
  }
  const timezone = vscode.workspace.getConfiguration('postmortem', folder.uri).get<string>('timeline.timezone') || 'UTC';
  const text = fillTemplate(await template.text(), { title: title.trim(), date, severity, timezone, kind: template.kind });
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  return file;
}
