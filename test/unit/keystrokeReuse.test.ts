// What a keystroke leaves alone is not made again: the headings' readings, the action items of rows
// that did not move (the same objects as the last version's), and the rules' verdicts of "nothing
// found", which must still follow every change of the settings they were judged with.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/config/resolve';
import { analyze } from '../../server/src/engine/analyze';
import { blockCacheStats } from '../../server/src/engine/blockRules';
import { itemCacheStats } from '../../server/src/engine/itemRules';
import { datedCountWork } from '../../server/src/model/buildModel';
import { headingCacheStats } from '../../server/src/model/sections';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { assertSameMisses, keystrokeCacheWork } from '../helpers/keystrokeCacheWork';

const NOW = new Date('2026-11-29T00:00:00Z');

function tableDocument(rows: number): string {
  const table = Array.from({ length: rows }, (_, i) => `| Add a canary stage (${i}) | @ana | 2026-12-0${1 + (i % 9)} | open |`).join('\n');
  return `# Incident\n\n## Summary\n\nThe queue filled up.\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n${table}\n\n## Lessons learned\n\nAlerts help.\n`;
}

describe('a keystroke reuses what it left alone', () => {
  it('reads no heading again for an edit in a paragraph, however many sections the document has', () => {
    const sections = (n: number) => `# Incident\n\n${Array.from({ length: n }, (_, i) => `## Note ${i}\n\nAt 10:${String(i % 60).padStart(2, '0')} the queue grew (${i}).\n`).join('\n')}`;
    assertSameMisses((n) => keystrokeCacheWork(sections(n), `(${Math.floor(n / 2)})`, headingCacheStats));
    // A keystroke in a heading reads that heading again, and its section follows the new title.
    const text = sections(6).replace('## Note 3', '## Timeline');
    let timelines = -1;
    const counts = keystrokeCacheWork(text, 'Timeline', headingCacheStats, (analysis) => {
      timelines = analysis.model.sections.filter((s) => s.kinds.includes('timeline')).length;
    });
    assert.equal(counts.misses, 1);
    assert.equal(timelines, 0, 'the edited heading ("xTimeline") names no known section');
    assert.equal(analyze(text, { now: NOW }).model.sections.filter((s) => s.kinds.includes('timeline')).length, 1);
  });

  it('keeps the action items of the rows before the edit as they were (the same objects), and moves those after it', () => {
    const text = tableDocument(40);
    const parser = new IncrementalParser();
    const first = analyze(text, { now: NOW, parser });
    const at = text.indexOf('(20)');
    const typed = `${text.slice(0, at)}x${text.slice(at)}`;
    const second = analyze(typed, { now: NOW, parser });
    assert.deepStrictEqual(second.model, analyze(typed, { now: NOW }).model);
    const [before, after] = [first.model.actionItems, second.model.actionItems];
    assert.equal(after.length, 40);
    for (let i = 0; i < 20; i++) assert.equal(after[i], before[i], `row ${i} before the edit`);
    for (let i = 21; i < 40; i++) {
      assert.notEqual(after[i], before[i]);
      assert.equal(after[i].start, before[i].start + 1, `row ${i} after the edit moved by the typed character`);
    }
  });

  it('judges again every unit and item whose verdict was judged with other settings, also when the settings come back', () => {
    const text = tableDocument(12).replace('The queue filled up.', 'It was human error, and the operator forgot the flag.');
    const configs = [
      resolveConfig([]),
      resolveConfig([{ allowedPhrases: ['human error'], rules: { 'action-item-due-date': { options: { defaultDueDays: 3 } } } }]),
    ];
    const parser = new IncrementalParser();
    let typed = text;
    for (let round = 0; round < 6; round++) {
      const config = configs[round % 2];
      const at = typed.indexOf('(6)');
      typed = `${typed.slice(0, at)}y${typed.slice(at)}`;
      const blocks = blockCacheStats().misses;
      const items = itemCacheStats().misses;
      const incremental = analyze(typed, { now: NOW, parser, config });
      assert.deepStrictEqual(incremental.findings, analyze(typed, { now: NOW, config }).findings, `round ${round}`);
      assert.equal(incremental.findings.some((f) => f.ruleId === 'no-blame-language' && typed.slice(f.start, f.end) === 'human error'), round % 2 === 0);
      // A change of settings judges every unit (or item) again; the same settings again only the edited ones.
      if (round > 0) assert.ok(blockCacheStats().misses - blocks > 12 && itemCacheStats().misses - items >= 12, `round ${round}`);
    }
  });
});

describe('a keystroke outside the timeline-like sections', () => {
  const list = (n: number, from: number) => Array.from({ length: n }, (_, i) => `- 10:${String(from + i).padStart(2, '0')} Step ${from + i} of the response.`).join('\n');
  const text = `# Incident\n\n## Key events\n\n${list(3, 0)}\n\n## Summary\n\nThe queue filled up (here).\n\n## Timeline\n\n${list(6, 10)}\n\n## Response timeline\n\n${list(2, 30)}\n`;

  function typed(before: string, marker: string, insert: string): { counted: number; kept: number; second: ReturnType<typeof analyze> } {
    const parser = new IncrementalParser();
    analyze(before, { now: NOW, parser });
    const at = before.indexOf(marker);
    const after = `${before.slice(0, at)}${insert}${before.slice(at)}`;
    const { counted, kept } = datedCountWork;
    const second = analyze(after, { now: NOW, parser });
    const work = { counted: datedCountWork.counted - counted, kept: datedCountWork.kept - kept, second };
    assert.deepStrictEqual(second.model, analyze(after, { now: NOW }).model);
    return work;
  }

  it('keeps each candidate timeline\'s count of dated entries instead of reading them all again', () => {
    const { counted, kept, second } = typed(text, '(here)', 'x');
    assert.deepEqual([counted, kept], [0, 3]);
    assert.equal(second.model.timeline.entries.length, 6, 'the fullest candidate is still the timeline');
  });

  it('counts again the candidate the edit changed, and picks another when that one becomes the fullest', () => {
    const edited = typed(text, 'Step 31', 'x');
    assert.deepEqual([edited.counted, edited.kept], [1, 2]);
    // Five more entries under the key events (3 before): now the fullest.
    const grown = typed(text, '\n\n## Summary', `\n${list(5, 3)}`);
    assert.deepEqual([grown.counted, grown.kept], [1, 2]);
    assert.equal(grown.second.model.timeline.entries.length, 8);
  });
});
