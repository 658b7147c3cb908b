// `postmortem-lint --trackers`: after the lint, read each linked issue once (concurrently, cached on
// disk), and lint again only the files where a document and its tracker disagree, so that
// action-item-drift reports them in CI. Files without drift keep their first result unchanged.
import type { ActionItem } from '../model/types';
import { envFrom } from '../trackers/clients';
import { defaultCacheFile, FileCache } from '../trackers/fileCache';
import { TrackerHttp, type HttpOptions } from '../trackers/http';
import { readLinkedStates, stateLookup } from '../trackers/lookup';
import { driftOf } from '../trackers/types';
import type { FileResult } from './format';
import { lintText, type ConfigCache, type LintOptions } from './lint';

/** A file the lint read: where its result sits, and the (final) text and items its analysis saw. */
export interface LintedFile {
  index: number;
  file: string;
  text: string;
  items: ActionItem[];
}

/** Replaces the results of drifting files; returns notes for stderr (links that could not be read). */
export async function addTrackerDrift(results: FileResult[], linted: LintedFile[], configs: ConfigCache, options: LintOptions, http: Partial<HttpOptions> = {}): Promise<string[]> {
  const trackersOf = (file: string) => configs.forDocument(file).trackers ?? {};
  const cache = new FileCache(defaultCacheFile(process.env));
  const states = await readLinkedStates(linted.flatMap((f) => f.items.map((item) => ({ item, config: trackersOf(f.file) }))), new TrackerHttp({ cache, ...http }), envFrom(process.env));
  cache.save();
  for (const f of linted) {
    const lookup = stateLookup(states, trackersOf(f.file));
    if (!f.items.some((item) => driftOf(item.status, lookup(item)))) continue;
    results[f.index] = lintText(f.text, f.file, configs, { ...options, fix: false, trackerState: lookup }).result;
  }
  const unread = [...states].filter(([, s]) => s.state === null);
  if (unread.length === 0) return [];
  const examples = unread.slice(0, 3).map(([key, s]) => `${key.replace(/^\w+:/, '')}: ${s.error}`).join('; ');
  return [`${unread.length} of ${states.size} linked issue${states.size === 1 ? '' : 's'} could not be read, so their drift is unknown (${examples}${unread.length > 3 ? '; …' : ''}).`];
}
