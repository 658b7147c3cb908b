import type { Rule } from './types';
import { visibleText } from './util';

export const timelineTimestamp: Rule = {
  id: 'timeline-timestamp',
  category: 'timeline',
  description: 'A timeline entry without a time, one that cannot exist (25:61), or a timeline section with no entry that has a date or time.',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Times are what turn a story into a timeline: they show how long detection, diagnosis and mitigation took. An approximate time ("~14:10") is better than none.',
  examples: {
    valid: ['## Timeline\n\nAll times in UTC.\n\n- 14:02 Alert fired.\n- 14:10 Rolled back.'],
    invalid: ['## Timeline\n\n- 14:02 Alert fired.\n- 25:61 Rolled back.', '## Timeline\n\n- 14:02 Alert fired.\n- [???] Rolled back.', '## Timeline\n\nThe alert fired, we rolled back, and the errors stopped.'],
  },
  check(context) {
    const { section, entries } = context.model.timeline;
    // A timeline heading over narrative only: one finding at the heading (an empty one is empty-section's).
    if (section && entries.length === 0 && visibleText(context.text, section.body.start, section.body.end).length > 0) {
      context.report({
        start: section.titleSpan.start, end: section.titleSpan.end,
        message: 'This timeline section holds no entry with a date or time. List each event starting with its time ("14:02 UTC"), or its date when only the day is known, so readers can see how long each phase took.',
      });
      return;
    }
    for (const entry of context.model.timeline.entries) {
      if (entry.invalidTime && entry.timeSpan) {
        context.report({ ...entry.timeSpan, message: `"${entry.invalidTime}" is not a time of day. Check the hours (0–23) and minutes (0–59).` });
      } else if (!entry.timeSpan) {
        const end = Math.min(entry.end, context.text.indexOf('\n', entry.start) === -1 ? entry.end : context.text.indexOf('\n', entry.start));
        context.report({ start: entry.start, end, message: 'This timeline entry has no time. Add one, even approximate ("~14:10"), so the timeline shows how long each phase took.' });
      }
    }
  },
};
