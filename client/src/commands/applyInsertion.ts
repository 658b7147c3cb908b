import * as vscode from 'vscode';
import type { Insertion, InsertionAnswer } from '../../../server/src/protocol';
import { settledInsertion, type Refusal } from './insertionAnswer';

/** Applies a server-computed insertion through the editor (so undo works) and places the cursor. */
export async function applyInsertion(editor: vscode.TextEditor, insertion: Insertion): Promise<boolean> {
  const { range, newText } = insertion.edit;
  const at = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  // VS Code refuses the edit when the document changed since the version was read (the check is in insertFromServer).
  const applied = await editor.edit((builder) => builder.replace(at, newText));
  if (!applied) {
    void vscode.window.showWarningMessage(refusalMessage('moved'));
    return false;
  }
  const cursor = new vscode.Position(insertion.cursor.line, insertion.cursor.character);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** What the user is told when nothing was inserted; `entered` (the user's own text) is repeated so it is not lost. */
function refusalMessage(why: Refusal, entered?: string, detail?: string): string {
  switch (why) {
    case 'withheld':
      return vscode.l10n.t('Nothing was inserted: {0}', detail ?? '');
    case 'not-postmortem':
      return vscode.l10n.t('This document is not recognised as a postmortem. Add `type: postmortem` to its front matter, or see the postmortem.files setting.');
    case 'too-large':
      return vscode.l10n.t('This document is larger than postmortem.maxFileSize, so it is not analysed and nothing was inserted. Raise the setting for its folder to use this command here.');
    case 'unavailable':
      return vscode.l10n.t('The language server could not read back its check of this document, so nothing was inserted. Run the command again; the Postmortem output may say more.');
    case 'moved':
    case 'superseded':
      return entered === undefined
        ? vscode.l10n.t('The document kept changing while the text was being placed, so nothing was inserted. Run the command again.')
        : vscode.l10n.t('The document kept changing while the text was being placed, so nothing was inserted. Run the command again to add: {0}', entered);
    default:
      return vscode.l10n.t('The Postmortem language server gave no answer (see the Postmortem output), so nothing was inserted.');
  }
}

/**
 * Asks the server where to insert and applies the answer only to the version it was placed in
 * (asking again when the user typed meanwhile); otherwise says why nothing was inserted.
 */
export async function insertFromServer(editor: vscode.TextEditor, ask: () => Promise<InsertionAnswer>, entered?: string): Promise<boolean> {
  const outcome = await settledInsertion(ask, () => editor.document.version);
  if (outcome.kind === 'apply') return applyInsertion(editor, outcome.insertion);
  const message = refusalMessage(outcome.why, entered, outcome.detail);
  void (outcome.why === 'not-postmortem' ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
  return false;
}

/** The Markdown editor a command acts on: the active one, or (from the walkthrough or a view) a visible one. */
export function markdownEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
}

export function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = markdownEditor();
  if (editor) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a postmortem (a Markdown file) first.'));
  return undefined;
}
