// Generated workspaces for the follow-through report: postmortems whose figures are known by
// construction, so tests compare the report with what the generator put in.
const pad = (n: number) => String(n).padStart(2, '0');

export interface GeneratedPostmortem {
  file: string;
  text: string;
  month: string;
  severity: string;
  nearMiss: boolean;
  detectMinutes: number;
}

/** Each postmortem: 2 done items (one with a done date 10 days after the incident), 1 overdue, 1 open not yet due. */
export function generateWorkspace(count: number, hostile = ''): GeneratedPostmortem[] {
  return Array.from({ length: count }, (_, i) => {
    const month = `2025-${pad((i % 12) + 1)}`;
    const severity = `SEV-${(i % 3) + 1}`;
    const nearMiss = i % 10 === 9;
    const detectMinutes = 5 * ((i % 4) + 1);
    const text = `---
title: Generated incident ${i}${hostile}
date: ${month}-05
severity: ${severity}
type: ${nearMiss ? 'near-miss' : 'incident'}
timezone: UTC
---

# Generated incident ${i}${hostile}

## Timeline

- 10:00 Error rate began rising. <!-- milestone: impact-start -->
- 10:${pad(detectMinutes)} Alert fired and paged the on-call engineer. <!-- milestone: detected -->
- 11:00 Incident resolved. <!-- milestone: resolved -->

## Action items

- [x] Add a queue depth alert. Owner: @ana. Done 2025-${month.slice(5)}-15.
- [x] Cap consumer retries. Owner: @ben.
- [ ] Write the failover runbook${hostile}. Owner: @cy. Due: 2025-01-01.
- [ ] Review broker limits. Owner: @di. Due: 2099-01-01.
`;
    return { file: `pm/${month}-${i}.md`, text, month, severity, nearMiss, detectMinutes };
  });
}
