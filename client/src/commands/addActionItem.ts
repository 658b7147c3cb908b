import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ActionItemInsertionRequest, type ActionItemInsertionParams, type InsertionAnswer } from '../../../server/src/protocol';
import { addDays, localToday } from '../../../server/src/model/calendar';
import { activeMarkdownEditor, insertFromServer } from './applyInsertion';

/** The date `days` after today in the user's own zone, not in UTC. */
export function inDays(days: number, now = new Date()): string {
  return addDays(localToday(now), days);
}

export async function addActionItem(client: LanguageClient): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Add Action Item (1/3)'), prompt: vscode.l10n.t('What will change? A specific, checkable change.'), placeHolder: vscode.l10n.t('Alert on config values over the broker limit'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Describe the change.')) });
  if (!text) return false;
  const owner = await vscode.window.showInputBox({ title: vscode.l10n.t('Add Action Item (2/3)'), prompt: vscode.l10n.t('Who owns it? One person.'), placeHolder: '@handle', ignoreFocusOut: true });
  if (owner === undefined) return false;
  const days = vscode.workspace.getConfiguration('postmortem', editor.document.uri).get<number>('actionItems.defaultDueDays', 14);
  const due = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Action Item (3/3)'), prompt: vscode.l10n.t('When is it due? (YYYY-MM-DD)'), value: inDays(days), ignoreFocusOut: true,
    validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v)) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD.')),
  });
  if (!due) return false;
  const params: ActionItemInsertionParams = { uri: editor.document.uri.toString(), text, owner: owner.trim(), due: due.trim() };
  // The item is repeated in the message when it could not be placed, so what the user typed is not lost.
  return insertFromServer(editor, () => client.sendRequest<InsertionAnswer>(ActionItemInsertionRequest, params), `${text} (${owner.trim()}, ${due.trim()})`);
}
