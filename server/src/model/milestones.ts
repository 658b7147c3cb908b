// Which entries mark the incident's milestones: explicit markers first, then the entry's words.
import type { Milestone, TimelineEntry } from './types';
import { MILESTONES } from './types';

/** The explicit marker, invisible when rendered: `<!-- milestone: detected -->`. */
export const MILESTONE_MARKER = /<!--\s*milestone:\s*(impact-start|detected|acknowledged|mitigated|resolved)\s*-->/i;

const INFERRED: Record<Milestone, RegExp> = {
  'impact-start': /\b(?:impact (?:began|begins|started|starts)|(?:outage|incident|errors?|failures?|degradation|impact) (?:began|begins|started|starts)|start of (?:the )?(?:impact|outage|incident)|users? (?:began|started) (?:to )?(?:see|seeing|report|reporting|get|getting)|first (?:errors?|failures?))\b/i,
  detected: /\b(?:alerts? (?:fired|triggered|went off)|(?:was|were|got) (?:paged|alerted)|paged|pagerduty|page (?:went out|sent)|(?:first )?detected|noticed|reported (?:by|that)|(?:users?|customers?) (?:reported|report)|reports? (?:from|of) users?)\b/i,
  acknowledged: /\b(?:acknowledged|ack(?:ed|'d)|incident (?:was )?declared|declared (?:an|the) incident|(?:began|started) investigating|investigation (?:began|started)|joined the (?:call|incident)|incident channel (?:opened|created))\b/i,
  mitigated: /\b(?:rolled back|roll-?back (?:is )?(?:complete|completed|finished|done|deployed)|(?:error rates?|latency|traffic|metrics|services?) (?:(?:is|are|was|were) )?(?:back to|returned to|recovered|restored)|back to normal|mitigated|mitigation (?:applied|in place|deployed)|(?:service|access) (?:was |is )?restored|recovered|repaired|workaround (?:applied|deployed|in place))\b/i,
  resolved: /\b(?:resolved|incident (?:was |is )?closed|closed the incident|all[- ]clear|fully (?:recovered|restored)|issue (?:is |was )?fixed|fix (?:was |is )?deployed)\b/i,
};

export function explicitMilestone(source: string): Milestone | undefined {
  const m = MILESTONE_MARKER.exec(source);
  return m ? (m[1].toLowerCase() as Milestone) : undefined;
}

/**
 * Gives each milestone to one entry. An explicit marker wins; otherwise the first entry whose words
 * name the milestone and that does not already carry another one.
 */
export function assignMilestones(entries: TimelineEntry[]): void {
  const taken = new Set(entries.filter((e) => e.milestoneExplicit).map((e) => e.milestone));
  for (const milestone of MILESTONES) {
    if (taken.has(milestone)) continue;
    const entry = entries.find((e) => !e.milestone && INFERRED[milestone].test(e.text));
    if (entry) entry.milestone = milestone;
  }
}
