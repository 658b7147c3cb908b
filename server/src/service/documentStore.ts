// The open documents as the language service sees them: the host keeps them, the service reads them.
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The open documents, as the host tracks them. */
export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** A document whose whole text is costly to build (kept as lines: handlers/openDocuments.ts) says how long it is. */
export interface SizedDocument {
  readonly textLength: number;
}

/**
 * A document's length. Asked of every version: a document that holds its text whole answers from it
 * (counting to its last line instead indexed every line of every version, 2 ms a keystroke on the
 * bench's 15,000-line document, only to learn the length).
 */
export function documentLength(document: TextDocument): number {
  const sized = (document as Partial<SizedDocument>).textLength;
  return typeof sized === 'number' ? sized : document.getText().length;
}
