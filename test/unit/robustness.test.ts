import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generatePostmortem } from '../../bench/generate';
import { analyze, type Analysis } from '../../server/src/engine/analyze';
import { applyFixes } from '../../server/src/engine/applyEdits';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { resolveConfig } from '../../server/src/config/resolve';
import { walk, type Nodes } from '../../server/src/parsing/markdown';
import type { PhrasingContent } from 'mdast';

const NOW = new Date('2026-11-29T00:00:00Z');
// A collection before each timed analysis, so one that was due anyway does not land inside it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'postmortems');

function assertSound(analysis: Analysis): void {
  assert.deepEqual(analysis.errors, []);
  const n = analysis.text.length;
  for (const f of analysis.findings) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= n, `${f.ruleId} range ${f.start}-${f.end} of ${n}`);
    for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
      for (const e of fix?.edits ?? []) assert.ok(0 <= e.start && e.start <= e.end && e.end <= n, `${f.ruleId} edit ${e.start}-${e.end}`);
    }
  }
}

describe('odd input never breaks the engine', () => {
  const cases: Record<string, string> = {
    'an empty file': '',
    'only front matter': '---\ntitle: x\n---\n',
    'unterminated front matter': '---\ntitle: x\n',
    'CR line endings': '# Incident\r\rIt was human error.\r\r## Timeline\r\r- 10:00 UTC Alert fired.\r',
    'mixed line endings': '# Incident\r\nIt was human error.\n\r## Timeline\r\n- 10:00 UTC Alert fired.\r- 09:00 UTC x\n',
    'a BOM': '\uFEFF---\ntitle: x\n---\n\n# Incident\n\nIt was human error.\n',
    'NUL bytes and binary': '# Incident\u0000\u0001\u0002\n\n\u0000human error\u0000\n\uFFFD\uFFFE',
    'characters outside the BMP': '# 😀 Incident\n\n😀😀 It was human error. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n',
    'a lone surrogate': '# Incident\n\n\uD83D It was human error.\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => assertSound(analyze(text, { now: NOW })));
  }

  it('reports invalid YAML front matter at the error', () => {
    const text = '---\ntitle: ok\nseverity: [SEV-2\n---\n\n# Incident\n';
    const finding = analyze(text, { now: NOW }).findings.find((f) => f.ruleId === 'front-matter');
    assert.ok(finding);
    assert.ok(finding.start > text.indexOf('severity') - 1, `at ${finding.start}`);
  });

  it('bounds container nesting: 2,600 nested list markers and 5,000 block quote markers', () => {
    for (const deep of ['- '.repeat(2600), '>'.repeat(5000) + ' ', '> - '.repeat(1300), '1. '.repeat(100)]) {
      const text = `# Incident\n\n${deep}It was human error.\n`;
      const analysis = analyze(text, { now: NOW });
      assertSound(analysis);
      assert.equal(analysis.notices.length, 1, 'one notice says what was read as text');
      assert.match(analysis.notices[0].message, /more than \d+ levels deep/);
      // The deepest content is still read, as a paragraph (not code), inside the deepest kept container.
      const paragraphs: string[] = [];
      walk(analysis.root, (n) => void (n.type === 'paragraph' && paragraphs.push(n.children.map((c) => ('value' in c ? c.value : '')).join('').trim())));
      assert.deepEqual(paragraphs, ['It was human error.']);
    }
    assert.deepEqual(analyze('# I\n\n> - > - x\n', { now: NOW }).notices, [], 'ordinary nesting is untouched');
    // Nesting by indentation: a list marker far to the right is past the limit too.
    const indented = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i * 4)}- level ${i}`).join('\n');
    const analysis = analyze(`# Incident\n\n${indented}\n`, { now: NOW });
    assertSound(analysis);
    assert.equal(analysis.notices.length, 1);
  });

  it('walks trees nested deeper than the call stack allows', () => {
    let node: Nodes = { type: 'text', value: 'deep' };
    for (let i = 0; i < 200_000; i++) node = { type: 'emphasis', children: [node as PhrasingContent] };
    let count = 0;
    walk(node, () => void count++);
    assert.equal(count, 200_001);
    let leaf = '';
    walk(node, (n) => void (n.type === 'text' && (leaf += n.value)));
    assert.equal(leaf, 'deep');
  });

  it('reads YAML aliases with a limit: an alias bomb and a 150-times-used anchor are findings', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    const many = ['base: &base x', ...Array.from({ length: 150 }, (_, i) => `k${i}: *base`)].join('\n');
    for (const yaml of [bomb, many]) {
      const analysis = analyze(`---\n${yaml}\n---\n\n# Incident\n`, { now: NOW });
      assertSound(analysis);
      const finding = analysis.findings.find((f) => f.ruleId === 'front-matter');
      assert.match(finding?.message ?? '', /^The front matter is not read: YAML aliases expand more than \d+ times/, 'a limit, not a YAML error');
    }
    const few = analyze('---\nbase: &b SEV-2\nseverity: *b\n---\n\n# Incident\n', { now: NOW });
    assert.equal(few.model.meta.severity, 'SEV-2', 'a few aliases are still read');
  });

  it('front matter over 64 KB is not parsed: one limit finding at its start, and its fields are ignored', () => {
    const fields = (count: number) => ['severity: SEV-2', ...Array.from({ length: count }, (_, i) => `note${i}: ${'a reviewer wrote this line'.padEnd(60, '.')}`)].join('\n');
    // About 1,100 fields of 70 characters: a little over the limit, and valid YAML, so only the size can refuse it.
    const large = `---\n${fields(1100)}\n---\n\n# Incident\n`;
    assert.ok(large.length > 64 * 1024 + 1000);
    const analysis = analyze(large, { now: NOW });
    assertSound(analysis);
    const findings = analysis.findings.filter((f) => f.ruleId === 'front-matter');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The front matter is not read: Front matter longer than 64 KB is not read/);
    assert.equal(findings[0].start, 4, 'at the first line of the front matter');
    assert.equal(analysis.model.meta.severity, undefined, 'no field of it is read');
    // The same fields under the limit are read: it is the size that is refused, not the content.
    const smaller = analyze(`---\n${fields(900)}\n---\n\n# Incident\n`, { now: NOW });
    assert.equal(smaller.model.meta.severity, 'SEV-2');
    assert.deepEqual(smaller.findings.filter((f) => f.ruleId === 'front-matter'), []);
  });

  it('reports a rule that throws by its id and keeps the other rules', () => {
    const config = resolveConfig([{ rules: { 'action-item-due-date': { options: { defaultDueDays: 'abc' } } } } as never]);
    const text = '# Incident\n\nIt was human error.\n\n## Action items\n\n- [ ] Add an alert. Owner: @a\n';
    // A bad option value makes the rule throw while it formats the suggested due date.
    const analysis = analyze(text, { now: NOW, config });
    assert.deepEqual(analysis.errors.map((e) => e.ruleId), ['action-item-due-date']);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'no-blame-language'), 'the other rules still report');
  });

  it('the CLI names a rule that throws and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-rule-fails-'));
    writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'action-item-due-date': { options: { defaultDueDays: 'abc' } } } }));
    writeFileSync(join(dir, 'postmortem.md'), '# Incident\n\n## Action items\n\n- [ ] Add an alert. Owner: @a\n');
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'postmortem.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /postmortem\.md: rule action-item-due-date failed/);
  });

  it('keeps exact offsets with CRLF and characters outside the BMP before a finding', () => {
    for (const text of ['# I\r\n\r\n😀😀 It was human error.\r\n', '\uFEFF# I\n\n𝔘 human error\n']) {
      const f = analyze(text, { now: NOW }).findings.find((x) => x.ruleId === 'no-blame-language')!;
      assert.equal(text.slice(f.start, f.end), 'human error');
    }
  });
});

