import * as vscode from 'vscode';
import { actionsCsv, actionsMarkdown, type ActionRow } from '../../../server/src/cli/reports';
import type { IndexedActionItem } from '../../../server/src/protocol';

/** Export Action Items: the same CSV, JSON or Markdown checklist as `postmortem-lint actions`. */
export async function exportActionItems(items: IndexedActionItem[], format?: 'csv' | 'json' | 'markdown', saveTo?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = format ?? (await vscode.window.showQuickPick(['csv', 'json', 'markdown'], { title: vscode.l10n.t('Export Action Items'), placeHolder: vscode.l10n.t('Format') })) as typeof format;
  if (!chosen) return undefined;
  const rows: ActionRow[] = items.map((i) => ({
    file: vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri)), line: i.line + 1, text: i.text, owner: i.owner, due: i.due, status: i.status, tracker: i.tracker, overdue: i.overdue,
  }));
  const text = chosen === 'csv' ? actionsCsv(rows) : chosen === 'json' ? JSON.stringify(rows, null, 2) + '\n' : actionsMarkdown(rows);
  const extension = chosen === 'markdown' ? 'md' : chosen;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const destination = saveTo ?? (await vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, `action-items.${extension}`), title: vscode.l10n.t('Export Action Items') }));
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
  return destination;
}
