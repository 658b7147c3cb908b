import * as vscode from 'vscode';
import type { Insertion, InsertionWithheld } from '../../../server/src/protocol';

/** Applies a server-computed insertion through the editor (so undo works) and places the cursor. */
export async function applyInsertion(editor: vscode.TextEditor, insertion: Insertion): Promise<boolean> {
  const { range, newText } = insertion.edit;
  const at = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const applied = await editor.edit((builder) => builder.replace(at, newText));
  if (!applied) return false;
  const cursor = new vscode.Position(insertion.cursor.line, insertion.cursor.character);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/**
 * The server withheld the insertion (the document's analysis ran past its time budget or failed, so
 * where the section is cannot be known): shows why and inserts nothing. True when it did so.
 */
export function showWithheld(answer: Insertion | InsertionWithheld | null): answer is InsertionWithheld {
  if (!answer || !('withheld' in answer)) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was inserted: {0}', answer.withheld));
  return true;
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
