// The rule catalogue. Explicit, in the order the docs list them.
import { actionItemDrift } from './actionItemDrift';
import { actionItemDueDate } from './actionItemDueDate';
import { actionItemOverdue } from './actionItemOverdue';
import { actionItemOwner } from './actionItemOwner';
import { actionItemTracked } from './actionItemTracked';
import { actionItemVague } from './actionItemVague';
import { emptySection } from './emptySection';
import { frontMatter } from './frontMatter';
import { impactQuantified } from './impactQuantified';
import { noBlameLanguage } from './noBlameLanguage';
import { noCounterfactual } from './noCounterfactual';
import { noHindsightMinimizer } from './noHindsightMinimizer';
import { requiredSections } from './requiredSections';
import { rootCauseDepth } from './rootCauseDepth';
import { timelineMilestones } from './timelineMilestones';
import { timelineOrder } from './timelineOrder';
import { timelineTimestamp } from './timelineTimestamp';
import { timelineTimezone } from './timelineTimezone';
import type { AnyRule } from './types';

export const RULES: readonly AnyRule[] = [
  noBlameLanguage, noCounterfactual, noHindsightMinimizer, rootCauseDepth,
  actionItemOwner, actionItemDueDate, actionItemOverdue, actionItemVague, actionItemTracked, actionItemDrift,
  requiredSections, emptySection,
  timelineTimestamp, timelineOrder, timelineTimezone, timelineMilestones,
  impactQuantified, frontMatter,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));

export const DOCS_BASE = 'https://github.com/postmortem-tools/postmortem/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
