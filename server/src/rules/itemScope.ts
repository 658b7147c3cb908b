// Item-scoped rules (scope: 'item') judge one action item at a time. Their `check` is the same
// judgement over every item, with the item context built from the whole document's context: what
// the engine's per-item cache does, without the cache (and what runs when a caller asks `check`).
import { todayFor } from '../model/calendar';
import type { ActionItem } from '../model/types';
import type { ItemContext, RuleContext } from './types';

/** The item context over a whole-document context: every value read from it directly. */
export function itemContextOf<O>(context: RuleContext<O>): ItemContext<O> {
  return {
    text: context.text,
    proseOf: (start, end) => context.prose.slice(start, end),
    options: context.options,
    today: todayFor(context.model, context.now),
    incidentDate: context.model.incidentDate,
    trackers: context.trackers.config,
    report: (finding) => context.report(finding),
  };
}

/** `check` for an item-scoped rule: `checkItem` on every action item, in order. */
export function eachItem<O>(checkItem: (item: ActionItem, context: ItemContext<O>) => void): (context: RuleContext<O>) => void {
  return (context) => {
    const itemContext = itemContextOf(context);
    for (const item of context.model.actionItems) checkItem(item, itemContext);
  };
}
