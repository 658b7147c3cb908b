// `postmortem-lint actions --trackers`: each row gains its tracker's state and any drift.
import type { ResolvedConfig } from '../config/types';
import { checkItems, type ItemTrackerResult } from '../trackers/check';
import { envFrom } from '../trackers/clients';
import { defaultCacheFile, FileCache } from '../trackers/fileCache';
import { TrackerHttp } from '../trackers/http';
import { actionsMarkdown, csvCell, type ActionRow } from './reports';

export type TrackedRow = ActionRow & ItemTrackerResult;

export async function withTrackerStates(rows: ActionRow[], configFor: (file: string) => ResolvedConfig): Promise<TrackedRow[]> {
  const cache = new FileCache(defaultCacheFile(process.env));
  const http = new TrackerHttp({ cache });
  const results = await checkItems(rows.map((row) => ({ item: row, config: configFor(row.file).trackers ?? {} })), http, envFrom(process.env));
  cache.save();
  const unread = results.filter((r) => r.trackerState === null && r.trackerError !== 'no tracker link').length;
  if (unread) process.stderr.write(`postmortem-lint: ${unread} tracker link${unread === 1 ? '' : 's'} could not be read; see trackerError.\n`);
  return rows.map((row, i) => ({ ...row, ...results[i] }));
}

/** Whether `actions` should read trackers: the flag, or `trackers.enabled` in the configuration. */
export function trackersWanted(flag: boolean | undefined, config: ResolvedConfig): boolean {
  return flag ?? config.trackers?.enabled ?? false;
}

export function trackedCsv(rows: TrackedRow[]): string {
  const header = ['file', 'line', 'text', 'owner', 'due', 'status', 'tracker', 'overdue', 'trackerState', 'trackerError', 'drift'] as const;
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n';
}

export function trackedMarkdown(rows: TrackedRow[]): string {
  return rows.map((r) => {
    const tracker = r.trackerState ? `tracker: ${r.trackerState}${r.drift ? `, drift: ${r.drift}` : ''}` : r.tracker ? `tracker unknown: ${r.trackerError}` : '';
    return actionsMarkdown([r]).replace(/\n$/, '') + (tracker ? ` (${tracker})` : '');
  }).join('\n') + (rows.length ? '\n' : '');
}

export function printTracked(format: string, rows: TrackedRow[]): string {
  return format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : format === 'csv' ? trackedCsv(rows) : trackedMarkdown(rows);
}
