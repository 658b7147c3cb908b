// What the product knows about an action item's issue in a tracker, and how it compares with the document.
import type { ActionStatus } from '../model/types';

export type TrackerKind = 'github' | 'gitlab' | 'jira';

/** One issue in one tracker, as an action item names it. */
export interface TrackerRef {
  kind: TrackerKind;
  /** Canonical identity, the same however the item wrote it ("github:octo/app#12"). */
  key: string;
  /** GitHub "owner/repo", GitLab "group/project", Jira project key. */
  project: string;
  /** Issue number, GitLab iid, or the Jira key ("OPS-12"). */
  id: string;
  /** The tracker's web origin when the link named one (GitLab, Jira, GitHub Enterprise). */
  origin?: string;
}

export type TrackerErrorKind = 'not-found' | 'no-access' | 'rate-limited' | 'offline' | 'not-configured' | 'unsupported' | 'bad-response';

export interface TrackerState {
  /** null when the state could not be read; `error` says why. */
  state: 'open' | 'closed' | null;
  /** When the tracker closed it (ISO 8601). */
  closedAt?: string;
  errorKind?: TrackerErrorKind;
  error?: string;
}

export type Drift = 'done-here-open-in-tracker' | 'closed-in-tracker-open-here';

/** Where the document and the tracker disagree; null when they agree or the tracker is unknown. */
export function driftOf(status: ActionStatus, tracker: TrackerState | undefined): Drift | null {
  if (!tracker || tracker.state === null) return null;
  if (status === 'done' && tracker.state === 'open') return 'done-here-open-in-tracker';
  if (status === 'open' && tracker.state === 'closed') return 'closed-in-tracker-open-here';
  return null;
}

export function failed(errorKind: TrackerErrorKind, error: string): TrackerState {
  return { state: null, errorKind, error };
}
