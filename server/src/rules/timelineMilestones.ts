import { MILESTONE_LABELS } from '../model/metrics';
import type { Milestone } from '../model/types';
import type { Rule } from './types';

const NEEDED: Milestone[] = ['detected', 'mitigated', 'resolved'];
const VERB: Partial<Record<Milestone, string>> = { detected: 'detect', mitigated: 'mitigate', resolved: 'resolve' };

export const timelineMilestones: Rule = {
  id: 'timeline-milestones',
  category: 'timeline',
  description: 'No timeline entry for detection, mitigation or resolution, so time to detect, mitigate or resolve cannot be known.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Time to detect, mitigate and resolve are the numbers a team improves over time. They need an entry for each milestone; mark one explicitly with `<!-- milestone: detected -->` when the words do not say it.',
  examples: {
    valid: ['## Timeline\n\nAll times in UTC.\n\n- 14:00 Errors began for checkout users.\n- 14:02 Alert fired and paged the on-call engineer.\n- 14:10 Rolled back; error rate back to normal.\n- 14:30 Incident resolved.'],
    invalid: ['## Timeline\n\nAll times in UTC.\n\n- 14:00 Deploy started.\n- 14:30 Deploy finished.'],
  },
  check(context) {
    const { timeline } = context.model;
    if (!timeline.section || !timeline.entries.some((e) => e.timeSpan)) return;
    const present = new Set(timeline.entries.map((e) => e.milestone));
    const missing = NEEDED.filter((m) => !present.has(m));
    if (missing.length === 0) return;
    const names = missing.map((m) => MILESTONE_LABELS[m]);
    context.report({
      start: timeline.section.titleSpan.start, end: timeline.section.titleSpan.end,
      message: `No timeline entry marks ${names.join(', ')}, so time to ${missing.map((m) => VERB[m]).join(' / ')} cannot be measured. Add the entry, or mark an existing one with <!-- milestone: ${missing[0]} -->.`,
    });
  },
};
