// The open documents as the editor sends them. A very large document keeps its text as an array of
// lines: an edit replaces the lines it touches instead of building the whole text again. A 4 MB
// document (over postmortem.maxFileSize, so never analysed) otherwise left 4-8 MB of garbage per
// keystroke, and the server's memory rose by 170 MB while one typed into it.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { SizedDocument } from '../service/languageService';

/** Above this many characters a document is kept as lines (the default postmortem.maxFileSize). */
export const LINES_ABOVE_CHARS = 1_000_000;

/** Splits text into lines that keep their line breaks (\r\n, \n or \r), so joining them gives the text back. */
function splitLines(text: string): string[] {
  const lines: string[] = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  if (lines.length === 0 || /[\r\n]$/.test(text)) lines.push('');
  return lines;
}

const breakLength = (line: string) => (line.endsWith('\r\n') ? 2 : /[\r\n]$/.test(line) ? 1 : 0);

/** A text document stored as lines; positions and offsets are UTF-16 code units, as LSP counts them. */
export class LineDocument implements TextDocument, SizedDocument {
  private lines: string[];
  private length: number;

  constructor(readonly uri: string, readonly languageId: string, public version: number, text: string) {
    this.lines = splitLines(text);
    this.length = text.length;
  }

  /** Its length, without joining its lines. */
  get textLength(): number {
    return this.length;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    if (!range) return this.lines.join('');
    const start = this.clamp(range.start);
    const end = this.clamp(range.end);
    if (start.line === end.line) return this.lines[start.line].slice(start.character, end.character);
    return this.lines[start.line].slice(start.character) + this.lines.slice(start.line + 1, end.line).join('') + this.lines[end.line].slice(0, end.character);
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.length;
    const { line, character } = this.clamp(position);
    let offset = 0;
    for (let i = 0; i < line; i++) offset += this.lines[i].length;
    return offset + character;
  }

  positionAt(offset: number): Position {
    let rest = Math.max(0, Math.min(offset, this.length));
    for (let line = 0; line < this.lines.length; line++) {
      const text = this.lines[line];
      if (rest < text.length || line === this.lines.length - 1) return { line, character: Math.min(rest, text.length - breakLength(text)) };
      rest -= text.length;
    }
    return { line: 0, character: 0 };
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lines.length - 1);
    const text = this.lines[at];
    return { start: { line: at, character: 0 }, end: { line: at, character: text.length - breakLength(text) } };
  }

  getEOLCharacters(line: number): string {
    const text = this.lines[line];
    return text === undefined ? '' : text.slice(text.length - breakLength(text));
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.lines = splitLines(change.text);
        this.length = change.text.length;
        continue;
      }
      let start = this.clamp(change.range.start);
      const end = this.clamp(change.range.end);
      // A line ending in \r re-joins the edit: should the edit bring a \n after it, the two are one break.
      if (start.line > 0 && start.character === 0 && this.lines[start.line - 1].endsWith('\r')) start = { line: start.line - 1, character: this.lines[start.line - 1].length };
      const before = this.lines[start.line].slice(0, start.character);
      const after = this.lines[end.line].slice(end.character);
      const replaced = splitLines(before + change.text + after);
      // `after` keeps the end line's break, after which splitting adds an empty line that is the next line's start.
      if (end.line < this.lines.length - 1) replaced.pop();
      let removed = 0;
      for (let i = start.line; i <= end.line; i++) removed += this.lines[i].length;
      this.lines.splice(start.line, end.line - start.line + 1, ...replaced);
      this.length += replaced.reduce((n, l) => n + l.length, 0) - removed;
    }
    this.version = version;
  }

  /** A position inside the text: past a line's end (its break excluded) is its end; past the last line, the text's end. */
  private clamp(position: Position): Position {
    if (position.line >= this.lines.length) {
      const line = this.lines.length - 1;
      return { line, character: this.lines[line].length };
    }
    const line = Math.max(0, position.line);
    const text = this.lines[line];
    return { line, character: Math.max(0, Math.min(position.character, text.length - breakLength(text))) };
  }
}

/** The open documents: small ones as vscode-languageserver-textdocument keeps them, very large ones as lines. */
export function openDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => (text.length > LINES_ABOVE_CHARS ? new LineDocument(uri, languageId, version, text) : TextDocument.create(uri, languageId, version, text)),
    update: (document, changes, version) => {
      if (document instanceof LineDocument) {
        document.update(changes, version);
        return document;
      }
      return TextDocument.update(document, changes, version);
    },
  });
}
