import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generatePostmortem } from '../../bench/generate';
import { analyze } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { parseMarkdown } from '../../server/src/parsing/markdown';
import { materialize } from '../../server/src/parsing/units';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'postmortems');
const NOW = new Date('2026-11-29T00:00:00Z');
const documents = [
  ...readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
  generatePostmortem(200, 7),
  generatePostmortem(400, 11),
  // Moved blocks keep their descendants' positions relative to their origin: what every reader below
  // a block must add. Nested lists inside items, label sections inside items, a group label's nested
  // action items, inline markup in headings and paragraphs, tables, and a timeline only in a nested list.
  [
    '# Database outage on *primary* `db-1`',
    '',
    'The **cache** was cold; we *simply* restarted it. Human error was blamed at first.',
    '',
    '- **Timeline**:',
    '  - 09:58 Alert fired for `db-1` latency',
    '  - 10:02 On-call **acknowledged** the page',
    '  - 10:15 Failover to replica <!-- postmortem-disable-line -->',
    '- **Impact**: checkout errors for *12 minutes*',
    '',
    '## Action items',
    '',
    '- Process improvements:',
    '  - [ ] Add a failover runbook, owner @ana, due 2026-12-20',
    '  - [x] Alert on replica lag (@ben) due 2026-12-01',
    '- [ ] Validate **config** changes in CI @carla',
    '',
    '| Action | Owner | Due |',
    '| --- | --- | --- |',
    '| Page the *database* team on lag | @dan | 2026-12-24 |',
    '| Document the `failover` | @eve | 2026-11-01 |',
    '',
    '## Notes **after** the table',
    '',
    '1. Context',
    '   - 11:00 Traffic recovered',
    '   - 11:05 Someone should have noticed the **lag** sooner',
    '   - 11:30 Review held',
    '',
  ].join('\n'),
];

/** Snippets that change block structure: headings, fences, HTML, comments, tables, definitions. */
const SNIPPETS = ['\n## Impact\n', '\n# T\n', '```\n', '~~~', '<!--', '-->', '<div>\n', '\n\n', '- ', '| a | b |\n| - | - |\n', '[x]: https://e.x\n', '**', '14:02 ', '---\n', 'human error ', '\r\n', '😀', '\t', '#'];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const i = Math.floor(e.at * text.length);
  return text.slice(0, i) + e.insert + text.slice(i + e.remove);
}

function strip(value: unknown): string {
  return JSON.stringify(value, (k, v) => (k === 'lines' ? undefined : v));
}

describe('incremental analysis', () => {
  it('re-parses only the section an edit touched', () => {
    const parser = new IncrementalParser();
    const text = generatePostmortem(1500, 3);
    parser.parse(text);
    const i = text.indexOf('## Detection');
    parser.parse(text.slice(0, i + 20) + 'x' + text.slice(i + 20));
    assert.equal(parser.lastStats.parsed, 1);
    assert.ok(parser.lastStats.reused > 50, String(parser.lastStats.reused));
  });

  it('gives exactly the tree, model and findings of a fresh analysis after any edits', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.constantFrom(...documents.keys()), fc.array(edit, { minLength: 1, maxLength: 8 }), (index, edits) => {
        const parser = new IncrementalParser();
        let text = documents[index];
        parser.parse(text);
        for (const e of edits) {
          text = apply(text, e);
          const incremental = analyze(text, { now: NOW, parser });
          const fresh = analyze(text, { now: NOW });
          assert.equal(strip(materialize(incremental.root)), strip(parseMarkdown(text)));
          assert.equal(strip(incremental.model), strip(fresh.model));
          assert.equal(strip(incremental.findings), strip(fresh.findings));
        }
      }),
      { numRuns: 80, seed: 20261129 },
    );
  });
});
