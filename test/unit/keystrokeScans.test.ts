// The whole-text passes every keystroke makes (the edit's common prefix and suffix, the line starts,
// the nesting bound, the suppression comments) take native shortcuts on long documents: each
// shortcut gives exactly what the plain scan gives.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { commonLength } from '../../server/src/parsing/blocks';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { boundNesting } from '../../server/src/parsing/nesting';

const NOW = new Date('2026-11-29T00:00:00Z');

/** Two texts that share a long start and end around a small difference (what a keystroke makes). */
const edited = fc.record({
  base: fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), minLength: 0, maxLength: 600 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.nat({ max: 5 }),
  inserted: fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 5 }),
});

function naivePrefix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a[n] === b[n]) n++;
  return n;
}

function naiveSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Line starts as the character-by-character scan finds them (LF, CR, CRLF). */
function naiveLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** Where the nesting bound cuts, read line by line with a pattern: a marker's count past `max`, or one indented past `max` levels of 4 columns. */
function cappedLines(text: string, max: number): number[] {
  const capped: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let depth = 0;
    for (const m of line.matchAll(/[ \t]*(>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/gy)) {
      if (++depth > max || m.index + m[0].length - m[1].length > max * 4) {
        capped.push(lineStart);
        break;
      }
    }
    lineStart += line.length + 1;
  }
  return capped;
}

describe('whole-text passes of a keystroke', () => {
  it('finds the common start and end of two texts as a character-by-character comparison does', () => {
    fc.assert(fc.property(edited, ({ base, at, removed, inserted }) => {
      const p = Math.floor(at * base.length);
      const after = base.slice(0, p) + inserted + base.slice(p + removed);
      const shortest = Math.min(base.length, after.length);
      const prefix = commonLength(base, after, shortest);
      assert.equal(prefix, naivePrefix(base, after, shortest));
      assert.equal(commonLength(base, after, shortest - prefix, true), naiveSuffix(base, after, shortest - prefix));
      // A limit below the common part stops there.
      assert.equal(commonLength(base, base, Math.floor(base.length / 2)), Math.floor(base.length / 2));
    }), { numRuns: 400, seed: 11 });
  });

  it('finds the line starts of LF, CRLF and CR texts as the character scan does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n', ' '), maxLength: 200 });
    fc.assert(fc.property(text, (t) => {
      const index = new LineIndex(t);
      const starts = naiveLineStarts(t);
      for (let offset = 0; offset <= t.length; offset++) {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
        assert.deepEqual(index.position(offset), { line, character: offset - starts[line] });
      }
    }), { numRuns: 300, seed: 12 });
  });

  it('skips only lines the nesting bound leaves as they are', () => {
    // Lines of markers and blanks around the limit (3 levels here), against a plain reading of each line.
    const line = fc.string({ unit: fc.constantFrom('- ', '>', '>', '>', '* ', '1. ', '2) ', '  ', '\t', '-', 'x', '12'), maxLength: 12 });
    const text = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(text, (t) => {
      assert.deepEqual(boundNesting(t, 3).capped, cappedLines(t, 3));
    }), { numRuns: 2000, seed: 13 });
    // The shortest lines that are cut: one character per level past the limit.
    for (const cut of ['>>>>', '>>>>x', '- - - - x', 'x\n>>>>']) assert.deepEqual(boundNesting(cut, 3).capped, cappedLines(cut, 3), cut);
    assert.equal(boundNesting('>>>>', 3).text, '>>>\u00a0');
  });

  it('suppresses with a directive an edit adds to a document that had none', () => {
    const text = '# Incident\n\n## Summary\n\nThe operator made a mistake.\n';
    const parser = new IncrementalParser();
    assert.equal(analyze(text, { now: NOW, parser }).findings.filter((f) => f.ruleId === 'no-blame-language').length, 1);
    const withDirective = text.replace('mistake.', 'mistake. <!-- postmortem-disable-line no-blame-language -->');
    assert.equal(analyze(withDirective, { now: NOW, parser }).findings.filter((f) => f.ruleId === 'no-blame-language').length, 0);
  });
});
