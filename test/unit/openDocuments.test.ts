// Very large open documents are kept as lines; every edit must give the text, positions and
// offsets the standard text document gives.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/handlers/openDocuments';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

const PIECES = ['a', 'word ', '\n', '\r\n', '\r', '😀', '', 'line\nbreak', '- [ ] item\n'];

describe('open documents kept as lines', () => {
  for (const start of ['', 'one line', 'a\nb\r\nc\rd\n', '# Title\n\n## Summary\n\nText.\n']) {
    it(`matches the standard text document through random edits, from ${JSON.stringify(start)}`, () => {
      const next = random(start.length + 7);
      let expected = TextDocument.create('file:///x.md', 'markdown', 1, start);
      const lines = new LineDocument('file:///x.md', 'markdown', 1, start);
      for (let version = 2; version < 400; version++) {
        const length = expected.getText().length;
        const from = Math.floor(next() * (length + 1));
        const to = Math.min(length, from + Math.floor(next() * 6));
        const range = { start: expected.positionAt(from), end: expected.positionAt(to) };
        const change = next() < 0.03 ? { text: PIECES[version % PIECES.length].repeat(3) } : { range, text: PIECES[Math.floor(next() * PIECES.length)] };
        expected = TextDocument.update(expected, [change], version);
        lines.update([change], version);
        const text = expected.getText();
        assert.equal(lines.getText(), text, `version ${version}`);
        assert.equal(lines.lineCount, expected.lineCount);
        for (const line of [-1, 0, Math.floor(next() * (lines.lineCount + 1))]) {
          assert.deepEqual(lines.getLineRange(line), expected.getLineRange(line));
          assert.equal(lines.getEOLCharacters(line), expected.getEOLCharacters(line));
        }
        assert.equal(lines.version, version);
        const probe = Math.floor(next() * (text.length + 1));
        const position = expected.positionAt(probe);
        assert.deepEqual(lines.positionAt(probe), position, `positionAt ${probe} in ${JSON.stringify(text)}`);
        assert.equal(lines.offsetAt(position), expected.offsetAt(position));
        assert.equal(lines.offsetAt({ line: lines.lineCount, character: 0 }), text.length);
        const other = expected.positionAt(Math.floor(next() * (text.length + 1)));
        const [a, b] = probe <= expected.offsetAt(other) ? [position, other] : [other, position];
        assert.equal(lines.getText({ start: a, end: b }), expected.getText({ start: a, end: b }));
      }
    });
  }
});
