// Section rules read a section's visible text when they judge it; visibleText answers a span it read
// before from its cache, keyed by the span's text alone (what the result depends on), and a section
// the keystroke left alone is not judged again (its reports are cached). Results still follow every change.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { visibleText, visibleTextStats } from '../../server/src/rules/util';
import { keystrokeCacheWork } from '../helpers/keystrokeCacheWork';

const NOW = new Date('2026-11-29T00:00:00Z');

function sections(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `## Detection\n\nAn alert on the error rate (${i}) paged the on-call engineer four minutes after the deploy started.\n`);
  return `# Incident\n\n${body.join('\n')}`;
}

describe('section rules read only the sections an edit changed', () => {
  it('answers a span with the same text from its cache, wherever it sits, and reads a changed span again', () => {
    const span = 'Queue <!-- note --> depth **rose** to 40k';
    const first = visibleText(`# A\n\n${span}\n`, 5, 5 + span.length);
    const before = visibleTextStats();
    // The same characters in another document at another offset: one lookup, the same answer.
    const moved = `# Other title\n\n${span}\n`;
    assert.equal(visibleText(moved, 15, 15 + span.length), first);
    assert.equal(visibleTextStats().hits - before.hits, 1);
    // One character changed inside the span: read again, and the answer follows it.
    const changed = span.replace('40k', '41k');
    assert.equal(visibleText(changed, 0, changed.length), first.replace('40k', '41k'));
    assert.equal(visibleTextStats().misses - before.misses, 1);
  });

  it('reads as many spans for a keystroke among 200 sections as among 20', () => {
    // The sections the keystroke left alone are not read at all: their reports come from the section
    // rules' cache (engine/sectionRules.ts), so neither lookups nor reads grow with the document.
    const reads = (count: number) => {
      const work = keystrokeCacheWork(sections(count), `(${Math.floor(count / 2)})`, visibleTextStats);
      return work.hits + work.misses;
    };
    assert.equal(reads(200), reads(20));
  });

  it('reports a section emptied by an edit while its neighbours come from the cache', () => {
    const text = sections(30);
    const parser = new IncrementalParser();
    assert.equal(analyze(text, { now: NOW, parser }).findings.filter((f) => f.ruleId === 'empty-section').length, 0);
    const line = text.slice(text.indexOf('An alert on the error rate (7)'));
    const emptied = text.replace(line.slice(0, line.indexOf('\n')), 'TBD');
    const incremental = analyze(emptied, { now: NOW, parser });
    const fresh = analyze(emptied, { now: NOW });
    assert.deepStrictEqual(incremental.findings, fresh.findings);
    const found = incremental.findings.filter((f) => f.ruleId === 'empty-section');
    assert.equal(found.length, 1);
    // The heading of the eighth section: the one that was emptied.
    let heading = -1;
    for (let i = 0; i < 8; i++) heading = emptied.indexOf('## Detection', heading + 1);
    assert.equal(found[0].start, heading);
  });
});
