// Tracker states keyed by issue, read once per distinct issue, and the per-item lookup the
// analysis takes (`trackerState`): shared by `lint --trackers` and the editor's background checks.
import type { TrackersConfig } from '../config/types';
import { readTrackerStates, type TrackerEnv } from './clients';
import type { TrackerHttp } from './http';
import { actionItemRef } from './links';
import type { TrackerState } from './types';

export interface LinkedItem {
  tracker?: string | null;
  text: string;
}

/** Reads every distinct issue the items link to, once, grouped by the configuration that resolves its link. */
export async function readLinkedStates(items: ReadonlyArray<{ item: LinkedItem; config: TrackersConfig }>, http: TrackerHttp, env: TrackerEnv): Promise<Map<string, TrackerState>> {
  // Equal configurations (one file read for many folders) share their reads.
  const byConfig = new Map<string, { config: TrackersConfig; refs: Map<string, NonNullable<ReturnType<typeof actionItemRef>>> }>();
  for (const { item, config } of items) {
    const ref = actionItemRef({ tracker: item.tracker ?? undefined, text: item.text }, config);
    if (!ref) continue;
    const id = JSON.stringify(config);
    if (!byConfig.has(id)) byConfig.set(id, { config, refs: new Map() });
    byConfig.get(id)!.refs.set(ref.key, ref);
  }
  const states = new Map<string, TrackerState>();
  await Promise.all([...byConfig.values()].map(async ({ config, refs }) => {
    for (const [key, state] of await readTrackerStates([...refs.values()], http, config, env)) states.set(key, state);
  }));
  return states;
}

/** The analysis' `trackerState` over states read earlier: an item's issue, resolved with its document's configuration. */
export function stateLookup(states: ReadonlyMap<string, TrackerState> | Readonly<Record<string, TrackerState>>, config: TrackersConfig): (item: LinkedItem) => TrackerState | undefined {
  const get = states instanceof Map ? (key: string) => states.get(key) : (key: string) => (Object.hasOwn(states, key) ? (states as Record<string, TrackerState>)[key] : undefined);
  return (item) => {
    const ref = actionItemRef({ tracker: item.tracker ?? undefined, text: item.text }, config);
    return ref ? get(ref.key) : undefined;
  };
}