describe('every rule runs in linear time', function () {
  // A guard against a hang, not a time limit: remark alone takes tens of seconds on 100 KB of nested
  // brackets (34-46 s on an idle 2-core machine), and more than 120 s when the machine is loaded.
  this.timeout(360_000);
  /**
   * Each input at a size, and how far it grows from 25 KB (its span): over 4 times, linear work takes
   * about 4 times as long and quadratic 16 times; over 16 times, 16 and 256. The rules' fixed cost
   * (about 0.4 ms an analysis, whatever the size) is most of their time on the cheap inputs at 25 KB
   * and 100 KB, and hid a quadratic rule there (8.0x over 4 times), so inputs that parse and check in
   * milliseconds grow to 400 KB, where their own work outweighs it. Those that cost seconds at 100 KB
   * stay at 4 times: remark's parse of nested brackets, comment openers and one long inline line, and
   * the rules' own work on thousands of headings, entries and cells.
   */
  const WIDE = 16;
  const NARROW = 4;
  const adversarial: Record<string, { text: (size: number) => string; span: number }> = {
    spaces: { text: (size) => `# Incident\n\n## Root cause\n\n${' '.repeat(size)}x\n`, span: WIDE },
    asterisks: { text: (size) => `# Incident\n\n## Summary\n\n${'*'.repeat(size)}\n`, span: WIDE },
    letters: { text: (size) => `# Incident\n\n## Action items\n\n- ${'a'.repeat(size)}\n`, span: WIDE },
    'nested brackets': { text: (size) => `# Incident\n\n## Timeline\n\n- ${'['.repeat(size / 2)}${']'.repeat(size / 2)}\n`, span: NARROW },
    'one long line': { text: (size) => `# Incident\n\n${'human error forgot to should have obviously 10:00 @x Due: '.repeat(size / 60)}\n`, span: NARROW },
    'many headings': { text: (size) => '## Timeline\n\n'.repeat(size / 14), span: NARROW },
    'many timeline entries': { text: (size) => `# I\n\n## Timeline\n\n${'- 10:00 x\n'.repeat(size / 10)}`, span: NARROW },
    'table cells': { text: (size) => `# I\n\n## Action items\n\n| a | b |\n| - | - |\n${'| x | '.repeat(size / 6)}\n`, span: NARROW },
    'comment openers': { text: (size) => `# I\n\n${'<!-- '.repeat(size / 5)}\n`, span: NARROW },
    // Runs of 1 to 70 backticks over and over: none closes another within a code span's search (the
    // next run of a length comes 2,555 characters later), so every run is searched for a closing one.
    'unclosed backtick runs': { text: (size) => `# I\n\n## Root cause\n\n${Array.from({ length: size / 36 }, (_, i) => `${'`'.repeat((i % 70) + 1)} word `).join('')}\n`, span: NARROW },
    'owner labels': { text: (size) => `# I\n\n## Action items\n\n- ${'owner: '.repeat(size / 7)}\n`, span: WIDE },
    'due labels': { text: (size) => `# I\n\n## Action items\n\n- ${'due by '.repeat(size / 7)}\n`, span: WIDE },
    'time-like digits': { text: (size) => `# I\n\n## Timeline\n\n- ${'1:'.repeat(size / 2)}\n`, span: WIDE },
  };
  const SMALL = 25_000;
  /**
   * The large input once against the small one `span` times over: the same amount of text, so about
   * the same time when the rules are linear, and the same exposure to a busy machine. (Against a
   * single small run, the large one was stretched by every other process on the machine while the
   * small one, shorter than a time slice, mostly was not: 0.82 -> 34 ms on 400 KB of due labels in a
   * busy spell, 0.68 -> 6.2 ms a minute later.) Linear rules give at most 1 (the small runs pay the
   * fixed cost `span` times); a quadratic term grows towards `span`. Measured linear: 0.3-1.4 in 13
   * runs alone, once 3.2 inside the whole unit suite (time-like digits), so 4 is allowed.
   */
  const LINEAR_ALLOWANCE = 4;
  /** Rounds of (large once, small `span` times), each after a garbage collection; the least of each is compared. */
  const RUNS = 10;
  /**
   * Time spent in the rules (not in remark, whose cost this project does not control) over `times`
   * analyses of one parse, after a garbage collection, so a pause that was due anyway does not read
   * as growth. Each analysis gets its own copy of the tree: the rules cache their results per tree
   * node, so an analysis of nodes judged before measured cache lookups, not the rules (on a 100 KB
   * table that measured 0.25 ms of the 150 ms the rules take). A first analysis, which also reads the
   * sentences (cached by text from then on), is left out, so every measured run does the same work.
   */
  const ruleTimer = (text: string): ((times: number) => number) => {
    const root = new IncrementalParser().parse(text);
    const copy = { *steps() { yield; return structuredClone(root); } } as unknown as IncrementalParser;
    const once = () => {
      const timings = new Map<string, number>();
      assertSound(analyze(text, { now: NOW, timings, parser: copy }));
      return [...timings.values()].reduce((a, b) => a + b, 0);
    };
    once();
    return (times) => {
      collectGarbage();
      let total = 0;
      for (let i = 0; i < times; i++) total += once();
      return total;
    };
  };
  for (const [name, { text, span }] of Object.entries(adversarial)) {
    const large = SMALL * span;
    it(`${large / 1000} KB of ${name}: the rules' time grows linearly from ${SMALL / 1000} KB`, () => {
      const small = ruleTimer(text(SMALL));
      const full = ruleTimer(text(large));
      let [leastSmall, leastFull] = [Infinity, Infinity];
      for (let run = 0; run < RUNS; run++) {
        leastSmall = Math.min(leastSmall, small(span));
        leastFull = Math.min(leastFull, full(1));
      }
      // A growth ratio, never a time: the same amount of text costs the same when the rules are linear.
      const ratio = leastFull / leastSmall;
      assert.ok(ratio < LINEAR_ALLOWANCE, `rules took ${leastFull.toFixed(2)} ms on ${large / 1000} KB, ${leastSmall.toFixed(2)} ms on ${span} x ${SMALL / 1000} KB (least of ${RUNS} runs each): ${ratio.toFixed(1)} times as long for the same amount of text`);
    });
  }
});

