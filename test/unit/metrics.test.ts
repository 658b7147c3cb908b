import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { timelineReport } from '../../server/src/cli/reports';
import { outline } from '../../server/src/features/outline';
import { computeMetrics, formatDuration, formatElapsed, metricFigures, NO_METRICS } from '../../server/src/model/metrics';

const metrics = (text: string) => computeMetrics(analyze(text, { now: new Date('2026-11-29T00:00:00Z') }).model.timeline);

describe('incident metrics', () => {
  it('counts across midnight', () => {
    const m = metrics('---\ndate: 2026-03-01\ntimezone: UTC\n---\n## Timeline\n\n- 23:40 Errors began.\n- 23:55 Alert fired.\n- 00:20 Rolled back.\n- 01:10 Incident resolved.\n');
    assert.deepEqual([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes], [15, 40, 90]);
  });

  it('converts entries written in different zones to one clock', () => {
    const m = metrics('---\ndate: 2026-03-01\n---\n## Timeline\n\n- 10:00 UTC Errors began.\n- 11:05 CET Alert fired.\n- 05:30 EST Incident resolved.\n');
    assert.deepEqual([m.timeToDetectMinutes, m.timeToResolveMinutes], [5, 30]);
  });

  it('gives milestones out of order a negative duration rather than hiding them', () => {
    const m = metrics('---\ndate: 2026-03-01\ntimezone: UTC\n---\n## Timeline\n\n- 10:00 Errors began.\n- 09:50 Alert fired.\n');
    assert.equal(m.timeToDetectMinutes, -10);
  });

  it('has no metrics without a timeline, and formats durations', () => {
    const m = metrics('# Nothing\n');
    assert.equal(m.impactStart, undefined);
    assert.equal(m.timeToDetectMinutes, null);
    assert.deepEqual([formatDuration(9), formatDuration(105), formatDuration(60), formatDuration(3000), formatElapsed(42), formatElapsed(-5)], ['9m', '1h45m', '1h', '2d2h', 'T+00:42', 'T-00:05']);
  });
});

describe('one metrics shape', () => {
  it('the outline, the CLI timeline and the empty answer carry the same figures', () => {
    const text = '---\ndate: 2026-03-01\ntimezone: UTC\n---\n## Timeline\n\n- 10:00 Errors began.\n- 10:12 Alert fired.\n- 10:40 Rolled back.\n- 11:00 Incident resolved.\n';
    const analysis = analyze(text, { now: new Date('2026-11-29T00:00:00Z') });
    const fromOutline = outline('untitled:pm.md', analysis, [], new Date()).timeline.metrics;
    const fromCli = timelineReport('pm.md', analysis).metrics;
    assert.deepEqual(fromCli, fromOutline);
    assert.deepEqual(fromOutline, metricFigures(computeMetrics(analysis.model.timeline)));
    assert.deepEqual(Object.keys(NO_METRICS).sort(), Object.keys(fromOutline).sort());
    assert.deepEqual(Object.values(NO_METRICS), [null, null, null, null, null, []]);
  });
});
