// Engine offsets as LSP positions, made in the analysis worker from the line index the analysis
// already built, so the server's main thread does not index the lines of every version again just
// to place its diagnostics (on a 15,000-line document that scan ran on each keystroke).
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex } from '../engine/lineIndex';

const isBreak = (code: number) => code === 10 || code === 13;

/**
 * An offset as LSP's position, placed exactly as vscode-languageserver-textdocument places it: UTF-16
 * units, clamped to the text, and an offset inside a line break moved before the break.
 */
export function lspPosition(text: string, lines: LineIndex, offset: number): Position {
  const at = Math.max(0, Math.min(offset, text.length));
  const { line, character } = lines.position(at);
  const lineStart = at - character;
  let end = at;
  while (end > lineStart && isBreak(text.charCodeAt(end - 1))) end--;
  return { line, character: end - lineStart };
}

export function lspRange(text: string, lines: LineIndex, start: number, end: number): Range {
  return { start: lspPosition(text, lines, start), end: lspPosition(text, lines, end) };
}
