import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import type { DocumentConfig } from '../settings';

/** What every feature needs from the server, without a connection. */
export interface FeatureContext {
  document(uri: string): TextDocument | undefined;
  /** The analysis of an open postmortem at its current version; undefined for other documents. */
  analysisFor(uri: string): Promise<CachedAnalysis | undefined>;
  configFor(uri: string): Promise<DocumentConfig>;
  now(): Date;
  /** @handles used in the workspace's postmortems. */
  knownOwners(): Promise<string[]>;
}
