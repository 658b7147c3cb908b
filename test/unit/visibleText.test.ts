// The one reading of visible text: what each kind of Markdown markup leaves for a reader, in a
// fragment of a line and in whole blocks, and that the model's entries, titles and action items
// read their words through it.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { visibleText } from '../../server/src/parsing/visibleText';

const NOW = new Date('2026-11-30T00:00:00Z');
const inline = (s: string) => visibleText(s);
const blocks = (s: string) => visibleText(s, { blocks: true });

/** How each source is read: as a fragment of a line, as whole blocks, or as a fragment keeping its line breaks. */
const READINGS = { inline, blocks, lines: (s: string) => visibleText(s, { lines: true }) };

/** Each kind of markup: a name, then [reading, source, what a reader sees] for each example. */
const MARKUP: Array<[name: string, ...examples: Array<[reading: keyof typeof READINGS, source: string, seen: string]>]> = [
  [
    'drops HTML comments, closed or left open to the end',
    ['inline', 'Alert fired <!-- milestone: detected --> on the queue', 'Alert fired on the queue'],
    ['inline', 'Rollback started <!-- note that never closes', 'Rollback started'],
    ['inline', 'a<!--\nspans\nlines\n-->b', 'ab'],
  ],
  [
    'drops emphasis, strong and strikethrough markers but keeps their words',
    ['inline', '**Pager** went off for _the_ __primary__ and *secondary*', 'Pager went off for the primary and secondary'],
    ['inline', 'Queue ~~drained~~ refilled', 'Queue drained refilled'],
    ['inline', 'un*frigging*believable', 'unfriggingbelievable'],
  ],
  [
    'keeps a star or underscore that is text: inside a name, or with spaces both sides',
    ['inline', 'Set max_batch_size to 2 * 512', 'Set max_batch_size to 2 * 512'],
    ['inline', 'the __init__ hook', 'the init hook'],
  ],
  [
    'reads inline code as its content, with no ticks, and its content is never markup',
    ['inline', 'Ran `kubectl rollout undo` on *prod*', 'Ran kubectl rollout undo on prod'],
    ['inline', 'Flag `a_*b*_c` set', 'Flag a_*b*_c set'],
    ['inline', '`` `ticks` inside ``', '`ticks` inside'],
    ['inline', 'a stray ` tick', 'a stray tick'],
  ],
  [
    'reads a link as its words and an image as its description, never their targets',
    ['inline', 'See [the runbook](https://example.test/run "Runbook") now', 'See the runbook now'],
    ['inline', '![error graph](graph.png) Errors spike', 'error graph Errors spike'],
    ['inline', 'Filed [**INC-42**][tracker]', 'Filed INC-42'],
    ['inline', 'Dashboard [p99 (ms)](https://d.test/a_(b)) rises', 'Dashboard p99 (ms) rises'],
  ],
  [
    'keeps bracketed text that is no link: a placeholder or a task box reads as written',
    ['inline', '[describe the impact]', '[describe the impact]'],
    ['inline', 'Status: [x]', 'Status: [x]'],
  ],
  [
    'reads an autolink as its address and drops a footnote mark',
    ['inline', 'Status page <https://status.example.test> updated[^1]', 'Status page https://status.example.test updated'],
  ],
  [
    'reads <br> as a line break, drops HTML element tags, and keeps an angle-bracket placeholder',
    ['inline', 'Deploy<br>paused<br/>again', 'Deploy paused again'],
    ['lines', 'Deploy<br>paused', 'Deploy\npaused'],
    ['inline', '<span class="x">Errors</span> rise<sup>1</sup>', 'Errors rise1'],
    ['inline', '<describe how it was detected>', '<describe how it was detected>'],
  ],
  [
    'reads escapes and character references as the characters they stand for',
    ['inline', String.raw`2 \* 3 \_not emphasis\_ \[x\]`, '2 * 3 _not emphasis_ [x]'],
    ['inline', 'Impact &amp; detection &#8212; 5&nbsp;min &#x2192; &bogus;', 'Impact & detection — 5 min → &bogus;'],
  ],
  [
    'collapses whitespace, or keeps line breaks when asked',
    ['inline', '  one\n two\t\tthree  ', 'one two three'],
    ['lines', 'one  \n two\\\nthree', 'one\ntwo\nthree'],
  ],
  [
    'reads one table cell with its border pipes as the cell text',
    ['inline', '| 14:02 ', '14:02'],
    ['inline', String.raw`| a \| b |`, 'a | b'],
  ],
  [
    'in whole blocks, drops line-start structure: heading marks, quotes, bullets, task boxes, fences, table borders, link definitions',
    ['blocks', '## Root cause ##', 'Root cause'],
    ['blocks', 'Summary\n=======', 'Summary'],
    ['blocks', '> quoted\n> > deeper', 'quoted deeper'],
    ['blocks', '- one\n  * two\n3. three\n- [x] four', 'one two three four'],
    ['blocks', '```sh\nkubectl get pods\n```', 'kubectl get pods'],
    ['blocks', '| When | What |\n|:---|---:|\n| 14:02 | Alert |', 'When What 14:02 Alert'],
    ['blocks', 'Text.\n\n[runbook]: https://example.test\n\n---\n', 'Text.'],
  ],
  [
    'in whole blocks, keeps hyphens and underscores inside words (they were read as spaces before)',
    ['blocks', 'A follow-up on 2024-04-09 for max_conns', 'A follow-up on 2024-04-09 for max_conns'],
  ],
  [
    'reads a span that is nothing but markup as empty',
    ['blocks', '<!-- TODO -->\n\n---\n', ''],
    ['inline', '<span></span>[](https://x.test) <!-- -->', ''],
    // Stars with nothing to emphasise are text (as CommonMark renders them).
    ['inline', '** **', '** **'],
  ],
];