describe('fuzz: random Markdown and random edit sequences', function () {
  this.timeout(60_000);
  const seeds = [...readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8')), generatePostmortem(300, 5)];
  const fragment = fc.constantFrom(
    '# Incident\n', '## Timeline\n', '## Action items\n', '## Root cause\n', '- 10:00 UTC Alert fired.\n', '- [ ] Add a check. Owner: @a. Due: 2026-12-01\n',
    '| Time | Event |\n| --- | --- |\n| 10:00 | x |\n', '```\ncode\n', '> quoted human error\n', '<!-- postmortem-disable -->', '<!-- postmortem-enable -->',
    '**21:48:** x\n', '### Aug 14 2019 13:06\n', 'It was human error.\n', 'They should have known.\n', '---\ntitle: [\n---\n', '\r\n', '😀', '\u0000', '[x]: y\n', '25:61 ', '[???] ',
  );
  const doc = fc.oneof(fc.constantFrom(...seeds), fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')));
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 20 }), insert: fc.oneof(fragment, fc.string({ maxLength: 6 })) });

  it('never throws, never hangs, and gives valid ranges and fixes', () => {
    fc.assert(
      fc.property(doc, fc.array(edit, { maxLength: 10 }), (start, edits) => {
        const parser = new IncrementalParser();
        let text = start;
        for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          const i = Math.floor(e.at * text.length);
          text = text.slice(0, i) + e.insert + text.slice(i + e.remove);
          const analysis = analyze(text, { now: NOW, parser });
          assertSound(analysis);
          // Applying every safe fix gives a document the engine still reads soundly, with each
          // applied edit's new text in place.
          const fixes = analysis.findings.flatMap((f) => (f.fix ? [f.fix] : []));
          const fixed = applyFixes(text, fixes);
          assert.ok(fixed.applied <= fixes.length);
          if (fixed.applied === 0) assert.equal(fixed.text, text);
          assertSound(analyze(fixed.text, { now: NOW }));
        }
      }),
      // A fixed number of seeded cases: the same run on every machine, however fast.
      { numRuns: 40, seed: 42 },
    );
  });
});
