// The whole-postmortem template used by New Postmortem (the snippets file carries the same skeleton).

export function postmortemTemplate(title: string, date: string, timezone: string): string {
  return `---
title: ${JSON.stringify(title)}
date: ${date}
severity: SEV-3
status: draft
timezone: ${timezone}
authors: []
type: postmortem
---

# ${title}

## Summary

<!-- What happened, in two or three sentences: the failure, its effect, how it ended. -->

## Impact

<!-- Who and what was affected, for how long, and how much: users, requests, percent, minutes. -->

## Timeline

All times in ${timezone}.

- ${date} HH:MM Impact began. <!-- milestone: impact-start -->
- HH:MM Alert fired / issue reported. <!-- milestone: detected -->
- HH:MM Mitigated. <!-- milestone: mitigated -->
- HH:MM Resolved. <!-- milestone: resolved -->

## Root cause

<!-- The conditions in the system that let the trigger cause harm. Ask why until you reach a change the system can make. -->

## Detection

<!-- How the incident was noticed, how long that took, and what would have caught it sooner. -->

## Response

<!-- What was done to mitigate and resolve it, and what slowed the response down. -->

## What went well

## What went wrong

## Where we got lucky

## Action items

| Action | Owner | Due | Status | Tracker |
| --- | --- | --- | --- | --- |
`;
}

export function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-').slice(0, 60) || 'postmortem';
}
