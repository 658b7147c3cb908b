// Canonical sections and the names real postmortems give them. The aliases are data (one table,
// each alias with the kind of heading it was seen in); the matching (sectionMatch.ts) normalises a
// heading and compares words, so a heading nobody listed that says the same thing is read too.
import type { SectionKind } from './types';

/**
 * [alias, where headings like it appear]. A `*` stands for a few words; an alias that starts with
 * a question word matches a heading that starts with it ("Why did the queue back up?").
 */
export const SECTION_ALIASES: Record<SectionKind, ReadonlyArray<readonly [string, string]>> = {
  summary: [
    ['summary', '"## Summary", "## Issue Summary", "## Executive Summary", "**Summary**:"'],
    ['overview', '"## Overview", "## Incident overview"'],
    ['tl;dr', '"## TL;DR" at the top of engineering blog postmortems'],
    ['tldr', '"## TLDR"'],
    ['synopsis', '"## Synopsis" in formal incident reports'],
    ['description', '"## Incident description"'],
    ['what happened', 'question headings: "## What happened?"'],
  ],
  impact: [
    ['impact', '"## Impact", "## Customer Impact", "## Impact on users", "- **Impact**:"'],
    ['who * affected', 'question headings: "## Who was affected?"'],
    ['what * affected', 'question headings: "## What was affected"'],
    ['how * affected', 'question headings: "## How were users affected?"'],
  ],
  timeline: [
    ['timeline', '"## Timeline", "## Incident Timeline", "## Timeline (all times UTC)", "**Timeline:**"'],
    ['key event', '"- **Key events**" bullets in label-style postmortems'],
    ['chronology', '"## Chronology" in formal reports'],
    ['sequence of event', '"## Sequence of events"'],
    ['event log', '"## Event log"'],
  ],
  'root-cause': [
    ['root cause', '"## Root Cause", "## Root Cause Analysis", "## Root causes"'],
    ['cause', '"## Causes", "## Cause and effect", "## Technical cause"'],
    ['contributing factor', '"## Contributing Factors"'],
    ['trigger', '"## Trigger", "### Trigger and root cause"'],
    ['five whys', '"## Five whys"'],
    ['5 whys', '"## 5 Whys"'],
    ['why', 'question headings: "## Why did it happen?", "## Why it happened"'],
  ],
  detection: [
    ['detection', '"## Detection", "## Incident detection"'],
    ['identified', '"- **Identified**:" in label-style postmortems'],
    ['time to detect', '"- **Time to detect**:"'],
    ['how * detected', 'question headings: "## How was it detected?"'],
    ['how * found', 'question headings: "## How we found out", "## How it was found"'],
    ['how * find', 'question headings: "## How did we find out?"'],
    ['how * noticed', 'question headings: "## How was it noticed"'],
    ['how * discovered', 'question headings: "## How it was discovered"'],
    ['what caught', 'near-miss reports: "## What caught it"'],
    ['how * caught', 'near-miss reports: "## How it was caught"'],
  ],
  response: [
    ['response', '"## Response", "## Incident Response"'],
    ['resolution', '"## Resolution", "## Resolution and recovery"'],
    ['mitigation', '"## Mitigation"'],
    ['recovery', '"## Recovery"'],
    ['time to repair', '"- **Time to repair**:"'],
    ['time to resolve', '"- **Time to resolve**:"'],
    ['how * fixed', 'question headings: "## How was it fixed?"'],
    ['how * resolved', 'question headings: "## How it was resolved"'],
    ['how * mitigated', 'question headings: "## How it was mitigated"'],
  ],
  'what-went-well': [
    ['what went well', 'a heading such as "### What went well", often nested under "## Lessons learned"'],
    ['what went right', '"### What went right"'],
    ['went well', '"### Things that went well"'],
    ['what worked', '"### What worked"'],
  ],
  'what-went-wrong': [
    ['what went wrong', '"### What went wrong", often nested under "## Lessons learned"'],
    ['what did not go well', '"### What didn\'t go well"'],
    ['what could have gone better', '"### What could have gone better"'],
    ['what could be improved', '"### What could be improved"'],
    ['went wrong', '"### Things that went wrong"'],
  ],
  'where-we-got-lucky': [
    ['where we got lucky', '"### Where we got lucky"'],
    ['where we were lucky', '"### Where we were lucky"'],
    ['lucky', '"### Lucky"'],
  ],
  'lessons-learned': [
    ['lessons learned', '"## Lessons learned", "## Lessons learnt"'],
    ['lesson', '"## Lessons"'],
    ['learning', '"## Learnings", "## Key learnings"'],
    ['takeaway', '"## Takeaways"'],
    ['conclusion', '"## Conclusion"'],
    ['what * learn', 'question headings: "## What did we learn?"'],
  ],
  'action-items': [
    ['action item', '"## Action items", "## Action Items"'],
    ['action', '"## Actions", "## Preventive Actions", "## Corrective actions", "- **Review actions**:"'],
    ['followup', '"## Follow-ups", "## Follow up items", "## Followups"'],
    ['remediation', '"## Remediation", "## Remediation items"'],
    ['next step', '"## Next steps"'],
    ['preventive measure', '"## Preventative and Corrective Measure(s)"'],
    ['corrective measure', '"## Corrective measures"'],
    ['action plan', '"## Action plan"'],
    ['todo', '"## TODO"'],
    ['to do', '"## To do"'],
    ['what * doing', 'question headings: "## What are we doing about it?"'],
    ['what * will do', 'question headings: "## What we will do"'],
    ['how * prevent', 'question headings: "## How will we prevent this?"'],
  ],
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
