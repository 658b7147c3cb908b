// run: onSave. The findings shown are those of the last saved (or opened) text, placed against that
// text, until the next save; when tracker states change, that text is checked again with them.
import type { AnalysisCache, CheckedVersion, Interest } from '../documents';

export class SavedFindings {
  /** The analysis of the last saved (or opened) text, per document. */
  private readonly frozen = new Map<string, CheckedVersion>();
  /** Saved texts whose findings are to be made again (the tracker states changed). */
  private readonly refreeze = new Set<string>();
  /** Counts trackerStatesChanged(): a re-check started before the last one used older states. */
  private trackerStateChanges = 0;

  constructor(private readonly analyses: AnalysisCache) {}

  /**
   * The analysis whose findings are shown for the document, given its current one; undefined when a
   * re-check was needed and did not finish for this answer (the next answer tries again).
   */
  async shown(uri: string, current: CheckedVersion, token: Interest): Promise<CheckedVersion | undefined> {
    let saved = this.frozen.get(uri) ?? current;
    if (this.refreeze.has(uri) && saved.version !== current.version) {
      const from = saved;
      const states = this.trackerStateChanges;
      const again = await this.analyses.analyzeText(uri, saved.headline.text, saved.version, saved.config, token);
      // Not re-checked (cancelled, or a newer version's analysis took the worker): the next answer tries again.
      if (!again || token.isCancellationRequested) return undefined;
      // A save (or newer tracker states) arrived meanwhile: this re-check describes a text, or
      // states, no longer shown; the next answer starts from what is current.
      // (An answer that shared this re-check may have kept it already.)
      const shown = this.frozen.get(uri);
      if ((shown !== from && shown !== again) || this.trackerStateChanges !== states) return undefined;
      saved = again;
    }
    this.refreeze.delete(uri);
    this.frozen.set(uri, saved);
    return saved;
  }

  /** The tracker states changed: every saved text is checked again with them. */
  trackerStatesChanged(): void {
    this.trackerStateChanges++;
    for (const uri of this.frozen.keys()) this.refreeze.add(uri);
  }

  /** The document was saved (from now on its saved text's findings are shown) or closed. */
  forget(uri: string): void {
    this.frozen.delete(uri);
  }

  clear(): void {
    this.frozen.clear();
    this.refreeze.clear();
  }
}
