// Item-scoped rules (scope: 'item') run per action item, with their reports cached per item relative
// to its start: an edit in a 500-row table re-judges only the rows it changed, and the reports of the
// others come back shifted. The reports live on the model's cached reading of the item (the same
// object while its list item or table row, and the table's columns, are unchanged), one slot per
// rule; the key holds everything else ItemContext lets a rule read: its options, the trackers'
// settings, today's date and the incident's date.
import type { ItemSource } from '../model/actionItems';
import { nodeProse } from '../model/prose';
import { startOffset } from '../parsing/markdown';
import type { AnyRule, ItemContext, Report, RuleContext } from '../rules/types';
import { ownReport, placedFindings, settingsId, shiftReport, slotNumbering, toFinding, type FindingSink, type PlacedFindings } from './blockRules';

/** One item's reports for one rule and key, when it reported any: relative to its start, and (reused while the item stays put) where they were last placed. */
interface ItemReports {
  /** The id of the key they were judged with (blockRules.ts settingsId). */
  key: number;
  relative: Report[];
  placed: PlacedFindings;
}

/**
 * A rule's verdict on an item, in the rule's slot of its reading's `judged`: the id of the key it
 * found nothing with (one number: most items, most rules), or its reports (see blockRules.ts Judged).
 */
type Judged = number | ItemReports;

const slotOf = slotNumbering();
const stats = { hits: 0, misses: 0 };

/**
 * Each item's verdicts (its reading's `judged`), per analysis: gathered once for all item rules, so a
 * rule's pass loads one array per item instead of walking from its source to its reading first.
 */
const verdictsOf = new WeakMap<readonly ItemSource[], Array<Judged[] | undefined>>();

function verdicts(sources: readonly ItemSource[]): Array<Judged[] | undefined> {
  let all = verdictsOf.get(sources);
  if (!all) verdictsOf.set(sources, (all = Array.from(sources, (s) => s?.reading.judged as Judged[] | undefined)));
  return all;
}

/** Everything besides the item that an item rule may read (see ItemContext), as one key. */
export function itemRuleKey(context: RuleContext<object>, today: string): string {
  return JSON.stringify([context.options, context.trackers.config, today, context.model.incidentDate ?? null]);
}

/**
 * Runs one item rule over every action item: cached reports where the item and the key are
 * unchanged. `sources` is parallel to the model's action items (see BuiltModel.itemSources).
 */
export function runItemRule(rule: AnyRule, context: RuleContext<object>, today: string, sources: readonly ItemSource[], sink: FindingSink): void {
  const key = settingsId(itemRuleKey(context, today));
  const slot = slotOf(rule.id);
  const shared = { text: context.text, options: context.options, today, incidentDate: context.model.incidentDate, trackers: context.trackers.config };
  const items = context.model.actionItems;
  const all = verdicts(sources);
  for (let i = 0; i < items.length; i++) {
    const judged = all[i];
    let reports = judged?.[slot];
    // Judged before with this key, and nothing found: decided without reading the item.
    if (reports === key) {
      stats.hits++;
      continue;
    }
    const item = items[i];
    const source = sources[i];
    if (typeof reports === 'object' && reports.key === key) stats.hits++;
    else {
      stats.misses++;
      const placed: Report[] = [];
      const itemContext: ItemContext<object> = {
        ...shared,
        // The mask of the item's own node reads only the item; an item of unknown source reads the whole mask.
        proseOf: source
          ? (start, end) => nodeProse(source.node, context.text).slice(start - startOffset(source.node), end - startOffset(source.node))
          : (start, end) => context.prose.slice(start, end),
        report: (r) => placed.push(r),
      };
      rule.checkItem!(item, itemContext);
      if (placed.length === 0) {
        if (judged) judged[slot] = key;
        continue;
      }
      for (const r of placed) ownReport(r);
      const findings = placed.map((r) => toFinding(r, rule.id, sink.severity));
      reports = { key, relative: placed.map((r) => shiftReport(r, -item.start)), placed: { at: item.start, severity: sink.severity, findings } };
      if (judged) judged[slot] = reports;
    }
    reports.placed = placedFindings(reports.placed, reports.relative, item.start, rule.id, sink.severity);
    for (const finding of reports.placed.findings) sink.add(finding);
  }
}

/** How many item judgements the item rules' caches answered and computed so far (tests check an edit re-judges few). */
export function itemCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
