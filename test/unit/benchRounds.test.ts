// The bench types into the server as VS Code does: one change with the replaced range, worked out
// from the text before and after. Applied by the server's document, it must give the text typed.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changeBetween } from '../../bench/serverRounds';

function typedInto(before: string, after: string): string {
  const document = TextDocument.create('file:///a.md', 'markdown', 1, before);
  const change = changeBetween(document, after);
  return TextDocument.update(document, [change], 2).getText();
}

describe('bench: the change a keystroke sends', () => {
  it('sends only the replaced range, which gives the text typed', () => {
    const before = '# Incident\n\n| Action | Owner |\n| --- | --- |\n| Add an alert | @ana |\n';
    const after = before.replace('Add an', 'Add ay an');
    const change = changeBetween(TextDocument.create('file:///a.md', 'markdown', 1, before), after);
    assert.deepEqual(change, { range: { start: { line: 4, character: 7 }, end: { line: 4, character: 7 } }, text: 'y a' });
    assert.equal(typedInto(before, after), after);
  });

  it('replaces, deletes, and keeps \\r\\n line breaks whole', () => {
    const before = 'one\r\ntwo x\r\nthree\r\n';
    for (const after of ['one\r\ntwo y\r\nthree\r\n', 'one\r\ntwo \r\nthree\r\n', 'one\r\n\r\ntwo x\r\nthree\r\n', before, '']) assert.equal(typedInto(before, after), after);
  });

  it('alternating characters at one place (the bench editor) each send a one-character change', () => {
    const base = 'a\nbc\n';
    const x = 'a\nbxc\n';
    const y = 'a\nbyc\n';
    const change = changeBetween(TextDocument.create('file:///a.md', 'markdown', 1, x), y);
    assert.deepEqual(change, { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, text: 'y' });
    assert.equal(typedInto(base, x), x);
  });
});
