import { isKnownZone } from '../model/zones';
import type { Rule } from './types';

export const timelineTimezone: Rule = {
  id: 'timeline-timezone',
  category: 'timeline',
  description: 'No timezone stated for the timeline, an unknown zone, or zones mixed without saying so.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: true,
  rationale: 'Responders, customers and readers sit in different zones. State the zone once (front matter `timezone:` or "All times in UTC") so every time in the timeline means one instant.',
  examples: {
    valid: ['## Timeline\n\nAll times in UTC.\n\n- 14:02 Alert fired.'],
    invalid: ['## Timeline\n\n- 14:02 Alert fired.', '## Timeline\n\n- 14:02 UTC Alert fired.\n- 15:10 CET Rolled back.'],
  },
  check(context) {
    const { timeline } = context.model;
    const section = timeline.section;
    const timed = timeline.entries.filter((e) => e.timeSpan);
    if (!section || timed.length === 0) return;
    const heading = { start: section.titleSpan.start, end: section.titleSpan.end };
    if (!timeline.zone && timeline.entryZones.length === 0) {
      context.report({
        ...heading,
        message: 'The timeline does not say which timezone its times are in. Add "All times in UTC" (or the zone used) or `timezone:` in the front matter.',
        suggestions: section.form === 'heading' ? [{ title: 'State "All times in UTC."', edits: [{ start: section.titleSpan.end, end: section.titleSpan.end, newText: '\n\nAll times in UTC.' }] }] : undefined,
      });
      return;
    }
    const zones = new Set(timeline.entryZones);
    if (timeline.zone) zones.add(timeline.zone.name.toUpperCase());
    const unknown = [...zones].find((z) => !isKnownZone(z));
    if (unknown) {
      context.report({ ...heading, message: `"${unknown}" is not a timezone this tool recognises, so the times cannot be placed. Use UTC, an offset (UTC+2) or an IANA name (Europe/Berlin).` });
    } else if (timeline.entryZones.length > 1) {
      const first = timed.find((e) => e.zone && e.zone.toUpperCase() !== timeline.entryZones[0])!;
      context.report({ ...(first.timeSpan ?? heading), message: `The timeline mixes timezones (${timeline.entryZones.join(', ')}). Write every time in one zone, or say clearly why an entry differs.` });
    }
  },
};
