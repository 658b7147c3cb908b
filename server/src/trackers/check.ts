// One call for a face (CLI, server) that has action items and wants their trackers' states.
import type { TrackersConfig } from '../config/types';
import { readTrackerStates, type TrackerEnv } from './clients';
import type { TrackerHttp } from './http';
import { actionItemRef } from './links';
import { driftOf, failed, type Drift, type TrackerState } from './types';

export interface ItemToCheck {
  tracker?: string | null;
  text: string;
  status: 'open' | 'done';
}

export interface ItemTrackerResult {
  trackerState: 'open' | 'closed' | null;
  trackerError: string | null;
  trackerClosedAt: string | null;
  drift: Drift | null;
}

/** Reads every item's tracker once per distinct issue; items without a recognised link say why. */
export async function checkItems(items: ReadonlyArray<{ item: ItemToCheck; config: TrackersConfig }>, http: TrackerHttp, env: TrackerEnv): Promise<ItemTrackerResult[]> {
  const refs = items.map(({ item, config }) => actionItemRef({ tracker: item.tracker ?? undefined, text: item.text }, config));
  // Each configuration can point the same reference at a different site: read per configuration.
  const byConfig = new Map<TrackersConfig, Set<number>>();
  items.forEach(({ config }, i) => refs[i] && byConfig.set(config, (byConfig.get(config) ?? new Set()).add(i)));
  const states = new Map<number, TrackerState>();
  await Promise.all([...byConfig].map(async ([config, indexes]) => {
    const read = await readTrackerStates([...indexes].map((i) => refs[i]!), http, config, env);
    for (const i of indexes) states.set(i, read.get(refs[i]!.key)!);
  }));
  return items.map(({ item }, i) => {
    const state = states.get(i) ?? (item.tracker ? failed('unsupported', 'the link is not a GitHub, GitLab or Jira issue this configuration can read') : failed('unsupported', 'no tracker link'));
    return { trackerState: state.state, trackerError: state.error ?? null, trackerClosedAt: state.closedAt ?? null, drift: driftOf(item.status, state) };
  });
}
