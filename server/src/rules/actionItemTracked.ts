import { isTracked } from '../trackers/links';
import type { Rule } from './types';

export const actionItemTracked: Rule = {
  id: 'action-item-tracked',
  category: 'action-items',
  description: 'An open action item that links to no issue in a tracker.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'An action item gets done when it lives in the backlog the team works from. Link the issue (a URL, owner/repo#123, or a Jira key) so its progress can be followed from here.',
  examples: {
    valid: ['## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01. https://github.com/acme/app/issues/12'],
    invalid: ['## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01.'],
  },
  check(context) {
    const config = context.trackers.config;
    for (const item of context.model.actionItems) {
      if (item.status !== 'open' || isTracked(item, config)) continue;
      context.report({
        start: item.start, end: Math.max(item.start + 1, item.insertAt),
        message: 'This open action item links to no issue. Add a link to its issue (a URL, owner/repo#123 or a ticket key) so its progress can be followed.',
      });
    }
  },
};
