// Entries placed only by their day ("2026-04-08 - Support noticed …") count in the metrics as whole
// days, never as an invented time, and the preview groups them under their day instead of a midnight.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { timelineReport, timelineText } from '../../server/src/cli/reports';
import { outline } from '../../server/src/features/outline';
import { computeMetrics, formatFigure } from '../../server/src/model/metrics';
import { layoutTimeline } from '../../server/src/render/timelineLayout';
import { timelineSvg } from '../../server/src/render/timelineSvg';
import { buildReport } from '../../server/src/render/reportData';
import { reportHtml } from '../../server/src/render/reportHtml';
import { reportMarkdown } from '../../server/src/render/reportMarkdown';
import { parseNow } from '../../server/src/cli/usage';

const NOW = new Date('2026-05-01T12:00:00Z');
const DAYS = `---
date: 2026-04-06
timezone: UTC
---
# Stale search results

## Timeline

- 2026-04-06 - Stale search results started for customers after the index job shipped.
- 2026-04-08 - Support noticed the stale results and alerted the search team.
- 2026-04-08 14:20 - The team rolled back the index job; fresh results returned.
- 2026-04-10 - Incident resolved after the reindex finished.
`;

describe('day-precision timeline entries', () => {
  it('settle metrics in whole days, and say so', () => {
    const m = computeMetrics(analyze(DAYS, { now: NOW }).model.timeline);
    assert.deepEqual([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes], [2 * 1440, 2 * 1440, 4 * 1440]);
    assert.deepEqual([...m.countedInDays].sort(), ['impactMinutes', 'timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes']);
    assert.deepEqual(['timeToDetectMinutes', 'timeToResolveMinutes'].map((n) => formatFigure(m, n as 'timeToDetectMinutes')), ['2 days', '4 days']);
  });

  it('keep minutes where both ends have a time, and days only where one end is a date', () => {
    const mixed = DAYS.replace('- 2026-04-06 - Stale', '- 2026-04-08 09:05 - Stale').replace('- 2026-04-08 - Support', '- 2026-04-08 09:50 - Support');
    const m = computeMetrics(analyze(mixed, { now: NOW }).model.timeline);
    assert.equal(m.timeToDetectMinutes, 45);
    assert.equal(m.timeToMitigateMinutes, 5 * 60 + 15);
    assert.equal(m.timeToResolveMinutes, 2 * 1440);
    assert.deepEqual([...m.countedInDays].sort(), ['timeToResolveMinutes']);
  });

  it('an impact start given by day only, with a time later that day, counts from that time', () => {
    const sameDay = `# X\n\n## Timeline\n\n- 2026-04-08 - A schema change shipped.\n- 2026-04-08 10:00 UTC - Errors began for checkout users.\n- 2026-04-08 10:30 UTC - An alert fired and paged the on-call engineer.\n`;
    const m = computeMetrics(analyze(sameDay, { now: NOW }).model.timeline);
    assert.equal(m.timeToDetectMinutes, 30);
    assert.deepEqual(m.countedInDays, []);
  });

  it('the CLI reports the day and the precision, never a midnight time', () => {
    const analysis = analyze(DAYS, { now: NOW });
    const report = timelineReport('pm.md', analysis);
    assert.deepEqual(report.entries.map((e) => [e.time, e.date, e.precision]), [
      [null, '2026-04-06', 'day'], [null, '2026-04-08', 'day'], ['2026-04-08T14:20:00+00:00', '2026-04-08', 'minute'], [null, '2026-04-10', 'day'],
    ]);
    const text = timelineText(report);
    assert.match(text, /time to detect: 2 days · time to mitigate: 2 days · time to resolve: 4 days/);
    assert.doesNotMatch(text, /T00:00/);
  });

  it('the preview groups entries under their day, day-only ones as "that day"', () => {
    const analysis = analyze(DAYS, { now: NOW });
    const layout = layoutTimeline(outline('untitled:pm.md', analysis, [], NOW));
    const rows = layout.rows.map((r) => (r.kind === 'day' ? `# ${r.date}` : r.kind === 'entry' ? `${r.time} ${r.text.slice(0, 12)}` : 'gap'));
    assert.deepEqual(rows, [
      '# 2026-04-06', 'that day Stale search', '# 2026-04-08', 'that day Support noti', '2026-04-08 14:20 The team rol', '# 2026-04-10', 'that day Incident res',
    ]);
    assert.deepEqual(layout.metrics.map((m) => m.value), ['2 days', '2 days', '4 days', '2 days']);
    const svg = timelineSvg(outline('untitled:pm.md', analysis, [], NOW));
    assert.equal((svg.match(/class="day"/g) ?? []).length, 3);
  });

  it('a one-day timeline of times has no day rows', () => {
    const analysis = analyze('# X\n\n## Timeline\n\n- 10:00 UTC Errors began.\n- 10:30 UTC Alert fired.\n', { now: NOW });
    assert.ok(layoutTimeline(outline('untitled:pm.md', analysis, [], NOW)).rows.every((r) => r.kind !== 'day'));
  });
  it('the follow-through report shows day-counted figures as days and keeps them out of the minute medians', () => {
    const analysis = analyze(DAYS, { now: NOW });
    const timed = analyze('---\ndate: 2026-04-20\n---\n# Slow checkout\n\n## Timeline\n\n- 2026-04-20 10:00 UTC Errors began for checkout.\n- 2026-04-20 10:20 UTC An alert fired.\n- 2026-04-20 11:00 UTC Incident resolved; checkout is healthy again.\n', { now: NOW });
    const report = buildReport([
      { file: 'days.md', model: analysis.model, lineOf: (o) => analysis.lines.line(o) + 1 },
      { file: 'timed.md', model: timed.model, lineOf: (o) => timed.lines.line(o) + 1 },
    ], NOW);
    const april = report.byMonth.find((g) => g.key === '2026-04')!;
    assert.equal(april.medianTimeToDetectMinutes, 20, 'the 2-day figure is not averaged in as 2,880 minutes');
    assert.equal(april.medianTimeToResolveMinutes, 60);
    assert.match(reportMarkdown(report), /\| 2 days \| 4 days \|/);
    assert.match(reportHtml(report), /<td class="n">2 days<\/td><td class="n">2 days<\/td><td class="n">4 days<\/td>/);
  });

  it('the preview and the CLI say the same of a resolution dated the day before its start', () => {
    const backwards = DAYS.replace('- 2026-04-10 - Incident resolved', '- 2026-04-05 - Incident resolved');
    const analysis = analyze(backwards, { now: NOW });
    const m = computeMetrics(analysis.model.timeline);
    const layout = layoutTimeline(outline('untitled:pm.md', analysis, [], NOW));
    assert.equal(formatFigure(m, 'timeToResolveMinutes'), '-1 days');
    assert.equal(layout.metrics[2].value, '-1 days');
  });

  it('--now YYYY-MM-DD is that day where the CLI runs, also west of UTC', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'UTC', 'Pacific/Auckland']) {
        process.env.TZ = zone;
        const now = parseNow('2026-03-10');
        assert.deepEqual([now.getFullYear(), now.getMonth() + 1, now.getDate()], [2026, 3, 10], zone);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
