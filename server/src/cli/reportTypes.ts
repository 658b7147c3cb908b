// The shapes of the timeline and action-item reports (CLI JSON and the library API). Types only,
// importing only the protocol's types, so the package's declaration files stand alone.
import type { IndexedActionItem, MetricFigures } from '../protocol';

export interface TimelineReport {
  file: string;
  timezone: string | null;
  /** `date` is the calendar day; `precision` says whether the entry is placed to the day, minute or second. */
  entries: Array<{ line: number; time: string | null; date: string | null; precision: 'day' | 'minute' | 'second' | null; text: string; milestone: string | null }>;
  metrics: MetricFigures;
}

/** An action item as the CLI and the exports write it: the index's item with a path and a 1-based line. */
export type ActionRow = Omit<IndexedActionItem, 'uri'> & { file: string };
