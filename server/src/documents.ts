// Which documents are postmortems, and one cached analysis per document version shared by every feature.
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './engine/analyze';
import { IncrementalParser } from './parsing/incremental';
import type { DocumentConfig } from './settings';

const FRONT_MATTER_TYPE = /^---\r?\n(?:[^\n]*\n)*?type:\s*["']?post-?mortem["']?\s*\r?\n/i;
const FIRST_HEADING = /^#{1,6}[ \t]+(.+)$/m;
const POSTMORTEM_TITLE = /post-?mortem|incident (?:report|review|analysis)|after[- ]action|\bincident on\b|\bRCA\b|root cause analysis/i;

// Compiling globs costs more than matching them: keep the matcher for the current settings.
let matcher: { key: string; match: (path: string) => boolean } | undefined;

function globMatcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  if (matcher?.key !== key) matcher = { key, match: picomatch(globs, { dot: true, nocase: true }) };
  return matcher.match;
}

export function isPostmortem(uri: string, text: string, globs: string[]): boolean {
  if (FRONT_MATTER_TYPE.test(text.slice(0, 2000))) return true;
  const heading = FIRST_HEADING.exec(text.slice(0, 5000));
  if (heading && POSTMORTEM_TITLE.test(heading[1])) return true;
  let path = uri;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a URL: match the string as it is.
  }
  const normalised = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return globs.length > 0 && globMatcher(globs)(normalised);
}

export interface CachedAnalysis {
  version: number;
  analysis: Analysis;
  config: DocumentConfig;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  private readonly parsers = new Map<string, IncrementalParser>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get(document: TextDocument, config: DocumentConfig): CachedAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.config === config) return cached;
    let parser = this.parsers.get(document.uri);
    if (!parser) this.parsers.set(document.uri, (parser = new IncrementalParser()));
    const fresh = { version: document.version, config, analysis: analyze(document.getText(), { config: config.config, now: this.now(), parser }) };
    this.entries.set(document.uri, fresh);
    return fresh;
  }

  peek(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.parsers.delete(uri);
  }

  /** Forgets analyses (settings changed); the parsers' trees stay valid, since they depend on text only. */
  clear(): void {
    this.entries.clear();
  }
}
