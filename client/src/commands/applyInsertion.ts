import * as vscode from 'vscode';
import type { Insertion } from '../../../server/src/protocol';

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

export function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('Open a postmortem (a Markdown file) first.');
  return undefined;
}
