// Engine offsets to LSP ranges, always through TextDocument (LSP counts UTF-16 code units).
import type { Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, TextEdit as EngineEdit } from '../rules/types';

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toTextEdit(document: TextDocument, edit: EngineEdit): TextEdit {
  return { range: toRange(document, edit.start, edit.end), newText: edit.newText };
}

export interface LspFix {
  title: string;
  edits: TextEdit[];
}

export function toLspFix(document: TextDocument, fix: Fix): LspFix {
  return { title: fix.title, edits: fix.edits.map((e) => toTextEdit(document, e)) };
}
