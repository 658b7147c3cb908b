// Open documents held in memory, for tests of the connection-free language service.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStore } from '../../server/src/service/languageService';

export class MemoryDocuments implements DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  /** Opens the document, or replaces its whole text as the next version. */
  set(uri: string, text: string): TextDocument {
    const doc = TextDocument.create(uri, 'markdown', (this.docs.get(uri)?.version ?? 0) + 1, text);
    this.docs.set(uri, doc);
    return doc;
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  /** Closes the document. */
  close(uri: string): void {
    this.docs.delete(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }
}
