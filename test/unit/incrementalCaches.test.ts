// The engine's per-unit caches (prose mask, suppression comments, block rules' reports, action items,
// timeline entries) are invisible: after any sequence of edits, an analysis that reuses them gives
// exactly the model and findings of a fresh analysis of the same text (deep equality, offsets too).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generatePostmortem, rng } from '../../bench/generate';
import { analyze, type Analysis } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { apply, edit } from '../helpers/randomEdits';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'postmortems');
const NOW = new Date('2026-11-29T00:00:00Z');

/** A postmortem with a long timeline list and a long action table, suppression comments and front matter. */
function longSections(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const words = ['The deploy reached every region.', 'Kim forgot to check the dashboard.', 'We should have paged the database team.', 'Obviously the cache was stale.', 'The alert fired.', 'Retries hid the errors.'];
  const entries = Array.from({ length: 40 }, (_, i) => `- 10:${String(i).padStart(2, '0')} ${pick(words)}`);
  const rows = Array.from({ length: 30 }, (_, i) => `| ${pick(['Add a canary stage', 'Alert on rejected batches', 'Just restart the pod'])} (${i}) | ${pick(['@ana', 'TBD', ''])} | ${pick(['2026-12-01', '2026-10-01', 'next week', ''])} | ${pick(['open', 'done'])} |`);
  return [
    '---', 'title: Long sections', 'date: 2026-03-04', 'participants: [Kim Lee]', '---', '', '# Long sections', '',
    '## Summary', '', 'The operator made a mistake. <!-- postmortem-disable-line no-blame-language -->', '',
    '## Timeline', '', 'All times in UTC.', '', ...entries, '',
    '<!-- postmortem-disable no-hindsight-minimizer -->', '',
    '## Root cause', '', 'It was caused by human error. Nothing validated the batch size.', '',
    '<!-- postmortem-enable no-hindsight-minimizer -->', '',
    '## Action items', '', '| Action | Owner | Due | Status |', '| --- | --- | --- | --- |', ...rows, '',
    '- [ ] We should have a timeout. Owner: @ben. Due: 2026-12-15.', '- Add a runbook step', '',
    '## Lessons learned', '', 'Obviously, nobody should have deployed on a Friday.', '',
  ].join('\n');
}

const documents = [
  longSections(1),
  longSections(2),
  generatePostmortem(200, 5),
  ...readdirSync(EXAMPLES).slice(0, 2).map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
];

function assertSame(incremental: Analysis, fresh: Analysis): void {
  assert.deepStrictEqual(incremental.model, fresh.model);
  assert.deepStrictEqual(incremental.findings, fresh.findings);
}

describe('incremental analysis with per-unit caches', () => {
  it('gives exactly the model and findings of a fresh analysis after random edits', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.constantFrom(...documents.keys()), fc.array(edit, { minLength: 1, maxLength: 10 }), (index, edits) => {
        const parser = new IncrementalParser();
        let text = documents[index];
        analyze(text, { now: NOW, parser });
        for (const e of edits) {
          text = apply(text, e);
          assertSame(analyze(text, { now: NOW, parser }), analyze(text, { now: NOW }));
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('stays equal while typing a word inside a long table and a long timeline', () => {
    for (const anchor of ['| Add', '- 10:2']) {
      const parser = new IncrementalParser();
      let text = documents[0];
      analyze(text, { now: NOW, parser });
      let at = text.indexOf(anchor) + anchor.length;
      for (const ch of ' should have') {
        text = text.slice(0, at) + ch + text.slice(at);
        at++;
        assertSame(analyze(text, { now: NOW, parser }), analyze(text, { now: NOW }));
      }
    }
  });
});
