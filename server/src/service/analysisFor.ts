// The one way every feature gets at a document: the analysis of its current version, or the reason
// there is none (not open or not a postmortem, superseded, too large, withheld). A feature asks here
// and answers from what it gets; nothing here knows a connection.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureAnswer, FeatureQuery } from '../features/queries';
import { isPostmortem, type AnalysisCache, type CachedAnalysis, type CheckedVersion, type Interest } from '../documents';
import { documentLength, type DocumentStore, type SizedDocument } from './documentStore';
import type { DocumentSettings } from './documentSettings';
import type { UserMessages } from './userMessages';

/** The analysis of a document's current version, or why there is none. */
export type Checked =
  | { kind: 'skip' } // not open, or not a postmortem
  | { kind: 'stale' } // the document changed, or every request for it was cancelled, while it ran
  | { kind: 'too-large'; limit: number; document: TextDocument }
  | { kind: 'ok'; checked: CheckedVersion; document: TextDocument }
  // Not analysed (over the time budget, out of memory, failed): the notices say why; no model to act on.
  | { kind: 'withheld'; checked: CheckedVersion; document: TextDocument };

/** The whole analysis of the document's current version, for the features that read more than findings. */
export interface Found {
  cached: CachedAnalysis;
  document: TextDocument;
}

/** The current version could not be analysed: why, in the words of its notices. */
export interface Withheld {
  withheld: string;
}

export const NOT_CANCELLED: Interest = { isCancellationRequested: false };

/** isPostmortem reads no further than this into a document. */
const HEAD_CHARS = 5000;

export class DocumentAnalyses {
  constructor(
    private readonly documents: DocumentStore,
    private readonly settings: DocumentSettings,
    private readonly analyses: AnalysisCache,
    private readonly messages: UserMessages,
  ) {}

  /** The one way every feature gets at a document's analysis. */
  async analysisFor(uri: string, token: Interest = NOT_CANCELLED): Promise<Checked> {
    const open = this.documents.get(uri);
    if (!open) return { kind: 'skip' };
    // Whether it is a postmortem, and too large, is read without building the whole text: a very
    // large document is kept as lines (handlers/openDocuments.ts), and is never analysed.
    const length = documentLength(open);
    const sized = (open as Partial<SizedDocument>).textLength !== undefined;
    const head = length <= HEAD_CHARS ? undefined : sized ? open.getText({ start: { line: 0, character: 0 }, end: open.positionAt(HEAD_CHARS) }) : open.getText().slice(0, HEAD_CHARS);
    // The version asked about, held still: the open document changes in place while the
    // configuration is read, and an answer must describe one version (or none, when superseded).
    // A document over the size limit is not read whole unless a per-folder setting allows it.
    const version = open.version;
    const snapshot = length <= this.settings.global.maxFileSize ? open.getText() : undefined;
    const config = await this.settings.documentConfig(uri);
    // Closed while the configuration was read: nothing to answer for (and no worker to start for it).
    if (!this.documents.get(uri)) return { kind: 'stale' };
    if (length > config.settings.maxFileSize) {
      return isPostmortem(uri, head ?? snapshot ?? open.getText(), config.settings.files) ? { kind: 'too-large', limit: config.settings.maxFileSize, document: open } : { kind: 'skip' };
    }
    if (snapshot === undefined && open.version !== version) return { kind: 'stale' };
    const text = snapshot ?? open.getText();
    if (!isPostmortem(uri, text, config.settings.files)) return { kind: 'skip' };
    const document = TextDocument.create(uri, open.languageId, version, text);
    const checked = await this.analyses.get(document, config, token);
    const current = this.documents.get(uri);
    if (!checked || !current || checked.version !== current.version || token.isCancellationRequested) return { kind: 'stale' };
    this.messages.reportRuleFailures(uri, checked);
    // The snapshot, not the open document: the same version, and a document kept as lines (over the
    // default size limit, checked because a folder raised it) finds positions by walking its lines.
    return checked.withheld ? { kind: 'withheld', checked, document } : { kind: 'ok', checked, document };
  }

  /** The whole analysis (model and fixes too) when there is one and the request still wants it. */
  async found(uri: string, token: Interest): Promise<Found | undefined> {
    const found = await this.lookup(uri, token);
    return found && 'cached' in found ? found : undefined;
  }

  /** As `found`, and when the analysis was withheld, why (a feature that edits or draws the document says so instead). */
  async lookup(uri: string, token: Interest): Promise<Found | Withheld | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'withheld') return { withheld: checked.checked.headline.notices.map((n) => n.message).join(' ') };
    if (checked.kind !== 'ok') return undefined;
    const cached = await checked.checked.full();
    // Fetching the rest took a turn of the event loop: the document may have moved on meanwhile.
    const current = this.documents.get(uri);
    if (!cached || current?.version !== cached.version || token.isCancellationRequested) return undefined;
    return { cached, document: current };
  }

  /**
   * A feature's answer for the document's current version, made where its analysis is (in its
   * worker, so the model does not cross threads for it); undefined when there is no analysis, or the
   * document moved on or the request was cancelled meanwhile.
   */
  async answer<Q extends FeatureQuery>(uri: string, token: Interest, query: () => Q): Promise<FeatureAnswer<Q> | undefined> {
    const checked = await this.analysisFor(uri, token);
    if (checked.kind !== 'ok' || token.isCancellationRequested) return undefined;
    return this.answerOf(uri, checked, token, query());
  }

  async answerOf<Q extends FeatureQuery>(uri: string, checked: Extract<Checked, { kind: 'ok' }>, token: Interest, query: Q): Promise<FeatureAnswer<Q> | undefined> {
    const answer = await checked.checked.query(query);
    if (this.documents.get(uri)?.version !== checked.checked.version || token.isCancellationRequested) return undefined;
    return answer;
  }
}
