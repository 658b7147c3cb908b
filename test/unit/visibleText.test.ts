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

describe('visibleText: the text a reader sees', () => {
  it('drops HTML comments, closed or left open to the end', () => {
    assert.equal(inline('Alert fired <!-- milestone: detected --> on the queue'), 'Alert fired on the queue');
    assert.equal(inline('Rollback started <!-- note that never closes'), 'Rollback started');
    assert.equal(inline('a<!--\nspans\nlines\n-->b'), 'ab');
  });

  it('drops emphasis, strong and strikethrough markers but keeps their words', () => {
    assert.equal(inline('**Pager** went off for _the_ __primary__ and *secondary*'), 'Pager went off for the primary and secondary');
    assert.equal(inline('Queue ~~drained~~ refilled'), 'Queue drained refilled');
    assert.equal(inline('un*frigging*believable'), 'unfriggingbelievable');
  });

  it('keeps a star or underscore that is text: inside a name, or with spaces both sides', () => {
    assert.equal(inline('Set max_batch_size to 2 * 512'), 'Set max_batch_size to 2 * 512');
    assert.equal(inline('the __init__ hook'), 'the init hook');
  });

  it('reads inline code as its content, with no ticks, and its content is never markup', () => {
    assert.equal(inline('Ran `kubectl rollout undo` on *prod*'), 'Ran kubectl rollout undo on prod');
    assert.equal(inline('Flag `a_*b*_c` set'), 'Flag a_*b*_c set');
    assert.equal(inline('`` `ticks` inside ``'), '`ticks` inside');
    assert.equal(inline('a stray ` tick'), 'a stray tick');
  });

  it('reads a link as its words and an image as its description, never their targets', () => {
    assert.equal(inline('See [the runbook](https://example.test/run "Runbook") now'), 'See the runbook now');
    assert.equal(inline('![error graph](graph.png) Errors spike'), 'error graph Errors spike');
    assert.equal(inline('Filed [**INC-42**][tracker]'), 'Filed INC-42');
    assert.equal(inline('Dashboard [p99 (ms)](https://d.test/a_(b)) rises'), 'Dashboard p99 (ms) rises');
  });

  it('keeps bracketed text that is no link: a placeholder or a task box reads as written', () => {
    assert.equal(inline('[describe the impact]'), '[describe the impact]');
    assert.equal(inline('Status: [x]'), 'Status: [x]');
  });

  it('reads an autolink as its address and drops a footnote mark', () => {
    assert.equal(inline('Status page <https://status.example.test> updated[^1]'), 'Status page https://status.example.test updated');
  });

  it('reads <br> as a line break, drops HTML element tags, and keeps an angle-bracket placeholder', () => {
    assert.equal(inline('Deploy<br>paused<br/>again'), 'Deploy paused again');
    assert.equal(visibleText('Deploy<br>paused', { lines: true }), 'Deploy\npaused');
    assert.equal(inline('<span class="x">Errors</span> rise<sup>1</sup>'), 'Errors rise1');
    assert.equal(inline('<describe how it was detected>'), '<describe how it was detected>');
  });

  it('reads escapes and character references as the characters they stand for', () => {
    assert.equal(inline(String.raw`2 \* 3 \_not emphasis\_ \[x\]`), '2 * 3 _not emphasis_ [x]');
    assert.equal(inline('Impact &amp; detection &#8212; 5&nbsp;min &#x2192; &bogus;'), 'Impact & detection — 5 min → &bogus;');
  });

  it('collapses whitespace, or keeps line breaks when asked', () => {
    assert.equal(inline('  one\n two\t\tthree  '), 'one two three');
    assert.equal(visibleText('one  \n two\\\nthree', { lines: true }), 'one\ntwo\nthree');
  });

  it('reads one table cell with its border pipes as the cell text', () => {
    assert.equal(inline('| 14:02 '), '14:02');
    assert.equal(inline(String.raw`| a \| b |`), 'a | b');
  });

  it('in whole blocks, drops line-start structure: heading marks, quotes, bullets, task boxes, fences, table borders, link definitions', () => {
    assert.equal(blocks('## Root cause ##'), 'Root cause');
    assert.equal(blocks('Summary\n======='), 'Summary');
    assert.equal(blocks('> quoted\n> > deeper'), 'quoted deeper');
    assert.equal(blocks('- one\n  * two\n3. three\n- [x] four'), 'one two three four');
    assert.equal(blocks('```sh\nkubectl get pods\n```'), 'kubectl get pods');
    assert.equal(blocks('| When | What |\n|:---|---:|\n| 14:02 | Alert |'), 'When What 14:02 Alert');
    assert.equal(blocks('Text.\n\n[runbook]: https://example.test\n\n---\n'), 'Text.');
  });

  it('in whole blocks, keeps hyphens and underscores inside words (they were read as spaces before)', () => {
    assert.equal(blocks('A follow-up on 2024-04-09 for max_conns'), 'A follow-up on 2024-04-09 for max_conns');
  });

  it('reads a span that is nothing but markup as empty', () => {
    assert.equal(blocks('<!-- TODO -->\n\n---\n'), '');
    assert.equal(inline('<span></span>[](https://x.test) <!-- -->'), '');
    // Stars with nothing to emphasise are text (as CommonMark renders them).
    assert.equal(inline('** **'), '** **');
  });
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
