// Section rules read each section's visible text on every analysis; visibleText answers a span it
// read before from its cache, keyed by the span's text alone (what the result depends on), so a
// keystroke reads only the edited section again. Its results must still follow every change.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { visibleText, visibleTextStats } from '../../server/src/rules/util';
import { assertSameMisses, keystrokeCacheWork } from '../helpers/keystrokeCacheWork';

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

  it('reads as many spans again for a keystroke among 200 sections as among 20', () => {
    assertSameMisses((count) => keystrokeCacheWork(sections(count), `(${Math.floor(count / 2)})`, visibleTextStats));
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
