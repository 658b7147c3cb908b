import type { Rule } from './types';

export const timelineTimestamp: Rule = {
  id: 'timeline-timestamp',
  category: 'timeline',
  description: 'A timeline entry without a time, or with one that cannot exist (25:61).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Times are what turn a story into a timeline: they show how long detection, diagnosis and mitigation took. An approximate time ("~14:10") is better than none.',
  examples: {
    valid: ['## Timeline\n\nAll times in UTC.\n\n- 14:02 Alert fired.\n- 14:10 Rolled back.'],
    invalid: ['## Timeline\n\n- 14:02 Alert fired.\n- 25:61 Rolled back.', '## Timeline\n\n- 14:02 Alert fired.\n- [???] Rolled back.'],
  },
  check(context) {
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
