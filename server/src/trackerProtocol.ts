// Custom messages for background tracker checks in the editor. Imported by client and server: types
// and method names only. Kept apart from protocol.ts so the two change independently.
import type { TrackerEnv } from './trackers/clients';
import type { Drift } from './trackers/types';

/**
 * Client to server: whether to check trackers, with which credentials and endpoints (never stored by
 * the server). The endpoints come from user settings, never the workspace's, and say where each
 * credential may be sent.
 */
export interface TrackerSettings extends TrackerEnv {
  enabled: boolean;
  /** How often states are read again while the editor is open. */
  refreshMinutes?: number;
}

export const TrackerSettingsNotification = 'postmortem/trackerSettings';

export interface ItemTrackerState {
  uri: string;
  /** 0-based line of the item, as in IndexedActionItem. */
  line: number;
  trackerState: 'open' | 'closed' | null;
  /** Why the state is unknown (not found, no access, rate limited, offline). */
  trackerError: string | null;
  drift: Drift | null;
}

export interface TrackerStatesResult {
  enabled: boolean;
  /** When the states were last read (ISO), null before the first read finished. */
  readAt: string | null;
  items: ItemTrackerState[];
}

/** Client to server: the tracker state of every indexed action item that links to an issue. */
export const TrackerStatesRequest = 'postmortem/trackerStates';

export interface FollowThroughParams {
  /** The workspace's Markdown files, with the label (a relative path) the report shows for each. */
  files: Array<{ uri: string; label: string }>;
  /** The webview's script nonce: the page then opens postmortems on a click. */
  nonce?: string;
}

export interface FollowThroughResult {
  html: string;
  /** label → uri, to open what the page names. */
  links: Record<string, string>;
  postmortems: number;
}

export const FollowThroughRequest = 'postmortem/followThroughReport';
