// An analysis given up midway (analyzeUnlessStale, what an analysis worker runs) stops at the first
// step after which it is no longer wanted: no further parse window, phase or rule runs. Stopping
// midway leaves the document's parser as it was, so the next version's analysis is the full one.
import assert from 'node:assert/strict';
import { analyze, analyzeUnlessStale } from '../../server/src/engine/analyze';
import { resolveConfig } from '../../server/src/config/resolve';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { generatePostmortem } from '../../bench/generate';

const CONFIG = resolveConfig([]);
const NOW = new Date('2026-11-30T12:00:00Z');
/** Long enough to be parsed window by window (hundreds of headings): many steps. */
const LONG = generatePostmortem(1500, 3);

describe('an analysis given up midway', function () {
  this.timeout(60_000);

  it('runs every step when it stays wanted, and gives the same result as analyze', () => {
    const parser = new IncrementalParser();
    let asked = 0;
    const whole = analyzeUnlessStale(LONG, { config: CONFIG, now: NOW, parser }, () => (asked++, false));
    assert.ok(whole);
    assert.ok(parser.lastStats.parsed > 50, `parsed in ${parser.lastStats.parsed} windows`);
    assert.ok(asked > parser.lastStats.parsed, `asked after ${asked} steps`);
    assert.deepEqual(whole.findings, analyze(LONG, { config: CONFIG, now: NOW }).findings);
  });

  it('given up during the parse: no further window is parsed and no rule runs', () => {
    const parser = new IncrementalParser();
    const phases = new Map<string, number>();
    const timings = new Map<string, number>();
    let asked = 0;
    const result = analyzeUnlessStale(LONG, { config: CONFIG, now: NOW, parser, phases, timings }, () => ++asked >= 3);
    assert.equal(result, undefined);
    assert.equal(asked, 3, 'not asked again after it said no');
    assert.equal(parser.lastStats.parsed, 3, 'windows parsed');
    assert.equal(phases.has('parse'), false, 'the parse never finished');
    assert.equal(timings.size, 0, 'rules run');
  });

  it('given up between rules: no rule runs after that', () => {
    const timings = new Map<string, number>();
    const result = analyzeUnlessStale(LONG, { config: CONFIG, now: NOW, parser: new IncrementalParser(), timings }, () => timings.size >= 2);
    assert.equal(result, undefined);
    assert.equal(timings.size, 2, 'rules run');
  });

  it('leaves the parser ready for the next version: its analysis equals a fresh one', () => {
    const parser = new IncrementalParser();
    const first = LONG.replace('## Detection', '## Detection\n\nAn alert fired.\n');
    analyzeUnlessStale(first, { config: CONFIG, now: NOW, parser }, () => false);
    const given = LONG.replace('## Detection', '## Detection\n\nA page went out.\n');
    assert.ok(first !== LONG && given !== LONG, 'both versions are edits of the long one');
    let asked = 0;
    assert.equal(analyzeUnlessStale(given, { config: CONFIG, now: NOW, parser }, () => ++asked >= 2), undefined);
    const next = analyzeUnlessStale(LONG, { config: CONFIG, now: NOW, parser }, () => false);
    assert.deepEqual(next?.findings, analyze(LONG, { config: CONFIG, now: NOW }).findings);
  });
});
