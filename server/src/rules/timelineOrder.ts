import type { TimelineEntry } from '../model/types';
import type { Fix, Rule } from './types';

/**
 * Sorting is safe only for list items or table rows that sit next to each other, all with times:
 * then each entry is a self-contained block of lines that can move as a whole.
 */
export function sortFix(entries: TimelineEntry[], text: string): Fix | undefined {
  if (entries.length < 2 || entries.some((e) => e.minutes === undefined)) return undefined;
  if (!entries.every((e) => e.form === entries[0].form) || !['list', 'table'].includes(entries[0].form)) return undefined;
  const gaps: string[] = [];
  for (let i = 1; i < entries.length; i++) {
    const gap = text.slice(entries[i - 1].end, entries[i].start);
    if (gap.trim() !== '') return undefined;
    gaps.push(gap);
  }
  const blocks = entries.map((e) => ({ minutes: e.minutes as number, body: text.slice(e.start, e.end) }));
  const sorted = [...blocks].sort((a, b) => a.minutes - b.minutes);
  const newText = sorted.map((b, i) => b.body + (gaps[i] ?? '')).join('');
  return { title: 'Sort the timeline entries by time', edits: [{ start: entries[0].start, end: entries[entries.length - 1].end, newText }] };
}

/** Times compare to the minute when both entries have one; an entry known only by its day compares by day. */
function isEarlier(entry: TimelineEntry, previous: TimelineEntry): boolean {
  const bothTimed = entry.minutes !== undefined && previous.minutes !== undefined && (entry.date === undefined) === (previous.date === undefined);
  if (bothTimed) return entry.minutes! < previous.minutes!;
  return entry.date !== undefined && previous.date !== undefined && entry.date < previous.date;
}

export const timelineOrder: Rule = {
  id: 'timeline-order',
  category: 'timeline',
  description: 'Timeline entries out of chronological order.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: true,
  hasSuggestions: false,
  rationale: 'Readers reconstruct cause and effect from the order of entries. An entry out of place suggests a typo in a time or a missing date, and it skews the time-to-detect and time-to-mitigate figures.',
  examples: {
    valid: ['## Timeline\n\nAll times in UTC.\n\n- 14:02 Alert fired.\n- 14:10 Rolled back.'],
    invalid: ['## Timeline\n\nAll times in UTC.\n\n- 14:10 Rolled back.\n- 14:02 Alert fired.'],
  },
  check(context) {
    const entries = context.model.timeline.entries;
    // The sorted timeline is as long as the timeline: built only when an entry is out of order.
    let fix: Fix | undefined | null = null;
    // Compare with the previous placed entry only: one mistyped time then yields one finding, not one per later entry.
    let previous: TimelineEntry | undefined;
    for (const entry of entries) {
      if ((entry.minutes === undefined && entry.date === undefined) || !entry.timeSpan) continue;
      if (previous && isEarlier(entry, previous)) {
        context.report({
          ...entry.timeSpan,
          message: `${entry.timeText} comes after ${previous.timeText} in the timeline but is earlier. Check the time, add the date if it crossed midnight, or move the entry.`,
          fix: fix === null ? (fix = sortFix(entries, context.text)) : fix,
        });
      }
      previous = entry;
    }
  },
};
