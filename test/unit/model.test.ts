import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { computeMetrics } from '../../server/src/model/metrics';

const model = (text: string) => analyze(text, { now: new Date('2026-11-29T00:00:00Z') }).model;
const times = (text: string) => model(text).timeline.entries.map((e) => e.iso ?? null);

describe('sections', () => {
  it('finds canonical sections at any level, numbered, closed, and as bold labels', () => {
    const m = model('# T\n\n### 1. Summary ##\n\nx\n\n#### Contributing Factors:\n\ny\n\n- **Impact**: 3 users\n- **Review actions**:\n  - Add a check. Owner: @a. Due: 2026-12-01\n');
    assert.deepEqual(m.sections.filter((s) => s.kinds.length).map((s) => s.kinds.join('+')), ['summary', 'root-cause', 'impact', 'action-items']);
    assert.equal(m.actionItems.length, 1);
  });

  it('counts "Summary and impact" as both', () => {
    assert.deepEqual(model('## Summary and Impact\n\nx\n').sections[0].kinds, ['summary', 'impact']);
  });
});

describe('timeline formats', () => {
  it('a heading per entry, date carried forward, zone from a preamble (PST in August is daylight time)', () => {
    const text = '# T\n\n## Timeline\n\nAll times in PST\n\n### Aug 14 2019 13:06\n\nDeploy.\n\n### 13:35\n\nMore.\n\n### 8:20 - 8:24 PM\n\nLater.\n';
    assert.deepEqual(times(text), ['2019-08-14T13:06:00-07:00', '2019-08-14T13:35:00-07:00', '2019-08-14T20:20:00-07:00']);
    assert.equal(model(text).timeline.zone?.source, 'preamble');
  });

  it('list items with dates, bracketed times and dashes', () => {
    assert.deepEqual(times('## Timeline\n\n- 2024-04-09 13:42 Noticed.\n- [13:50] Paged.\n- 14:02 UTC — Rolled back.\n'), ['2024-04-09T13:42:00+00:00', '2024-04-09T13:50:00+00:00', '2024-04-09T14:02:00+00:00']);
  });

  it('bold prefixes on lines of one paragraph', () => {
    const text = '## Timeline\n\n**Feb 04, 2021, 21:45 (UTC):** Alert fired.\n**21:48:** Paged.\n';
    assert.deepEqual(times(text), ['2021-02-04T21:45:00+00:00', '2021-02-04T21:48:00+00:00']);
  });

  it('a date line followed by time bullets', () => {
    assert.deepEqual(times('---\ntimezone: UTC\n---\n## Timeline\n\n**2021-02-04**\n\n- 09:00 A\n- 09:30 B\n\n**2021-02-05**\n\n- 08:00 C\n'), ['2021-02-04T09:00:00+00:00', '2021-02-04T09:30:00+00:00', '2021-02-05T08:00:00+00:00']);
  });

  it('table rows with a time column and a date column', () => {
    const text = '## Timeline\n\nAll times in UTC.\n\n| Date | Time | Event |\n| --- | --- | --- |\n| 2024-05-01 | 10:00 | Alert fired |\n| 2024-05-01 | 10:30 | Rolled back |\n';
    const m = model(text);
    assert.deepEqual(m.timeline.entries.map((e) => [e.iso, e.text]), [['2024-05-01T10:00:00+00:00', 'Alert fired'], ['2024-05-01T10:30:00+00:00', 'Rolled back']]);
  });

  it('12-hour forms, military times and dotted times', () => {
    assert.deepEqual(times('---\ndate: 2024-01-02\ntimezone: UTC\n---\n## Timeline\n\n### 11:21a\n\nx\n\n### 12:28p\n\ny\n'), ['2024-01-02T11:21:00+00:00', '2024-01-02T12:28:00+00:00']);
    assert.deepEqual(times('---\ndate: 2024-01-02\n---\n## Timeline\n\n- 1915 UTC paged\n- 2024-04-09 11.50 restarted\n'), ['2024-01-02T19:15:00+00:00', '2024-04-09T11:50:00+00:00']);
  });

  it('rolls past midnight only when the text says so or the gap is implausible', () => {
    const base = '---\ndate: 2024-01-02\ntimezone: UTC\n---\n## Timeline\n\n';
    assert.deepEqual(times(`${base}- 23:50 Alert\n- 00:10 Rolled back\n`), ['2024-01-02T23:50:00+00:00', '2024-01-03T00:10:00+00:00']);
    assert.deepEqual(times(`${base}- 10:00 Alert\n- 09:00 next day: fixed\n`), ['2024-01-02T10:00:00+00:00', '2024-01-03T09:00:00+00:00']);
    assert.deepEqual(times(`${base}- 10:00 Alert\n- 09:50 Paged\n`), ['2024-01-02T10:00:00+00:00', '2024-01-02T09:50:00+00:00']);
  });

  it('keeps entries with unknown times as entries without a time', () => {
    const m = model('## Timeline\n\n- 10:00 UTC Alert\n- [???] Restarted\n- 10:30 UTC Fixed\n');
    assert.equal(m.timeline.entries.length, 3);
    assert.equal(m.timeline.entries[1].timeSpan, undefined);
  });

  it('uses IANA zones from front matter, with daylight saving', () => {
    assert.deepEqual(times('---\ndate: 2024-07-01\ntimezone: Europe/Berlin\n---\n## Timeline\n\n- 10:00 A\n'), ['2024-07-01T10:00:00+02:00']);
  });

  it('infers a timeline from the longest timed list when no section is named', () => {
    const m = model('# T\n\n- **Context**:\n  - 2024-04-09 13:42 Noticed\n  - 2024-04-09 14:03 Reported\n  - 2024-04-09 15:12 Declared\n');
    assert.equal(m.timeline.entries.length, 3);
  });
});

