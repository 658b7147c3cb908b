// Canonical sections and the names real postmortems give them. Data, not logic: add an alias here.
import type { SectionKind } from './types';

export const SECTION_ALIASES: Record<SectionKind, readonly string[]> = {
  summary: ['summary', 'overview', 'executive summary', 'tl;dr', 'tldr', 'incident summary', 'description'],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment'],
  timeline: ['timeline', 'key events', 'chronology', 'sequence of events', 'incident timeline', 'timeline of events', 'event timeline'],
  'root-cause': ['root cause', 'root causes', 'causes', 'cause', 'contributing factors', 'trigger', 'root cause analysis', 'cause and effect', 'five whys', '5 whys'],
  detection: ['detection', 'identified', 'how it was detected', 'time to detect', 'what caught it', 'how it was caught'],
  response: ['response', 'resolution', 'mitigation', 'recovery', 'incident response', 'time to repair', 'time to resolve'],
  'what-went-well': ['what went well', 'what went right', 'things that went well'],
  'what-went-wrong': ['what went wrong', 'what didn\'t go well', 'what did not go well', 'things that went wrong'],
  'where-we-got-lucky': ['where we got lucky', 'where we were lucky', 'lucky'],
  'lessons-learned': ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'conclusion', 'conclusions'],
  'action-items': ['action items', 'actions', 'follow-ups', 'follow ups', 'followups', 'follow-up actions', 'remediation', 'next steps', 'review actions', 'corrective actions', 'action plan', 'todo', 'to do'],
};

/** The order sections take in a complete postmortem; missing ones are inserted in this order. */
export const CANONICAL_ORDER: readonly SectionKind[] = [
  'summary', 'impact', 'timeline', 'root-cause', 'detection', 'response',
  'what-went-well', 'what-went-wrong', 'where-we-got-lucky', 'lessons-learned', 'action-items',
];

export const SECTION_TITLES: Record<SectionKind, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause',
  detection: 'Detection',
  response: 'Response',
  'what-went-well': 'What went well',
  'what-went-wrong': 'What went wrong',
  'where-we-got-lucky': 'Where we got lucky',
  'lessons-learned': 'Lessons learned',
  'action-items': 'Action items',
};

/** A one-line prompt placed under an inserted section heading: what the section should say. */
export const SECTION_PROMPTS: Record<SectionKind, string> = {
  summary: 'What happened, in two or three sentences: the failure, its effect, how it ended.',
  impact: 'Who and what was affected, for how long, and how much: users, requests, percent, minutes.',
  timeline: 'Timestamped entries (with a timezone): impact start, detection, mitigation, resolution.',
  'root-cause': 'The conditions in the system that allowed the trigger to cause harm, and why they existed.',
  detection: 'How the incident was noticed, how long that took, and what would have caught it sooner.',
  response: 'What was done to mitigate and resolve it, and what slowed the response down.',
  'what-went-well': 'What worked: tools, alerts, runbooks, people working together.',
  'what-went-wrong': 'What made the incident worse or longer.',
  'where-we-got-lucky': 'What limited the damage by chance rather than by design.',
  'lessons-learned': 'What the team now knows that it did not know before.',
  'action-items': '- [ ] A specific, checkable change. Owner: @owner. Due: YYYY-MM-DD.',
};

const lookup = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_ALIASES) as [SectionKind, readonly string[]][]) {
  for (const name of names) lookup.set(name, kind);
}

/** Lower-cased heading text without numbering, trailing punctuation or surrounding markup. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/, '')
    .replace(/[\s:.\-–—#]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical kinds a heading names: exact aliases, or each side of "X and Y" / "X & Y". */
export function kindsOf(title: string): SectionKind[] {
  const name = normalizeTitle(title);
  const exact = lookup.get(name);
  if (exact) return [exact];
  const parts = name.split(/\s*(?:\band\b|&|\/|,)\s*/).filter(Boolean);
  if (parts.length > 1) {
    const kinds = parts.map((p) => lookup.get(p)).filter((k): k is SectionKind => k !== undefined);
    if (kinds.length === parts.length) return [...new Set(kinds)];
  }
  return [];
}