describe('visibleText: the text a reader sees', () => {
  for (const [name, ...examples] of MARKUP) {
    it(name, () => {
      for (const [reading, source, seen] of examples) assert.equal(READINGS[reading](source), seen, JSON.stringify(source));
    });
  }
});

describe('the model reads its words through visibleText', () => {
  it('gives a timeline entry the same words in a list, a paragraph, a table and a heading', () => {
    const words = 'Ran `undo` per [runbook](https://r.test) <!-- c --> for **checkout**[^1]';
    const text = [
      '# Incident', '', '## Timeline', '',
      `- 14:00 ${words}`, '',
      `14:10 ${words}`, '',
      '| Time | Event |', '|---|---|', `| 14:20 | ${words} |`, '',
      `### 14:30 ${words}`, '', '[^1]: A note.', '',
    ].join('\n');
    const texts = analyze(text, { now: NOW }).model.timeline.entries.map((e) => e.text);
    assert.deepEqual(texts, Array(4).fill('Ran undo per runbook for checkout'));
  });

  it('reads a heading title and an action item with entities and escapes decoded', () => {
    const text = '# Queue \\*backlog\\* &amp; retries\n\n## Action items\n\n- Add a *limit* to `max_retries` &mdash; @sam, due 2026-12-10\n';
    const { model } = analyze(text, { now: NOW });
    assert.equal(model.meta.title, 'Queue *backlog* & retries');
    assert.equal(model.actionItems[0].text, 'Add a limit to max_retries — @sam, due 2026-12-10');
  });
});

describe('visible text below a moved unit', () => {
  it('reads labels, group labels and table headers at their current place after an edit above them', () => {
    const text = [
      '# Incident', '', '## Summary', '', 'Short.', '',
      '- **Impact**: 40% of checkout requests failed for 12 minutes.', '',
      '## Action items', '',
      // Read 32 characters too early, the group's label would take in this handle and stop being a label.
      'Owner: @sre-lead reviews these.', '',
      '- Process improvements:', '  - Add a canary stage @ana due 2026-12-20', '',
      // Read at the wrong place, the header would name no owner column, and a plain name is no owner without it.
      '| Action | Owner | Due |', '| --- | --- | --- |', '| Alert on queue depth | Li Wei | 2027-01-05 |', '',
    ].join('\n');
    const parser = new IncrementalParser();
    analyze(text, { now: NOW, parser });
    // Text typed above everything: every block after it is a moved copy whose children keep their old positions.
    const edited = text.replace('Short.', 'Short, with a longer summary typed in.');
    const incremental = analyze(edited, { now: NOW, parser }).model;
    const fresh = analyze(edited, { now: NOW }).model;
    const read = (m: typeof fresh) => ({ sections: m.sections.map((s) => s.title), items: m.actionItems.map((a) => [a.text, a.owner]) });
    assert.deepEqual(read(incremental), read(fresh));
    assert.ok(read(fresh).sections.includes('Impact'));
    assert.deepEqual(read(fresh).items.map(([, owner]) => owner), ['@ana', 'Li Wei']);
  });
});
