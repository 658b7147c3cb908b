// Every face that writes document text into Markdown escapes it alike: parsed back (CommonMark + GFM),
// hostile text is one text node with the characters as written, with no link, HTML, emphasis or cell.
import assert from 'node:assert/strict';
import { actionsMarkdown } from '../../server/src/cli/reports';
import { parseMarkdown, walk } from '../../server/src/parsing/markdown';
import { escapeMarkdown } from '../../server/src/render/markdownEscape';
import { reportMarkdown } from '../../server/src/render/reportMarkdown';
import { buildReport } from '../../server/src/render/reportData';
import { analyze } from '../../server/src/engine/analyze';

const HOSTILE = ['<b>bold</b> &amp; **strong**', '[l](u) ![i](u)', 'a | b ~~c~~', '# heading', '1. first', '- item'];

/** The node types and visible text of a Markdown string. */
function read(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  let text = '';
  walk(parseMarkdown(markdown), (n) => {
    types.add(n.type);
    if (n.type === 'text') text += n.value;
  });
  return { types, text };
}

describe('escaping document text into Markdown', () => {
  it('leaves only text, reading as written, for every hostile string', () => {
    for (const s of HOSTILE) {
      const { types, text } = read(escapeMarkdown(s));
      assert.deepEqual([...types].sort(), ['paragraph', 'root', 'text'], s);
      assert.equal(text, s);
    }
  });

  it('the CLI\'s action list and the report\'s tables escape the same way', () => {
    for (const s of HOSTILE) {
      const listed = actionsMarkdown([{ file: 'pm.md', line: 1, text: s, owner: null, due: null, status: 'open', tracker: null, overdue: false }]);
      for (const bad of ['link', 'html', 'strong', 'delete', 'image', 'heading']) assert.ok(!read(listed).types.has(bad), `${bad} in ${listed}`);
      const analysis = analyze(`---\nseverity: "${s.replace(/"/g, '')}"\n---\n# T\n\n## Action items\n\n- [ ] x. Owner: @a. Due: 2026-01-01.\n`);
      const report = reportMarkdown(buildReport([{ file: 'pm.md', model: { ...analysis.model, meta: { ...analysis.model.meta, title: s } }, lineOf: () => 1 }], new Date('2026-02-01T12:00:00Z')));
      for (const bad of ['link', 'html', 'strong', 'delete', 'image']) assert.ok(!read(report).types.has(bad), `${bad} in ${report}`);
    }
  });
});