describe('milestones and metrics', () => {
  const text = '---\ndate: 2024-01-02\ntimezone: UTC\n---\n## Timeline\n\n- 10:00 Errors began for users.\n- 10:09 Alert fired and paged on-call.\n- 10:12 Incident declared.\n- 10:42 Rolled back; error rate back to normal.\n- 11:45 Incident resolved.\n';

  it('infers milestones from words', () => {
    assert.deepEqual(model(text).timeline.entries.map((e) => e.milestone ?? null), ['impact-start', 'detected', 'acknowledged', 'mitigated', 'resolved']);
  });

  it('explicit markers win over words', () => {
    const m = model(text.replace('10:12 Incident declared.', '10:12 Incident declared. <!-- milestone: detected -->'));
    assert.equal(m.timeline.entries[2].milestone, 'detected');
    // The entry whose words said "detected" gives the milestone up to the marked one.
    assert.equal(m.timeline.entries[1].milestone, undefined);
    assert.equal(m.timeline.entries[2].milestoneExplicit, true);
    assert.equal(m.timeline.entries.filter((e) => e.milestone === 'detected').length, 1);
  });

  it('measures from the impact start', () => {
    const metrics = computeMetrics(model(text).timeline);
    assert.deepEqual([metrics.timeToDetectMinutes, metrics.timeToMitigateMinutes, metrics.timeToResolveMinutes], [9, 42, 105]);
  });

  it('falls back to the first timed entry when no entry marks the impact start, and gives null for missing milestones', () => {
    const metrics = computeMetrics(model('---\ndate: 2024-01-02\ntimezone: UTC\n---\n## Timeline\n\n- 10:00 Deploy.\n- 10:05 Alert fired.\n').timeline);
    assert.equal(metrics.impactStartInferred, true);
    assert.equal(metrics.timeToDetectMinutes, 5);
    assert.equal(metrics.timeToResolveMinutes, null);
  });
});

describe('action items', () => {
  const items = (body: string) => model(`## Action items\n\n${body}`).actionItems;

  it('reads owners, due dates, status and trackers from list and task items', () => {
    const read = items('- [ ] Add alert. Owner: Ana Lima. Due: 2026-12-05\n- [x] Canary configs @ben by Dec 5, 2026 PAY-12\n- Fix retries (owner: chen) by 2026-12-07 (done) #123\n- TODO add runbook https://x.example/1\n');
    assert.deepEqual(read.map((a) => [a.owner, a.due, a.status, a.tracker ?? null]), [
      ['Ana Lima', '2026-12-05', 'open', null],
      ['@ben', '2026-12-05', 'done', 'PAY-12'],
      ['chen', '2026-12-07', 'done', '#123'],
      [undefined, undefined, 'open', 'https://x.example/1'],
    ]);
  });

  it('reads table rows with Owner/Assignee, Due and Status columns', () => {
    const read = items('| Item | Assignee | Due date | Status |\n| --- | --- | --- | --- |\n| Add alert | @ana | 2026-12-05 | Done |\n| Canary | | next week | open |\n');
    assert.deepEqual(read.map((a) => [a.text, a.owner, a.dueText, a.due, a.status]), [['Add alert', '@ana', '2026-12-05', '2026-12-05', 'done'], ['Canary', undefined, 'next week', undefined, 'open']]);
  });

  it('reads items in subsections and under group labels', () => {
    const m = model('## Action items\n\n### Process\n\n- A. Owner: @a\n\n### Tech\n\n- Group:\n  - B. Owner: @b\n  - C. Owner: @c\n');
    assert.deepEqual(m.actionItems.map((a) => a.owner), ['@a', '@b', '@c']);
  });
});

describe('formats found in the corpus', () => {
  it('reads a label whose text follows the list, in paragraphs or a list with another marker', () => {
    const m = model('# I\n\n- **Identified**:\n\nVia an engineer.\n\n- **Resolution**:\n\n* Every node healthy again by 17:38\n\n- **Review actions**:\n\n1. Speak to the owner. Owner: @a\n');
    const body = (kind: string) => m.sections.find((s) => s.kinds.includes(kind as never))!;
    assert.ok(body('detection').end > body('detection').body.start + 5);
    assert.ok(body('response').end > body('response').body.start + 5);
    assert.equal(m.actionItems.length, 1);
  });

  it('reads "2025-01-14 1600" as a time and skips section labels inside a timeline list', () => {
    const m = model('## Timeline\n\n- 2025-01-14 1500 Alert fired.\n- 2025-01-14 1600 Repaired.\n- **Resolution**: restarted the pods.\n');
    assert.deepEqual(m.timeline.entries.map((e) => e.iso), ['2025-01-14T15:00:00+00:00', '2025-01-14T16:00:00+00:00']);
  });
});
