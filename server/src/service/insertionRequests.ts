// The editor's insert commands (a timeline entry for now, an action item): placed in the document's
// current version from its whole analysis, or the reason none was placed, so the client can say so.
import type { Interest } from '../documents';
import { actionItemInsertion, timelineInsertion } from '../features/insertions';
import type { ActionItemInsertionParams, Insertion, InsertionWithheld, NoInsertionReason, TimelineInsertionParams } from '../protocol';
import type { DocumentAnalyses } from './analysisFor';
import type { DocumentStore } from './documentStore';

export class InsertionRequests {
  constructor(
    private readonly documents: DocumentStore,
    private readonly current: DocumentAnalyses,
  ) {}

  /** The timeline entry for now, placed in (and naming) the current version; or why there is none; undefined when cancelled. */
  async timeline(params: TimelineInsertionParams, token: Interest): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    const asked = this.documents.get(params.uri)?.version;
    const found = await this.current.lookup(params.uri, token);
    if (!found) return this.noInsertion(params.uri, asked, token);
    if ('withheld' in found) return found;
    const settings = found.cached.config.settings;
    return timelineInsertion(found.document, found.cached, new Date(params.now), params.format ?? settings.timeline.format, settings.timeline.timezone);
  }

  /** An action item row or bullet, as for `timeline`. */
  async actionItem(params: ActionItemInsertionParams, token: Interest): Promise<Insertion | InsertionWithheld | { reason: NoInsertionReason } | undefined> {
    const asked = this.documents.get(params.uri)?.version;
    const found = await this.current.lookup(params.uri, token);
    if (!found) return this.noInsertion(params.uri, asked, token);
    if ('withheld' in found) return found;
    return actionItemInsertion(found.document, found.cached, params);
  }

  /**
   * Why no insertion was placed, so the client can say so: "not a postmortem" is only the answer when
   * it is one (it used to be said for a document that was too large or changed meanwhile). `asked`:
   * the version the request was made on.
   */
  private async noInsertion(uri: string, asked: number | undefined, token: Interest): Promise<{ reason: NoInsertionReason } | undefined> {
    if (token.isCancellationRequested) return undefined;
    const checked = await this.current.analysisFor(uri, token);
    if (token.isCancellationRequested) return undefined;
    if (checked.kind === 'skip') return { reason: 'not-postmortem' };
    if (checked.kind === 'too-large') return { reason: 'too-large' };
    // The version asked about is still the current one and analysed, yet its model could not be read back.
    if (checked.kind === 'ok' && checked.checked.version === asked && this.documents.get(uri)?.version === asked) return { reason: 'unavailable' };
    // Stale, or analysed again only now: the document moved on while the insertion was placed.
    return { reason: 'superseded' };
  }
}
