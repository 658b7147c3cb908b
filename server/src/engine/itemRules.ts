// Item-scoped rules (scope: 'item') run per action item, with their reports cached per item relative
// to its start: an edit in a 500-row table re-judges only the rows it changed, and the reports of the
// others come back shifted. An item is identified by the model's cached reading of it (the same
// object while its list item or table row, and the table's columns, are unchanged); the key holds
// everything else ItemContext lets a rule read: its options, the trackers' settings, today's date
// and the incident's date.
import { itemOrigin } from '../model/actionItems';
import { nodeProse } from '../model/prose';
import { startOffset } from '../parsing/markdown';
import type { AnyRule, ItemContext, Report, RuleContext } from '../rules/types';
import { shiftReport } from './blockRules';

/** One item's reports: relative to its start, and (reused while the item stays put) where they were last placed. */
interface ItemReports {
  relative: Report[];
  at: number;
  placed: Report[];
}

/** Per rule: the key its cached reports were judged with, and the reports per item reading. */
const caches = new Map<string, { key: string; reports: WeakMap<object, ItemReports> }>();
const stats = { hits: 0, misses: 0 };

/** Everything besides the item that an item rule may read (see ItemContext), as one key. */
export function itemRuleKey(context: RuleContext<object>, today: string): string {
  return JSON.stringify([context.options, context.trackers.config, today, context.model.incidentDate ?? null]);
}

/** Runs one item rule over every action item: cached reports where the item and the key are unchanged. */
export function runItemRule(rule: AnyRule, context: RuleContext<object>, today: string): void {
  const key = itemRuleKey(context, today);
  let cache = caches.get(rule.id);
  if (!cache || cache.key !== key) caches.set(rule.id, (cache = { key, reports: new WeakMap() }));
  const shared = { text: context.text, options: context.options, today, incidentDate: context.model.incidentDate, trackers: context.trackers.config };
  for (const item of context.model.actionItems) {
    const origin = itemOrigin(item);
    let reports = origin && cache.reports.get(origin.relative);
    if (reports) stats.hits++;
    else {
      stats.misses++;
      const placed: Report[] = [];
      const itemContext: ItemContext<object> = {
        ...shared,
        // The item's node mask reads only the item; an item of unknown origin reads the whole mask.
        proseOf: origin
          ? (start, end) => nodeProse(origin.node, context.text).slice(start - startOffset(origin.node), end - startOffset(origin.node))
          : (start, end) => context.prose.slice(start, end),
        report: (r) => placed.push(r),
      };
      rule.checkItem!(item, itemContext);
      reports = { relative: placed.map((r) => shiftReport(r, -item.start)), at: item.start, placed };
      if (origin) cache.reports.set(origin.relative, reports);
    }
    if (reports.relative.length === 0) continue;
    if (reports.at !== item.start) {
      reports.placed = reports.relative.map((r) => shiftReport(r, item.start));
      reports.at = item.start;
    }
    // Reports are never changed once made (the engine copies them into findings), so placed ones are shared.
    for (const report of reports.placed) context.report(report);
  }
}

/** How many item judgements the item rules' caches answered and computed so far (tests check an edit re-judges few). */
export function itemCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
