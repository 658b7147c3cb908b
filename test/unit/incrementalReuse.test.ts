// Reusing unchanged blocks after an edit: the moved copies equal a fresh parse (also after crossing
// a thread), an older version's tree never changes, only the nodes after the edit are copied, and
// every moved unit (a block, a list item or table row at any depth) finds its original's caches.
import assert from 'node:assert/strict';
import { IncrementalParser, parseWhole } from '../../server/src/parsing/incremental';
import { walk, type List, type ListItem, type Nodes, type Root } from '../../server/src/parsing/markdown';
import { originOf } from '../../server/src/parsing/units';
import { copyCount } from '../../server/src/parsing/windows';

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** A postmortem-like document: a summary on top, then a long list with nested items, a table and prose. */
const DOC = '# Incident\n\n## Summary\n\nThe deploy **reached** every region.\n\n## Timeline\n\n'
  + lines(120, (i) => `- 10:${String(i % 60).padStart(2, '0')} Step ${i} with \`code\` and [a link](https://e.x/${i})\n  - nested note ${i}`)
  + '\n## Actions\n\n| Action | Owner |\n| --- | --- |\n' + lines(80, (i) => `| Validate batch ${i} | @ana |`)
  + '\n## Lessons\n\n> A quote with *emphasis*.\n\nText.\n';

const json = (root: Root) => JSON.stringify(root);

function nodeCount(nodes: readonly Nodes[]): number {
  let n = 0;
  for (const node of nodes) walk(node, () => void n++);
  return n;
}

/** Each edit: where, what it inserts. */
const EDITS: Array<[string, string, string]> = [
  ['at the top', 'reached', 'x'],
  ['inside a long list item', 'Step 60 ', 'y'],
  ['inside a long table row', 'batch 40 ', 'z'],
  ['adding a line at the top', '## Summary\n', 'New line.\n\n'],
];

function insert(text: string, anchor: string, what: string): string {
  const at = text.indexOf(anchor) + anchor.length;
  return text.slice(0, at) + what + text.slice(at);
}

describe('reusing unchanged blocks after an edit', () => {
  for (const [name, anchor, what] of EDITS) {
    it(`${name}: equals a fresh parse, also cloned across threads, and leaves the previous tree as it was`, () => {
      const parser = new IncrementalParser();
      const previous = parser.parse(DOC);
      const before = json(previous);
      let text = DOC;
      for (let k = 0; k < 3; k++) {
        text = insert(text, anchor, what);
        const next = parser.parse(text);
        const fresh = json(parseWhole(text));
        assert.equal(json(next), fresh);
        // Trees are plain data: what a worker would post is the same tree.
        assert.equal(json(structuredClone(next)), fresh);
        assert.deepStrictEqual(structuredClone(next), parseWhole(text));
      }
      assert.equal(json(previous), before);
    });
  }

  it('copies only the nodes after an edit: nothing before it, and in a long list only the items after the edited one', () => {
    const parser = new IncrementalParser();
    const old = parser.parse(DOC);
    const list = old.children.find((c): c is List => c.type === 'list')!;
    const after = old.children.slice(old.children.indexOf(list) + 1);
    const copies = copyCount.nodes;
    const root = parser.parse(insert(DOC, 'Step 60 ', 'y'));
    assert.equal(parser.lastStats.fine, true);
    // Items 0-58 are shared, 59-60 re-parsed, 61-119 moved, as is every block after the list.
    assert.equal(copyCount.nodes - copies, nodeCount(list.children.slice(61)) + nodeCount(after));
    const items = (root.children.find((c) => c.type === 'list') as List).children;
    assert.equal(items[10], list.children[10]);
    assert.notEqual(items[100], list.children[100]);
    assert.equal(root.children[0], old.children[0]);
  });

  it('a moved list item remembers its original at any depth, so the caches keyed on it are found', () => {
    const parser = new IncrementalParser();
    const old = parser.parse(DOC);
    const root = parser.parse(insert(DOC, 'reached', 'x'));
    const nestedItem = (root: Root) => ((root.children.find((c) => c.type === 'list') as List).children[5].children[1] as List).children[0] as ListItem;
    assert.notEqual(nestedItem(root), nestedItem(old));
    assert.equal(originOf(nestedItem(root)), nestedItem(old));
    // Moved again by the next edit: still the first original, not the intermediate copy.
    const again = parser.parse(insert(insert(DOC, 'reached', 'x'), 'reached', 'x'));
    assert.equal(originOf(nestedItem(again)), nestedItem(old));
  });
});
