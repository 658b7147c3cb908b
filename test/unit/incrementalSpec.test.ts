// Property test: after every random edit, the incremental parser's tree equals a full parse,
// positions included. Inputs: every CommonMark spec example (the commonmark-spec package), GFM
// extension cases written here, and inputs on which a hand-written block splitter once disagreed
// with remark. Edits are seeded and their number fixed: the same run on every machine.
import assert from 'node:assert/strict';
import { tests as specExamples } from 'commonmark-spec';
import { rng } from '../../bench/generate';
import { IncrementalParser, parseWhole } from '../../server/src/parsing/incremental';
import type { Root } from '../../server/src/parsing/markdown';
import { materialize } from '../../server/src/parsing/units';

const spec = specExamples.map((t: { markdown: string }) => t.markdown.replace(/→/g, '\t'));

const list = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** GFM extensions: tables, task lists, strikethrough, autolinks, footnotes; long lists and tables for the item-level path. */
const GFM = [
  '| Time | Event |\n| :-- | --: |\n' + list(12, (i) => `| 10:${10 + i} | step ${i} ~~was~~ is \\| done |`) + '\nAfter the table.\n',
  '# Actions\n\n' + list(15, (i) => `- [${i % 3 ? ' ' : 'x'}] Task ${i} owned by @ana, see https://example.com/t/${i} and www.example.org`) + '\n## Next\n',
  list(14, (i) => `${i + 1}. Step ${i} with ~strike~ and <https://e.x/${i}>`) + '\nText.\n',
  list(10, (i) => `* Loose item ${i}\n`) + '# Heading\n',
  list(8, (i) => `- Parent ${i}\n  - child ${i}\n    1. grandchild`) + '\n> quote\n',
  'Text with a footnote[^1] and another[^note].\n\n[^1]: The first.\n[^note]:\n    Indented note.\n\n- a\n- b\n',
  '| a | b |\n| - | - |\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n| `x|y` | **z** |\n',
  'Contact admin@example.com or visit https://example.com/path?q=1.\n\n~~~js\nconst x = 1;\n~~~\n',
];

/** Inputs on which a hand-written splitter disagreed with remark. */
const REGRESSIONS = [
  '# A\n\n``` a`b\n# inside?\n```\n\n## B\n\ntext\n',
  '---\ntitle: x\n...\n# A\n\ntext\n\n## B\n',
  '# A\n\n<div>\n\u00a0\n# in html\n</div>\n\n<div>\n\f\n## also in html\n</div>\n\n## B\n',
  '# A\n\n```\ncode\n```\u00a0\n# in code\n```\n\n## B\n',
  // Front matter that never closes changes how remark reads the whole document (no lists, no quotes).
  '---\n# A\n\n- a\n- b\n- c\n\n> quote\n',
  '---\ntitle: x\n---\n# A\n\n- a\n- b\n- c\n- d\n\n> quote\n',
];

/** Pieces an edit inserts: block starts and ends, container markers, whitespace oddities. */
const SNIPPETS = ['\n', '\n\n', '# ', '## H\n', '```', '~~~', '``` a`b\n', '...\n', '---\n', '***', '===\n', '<div>\n', '<!--', '-->', '</div>', '\u00a0', '\f', '\t', '    ', '- ', '* ', '1. ', '2) ', '> ', '| x | y |\n', '| - | - |\n', '[ ] ', '~~', '**', '_', '`', '<https://e.x>', '\\', '\r\n', '\r', '😀', 'a', ' '];

function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const remove = r() < 0.4 ? Math.floor(r() * 6) : 0;
  const insert = r() < 0.2 ? '' : SNIPPETS[Math.floor(r() * SNIPPETS.length)];
  return text.slice(0, at) + insert + text.slice(at + remove);
}

// A moved block's descendants keep its origin's positions plus its shift: compare current positions.
const json = (root: Root) => JSON.stringify(materialize(root));

/** Parses `start`, then `edits` random edits, comparing each version with a full parse. */
function check(start: string, edits: number, r: () => number, label: string): void {
  const parser = new IncrementalParser();
  let text = start;
  let previous = parser.parse(text);
  assert.equal(json(previous), json(parseWhole(text)), `${label}: first parse`);
  for (let k = 0; k < edits; k++) {
    const before = json(previous);
    text = edit(text, r);
    const next = parser.parse(text);
    assert.equal(json(next), json(parseWhole(text)), `${label}, edit ${k + 1}: ${JSON.stringify(text)}`);
    // The older version's tree is never changed by a later parse.
    assert.equal(json(previous), before, `${label}, edit ${k + 1}: the previous tree changed`);
    previous = next;
  }
}

describe('incremental parsing equals a full parse (CommonMark spec, GFM, regressions)', function () {
  this.timeout(120_000);

  it('on every spec example, alone and followed by the next one, after random edits', () => {
    const r = rng(20261130);
    spec.forEach((example: string, i: number) => {
      check(example, 2, r, `spec example ${i + 1}`);
      check(`# Before\n\n${example}${spec[(i + 1) % spec.length]}\n## After\n\ntext\n`, 2, r, `spec examples ${i + 1} and ${i + 2}`);
    });
  });

  it('on GFM extension cases and the splitter regressions, after random edits', () => {
    const r = rng(7);
    for (const [i, doc] of [...GFM, ...REGRESSIONS].entries()) {
      for (let run = 0; run < 6; run++) check(doc, 6, r, `case ${i + 1}, run ${run + 1}`);
    }
  });

  it('on a long document with front matter made of the spec examples (parsed heading by heading), after random edits', () => {
    const r = rng(99);
    const doc = '---\ntitle: Spec examples\n---\n' + spec.filter((t: string) => !t.includes(']:')).map((t: string, i: number) => `# Example ${i + 1}\n\n${t}`).join('\n') + GFM.slice(0, 5).join('\n# GFM\n\n') + REGRESSIONS.join('');
    assert.ok(doc.length > 20_000);
    check(doc, 12, r, 'spec document');
  });
});

describe('incremental parsing granularity', () => {
  const timeline = '# Incident\n\n## Timeline\n\n' + list(300, (i) => `- 2026-03-05 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} The deploy reached region ${i}.`) + '\n## Lessons\n\nText.\n';
  const table = '# Incident\n\n## Actions\n\n| Action | Owner |\n| --- | --- |\n' + list(200, (i) => `| Validate batch ${i} in CI | @ana |`) + '\n## Lessons\n\nText.\n';

  for (const [name, doc, marker] of [['list item', timeline, 'region 150.'], ['table row', table, 'batch 100 ']] as const) {
    it(`re-parses only the ${name} an edit touched, and the tree equals a full parse`, () => {
      const parser = new IncrementalParser();
      parser.parse(doc);
      const at = doc.indexOf(marker);
      const edited = doc.slice(0, at) + 'x' + doc.slice(at);
      const root = parser.parse(edited);
      assert.equal(parser.lastStats.fine, true);
      assert.equal(json(root), json(parseWhole(edited)));
    });
  }

  it('falls back to the whole block when an edit changes the list around the item (looseness)', () => {
    const parser = new IncrementalParser();
    parser.parse(timeline);
    const at = timeline.indexOf('- ', timeline.indexOf('region 150.'));
    const edited = timeline.slice(0, at) + '\n' + timeline.slice(at);
    const root = parser.parse(edited);
    assert.equal(parser.lastStats.fine, false);
    assert.equal(json(root), json(parseWhole(edited)));
  });
});
