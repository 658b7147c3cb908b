import { actionItemRef } from '../trackers/links';
import { driftOf } from '../trackers/types';
import type { Rule } from './types';

export const actionItemDrift: Rule = {
  id: 'action-item-drift',
  category: 'action-items',
  description: 'The document and the linked issue disagree on whether the action item is done (only when tracker checks are on).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Readers trust the postmortem\'s list: a box ticked while its issue is still open, or an open item whose issue was closed, hides whether the fix shipped. Bring the two back in line. The tracker\'s state comes from whoever runs the rules: `postmortem-lint --trackers` (and `actions`/`report --trackers`) and the editor with `postmortem.trackers.enabled` read it; in the examples, a `tracker-state` comment stands in for it.',
  examples: {
    valid: ['## Action items\n\n- [x] Add a queue depth alert. Owner: @ana. acme/app#12 <!-- tracker-state acme/app#12 closed -->'],
    invalid: ['## Action items\n\n- [x] Add a queue depth alert. Owner: @ana. acme/app#12 <!-- tracker-state acme/app#12 open -->'],
  },
  check(context) {
    const state = context.trackers.state;
    // The caller supplies states read in the background; without them the rule has nothing to compare.
    if (!state) return;
    for (const item of context.model.actionItems) {
      const tracker = state(item);
      const drift = driftOf(item.status, tracker);
      if (!drift) continue;
      const name = actionItemRef(item, context.trackers.config)?.key.replace(/^\w+:/, '') ?? 'its issue';
      const closed = tracker?.closedAt ? ` on ${tracker.closedAt.slice(0, 10)}` : '';
      const message = drift === 'done-here-open-in-tracker'
        ? `This item is marked done here, but ${name} is still open in the tracker. Close the issue if the work shipped, or reopen the item here.`
        : `${name} was closed in the tracker${closed}, but this item is still open here. Mark it done if the work shipped, or note why the issue closed without it.`;
      context.report({ start: item.start, end: Math.max(item.start + 1, item.insertAt), message });
    }
  },
};
