// Reusing unchanged blocks after an edit: the moved copies equal a fresh parse once their shifts are
// applied (also after crossing a thread), an older version's tree never changes, a move copies the
// units after the edit (blocks, items, rows) and none of the nodes inside them, and every moved unit
// finds its original's caches.
import assert from 'node:assert/strict';
import { IncrementalParser, parseWhole, startLookups } from '../../server/src/parsing/incremental';
import { walk, type List, type ListItem, type Nodes, type Root } from '../../server/src/parsing/markdown';
import { absolute, materialize, MisplacedPositionError, MovedPosition, originOf, shiftCount, shiftOf } from '../../server/src/parsing/units';
import { copyCount } from '../../server/src/parsing/windows';

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** A postmortem-like document: a summary on top, then a long list with nested items, a table and prose. */
const DOC = '# Incident\n\n## Summary\n\nThe deploy **reached** every region.\n\n## Timeline\n\n'
  + lines(120, (i) => `- 10:${String(i % 60).padStart(2, '0')} Step ${i} with \`code\` and [a link](https://e.x/${i})\n  - nested note ${i}`)
  + '\n## Actions\n\n| Action | Owner |\n| --- | --- |\n' + lines(80, (i) => `| Validate batch ${i} | @ana |`)
  + '\n## Lessons\n\n> A quote with *emphasis*.\n\nText.\n';

const json = (root: Root) => JSON.stringify(materialize(root));

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
        assert.equal(JSON.stringify(structuredClone(materialize(next))), fresh);
        assert.deepStrictEqual(structuredClone(materialize(next)), parseWhole(text));
      }
      assert.equal(json(previous), before);
    });
  }

  it('copies only the units after an edit: nothing before it, in a long list only the items after the edited one, nothing inside them', () => {
    const parser = new IncrementalParser();
    const old = parser.parse(DOC);
    const list = old.children.find((c): c is List => c.type === 'list')!;
    const after = old.children.slice(old.children.indexOf(list) + 1);
    const copies = copyCount.nodes;
    const root = parser.parse(insert(DOC, 'Step 60 ', 'y'));
    assert.equal(parser.lastStats.fine, true);
    // Items 0-58 are shared, 59-60 re-parsed, 61-119 moved, as is every block after the list (a
    // table with its rows): one copy per unit, none of the nodes inside them.
    const units = (nodes: readonly Nodes[]) => nodes.reduce((n, c) => n + 1 + (c.type === 'table' || c.type === 'list' ? c.children.length : 0), 0);
    assert.equal(copyCount.nodes - copies, list.children.length - 61 + units(after));
    assert.ok(units(after) + 59 < nodeCount(list.children.slice(61)) + nodeCount(after));
    const items = (root.children.find((c) => c.type === 'list') as List).children;
    assert.equal(items[10], list.children[10]);
    assert.notEqual(items[100], list.children[100]);
    assert.equal(root.children[0], old.children[0]);
  });

  it('a moved list item remembers its original and its total shift; the items nested in it are shared, so the caches keyed on them are found', () => {
    const parser = new IncrementalParser();
    const old = parser.parse(DOC);
    const root = parser.parse(insert(DOC, 'reached', 'x'));
    const item = (root: Root) => (root.children.find((c) => c.type === 'list') as List).children[5];
    const nestedItem = (root: Root) => (item(root).children[1] as List).children[0] as ListItem;
    assert.notEqual(item(root), item(old));
    assert.equal(originOf(item(root)), item(old));
    assert.deepStrictEqual(shiftOf(item(root)), { offset: 1, line: 0 });
    assert.equal(nestedItem(root), nestedItem(old));
    // Moved again by the next edit (a line longer): still the first original, and the shifts add up.
    const again = parser.parse(insert(insert(DOC, 'reached', 'x'), '## Summary\n', 'New line.\n\n'));
    assert.equal(originOf(item(again)), item(old));
    assert.deepStrictEqual(shiftOf(item(again)), { offset: 1 + 'New line.\n\n'.length, line: 2 });
    assert.equal(nestedItem(again), nestedItem(old));
  });

  it('one shift record per edit, however many units it moves: units moved by the same edits share it', () => {
    const allUnits = (root: Root) => root.children.flatMap((c): Nodes[] => (c.type === 'list' || c.type === 'table' ? c.children : [c]));
    const shifts = (root: Root) => new Set(allUnits(root).map(shiftOf).filter((s) => s !== undefined));
    const parser = new IncrementalParser();
    let root = parser.parse(DOC);
    let text = DOC;
    const made: number[] = [];
    for (const [anchor, what] of [['reached', 'x'], ['reached', 'x'], ['Step 60 ', 'y'], ['## Summary\n', 'New line.\n\n']]) {
      const records = shiftCount.records;
      const copies = copyCount.nodes;
      const before = shifts(root);
      text = insert(text, anchor, what);
      root = parser.parse(text);
      assert.ok(copyCount.nodes - copies > 100, `${copyCount.nodes - copies} units moved`);
      // One record per distinct shift the edit made (the units it moved lacked one of a few shifts before).
      assert.equal(shiftCount.records - records, [...shifts(root)].filter((s) => !before.has(s)).length);
      made.push(shiftCount.records - records);
    }
    // Everything after the first edits was moved by the same edits; the last edit moves units
    // moved by different edits (items before, inside and after the re-parsed one): one record each.
    assert.deepStrictEqual(made.slice(0, 3), [1, 1, 1]);
    assert.ok(made[3] <= 4, `${made[3]}`);
  });

  it("a moved unit's position reads as a plain { start, end } (JSON, keys, clones), and materialize keeps no moved position", () => {
    const parser = new IncrementalParser();
    parser.parse(DOC);
    const text = insert(DOC, 'reached', 'x');
    const root = parser.parse(text);
    const item = (root.children.find((c) => c.type === 'list') as List).children[5];
    assert.ok(item.position instanceof MovedPosition);
    const plain = { start: item.position.start, end: item.position.end };
    assert.equal(JSON.stringify(item.position), JSON.stringify(plain));
    assert.deepStrictEqual(Object.keys(item.position), ['start', 'end']);
    assert.deepStrictEqual(structuredClone(item.position), plain);
    // A spread copy of a moved unit shares its position, so it still knows its origin and shift.
    assert.equal(originOf({ ...item }), originOf(item));
    // Compared as they are (not cloned): a moved position left in the output would differ in prototype.
    assert.deepStrictEqual(materialize(root), parseWhole(text));
  });

  it('a copy of a moved unit given other children cannot read its shift or origin, so no position is shifted twice', () => {
    const parser = new IncrementalParser();
    parser.parse(DOC);
    const text = insert(DOC, 'reached', 'x');
    const root = parser.parse(text);
    const list = root.children.find((c) => c.type === 'list') as List;
    const item = list.children[5];
    assert.deepStrictEqual(shiftOf(item), { offset: 1, line: 0 });
    // Children already at their current place: the moved item's shift, read again, would move them twice.
    const copies = [
      { ...item, children: absolute(item).children },
      { ...item, children: item.children.slice(1) },
      { ...list, children: list.children.slice(1) },
    ];
    for (const copy of copies) {
      assert.throws(() => shiftOf(copy), MisplacedPositionError);
      assert.throws(() => originOf(copy), MisplacedPositionError);
      assert.throws(() => absolute(copy as Nodes), MisplacedPositionError);
    }
    // The copies that carry a position of their own read right: absolute's copy is current and keeps the origin.
    const current = absolute(item);
    assert.equal(shiftOf(current), undefined);
    assert.equal(originOf(current), originOf(item));
    const fresh = (parseWhole(text).children.find((c) => c.type === 'list') as List).children[5];
    assert.equal(JSON.stringify(absolute(item, undefined, true)), JSON.stringify(fresh));
  });

  it('the line starts of moved blocks are carried over from the last version, not looked up in the text again', () => {
    const text = '# Top\n\n' + lines(300, (i) => `Paragraph ${i}.\n`);
    const parser = new IncrementalParser();
    parser.parse(text);
    let next = text;
    for (const at of [2, 3, text.indexOf('Paragraph 150')]) {
      const before = startLookups.blocks;
      next = next.slice(0, at) + 'x' + next.slice(at);
      const root = parser.parse(next);
      // Only the re-parsed window's blocks (a few) are looked up; the 150-300 moved blocks are not.
      assert.ok(startLookups.blocks - before <= 4, `${startLookups.blocks - before} of ${root.children.length}`);
      assert.deepStrictEqual(materialize(root), parseWhole(next));
    }
  });

  it('an edit at the top copies as many nodes for blocks holding 40 inline nodes each as for blocks holding 4: copies grow with blocks, not nodes', () => {
    const copiesPerEdit = (paragraph: (i: number) => string): { copies: number; nodes: number } => {
      const text = '# Top\n\n' + lines(300, (i) => `${paragraph(i)}\n`);
      const parser = new IncrementalParser();
      const old = parser.parse(text);
      const before = copyCount.nodes;
      parser.parse('x' + text);
      return { copies: copyCount.nodes - before, nodes: nodeCount(old.children) };
    };
    const plain = copiesPerEdit((i) => `Block ${i} *a* b.`);
    const rich = copiesPerEdit((i) => Array.from({ length: 10 }, (_, k) => `*w${k}* **v${k}** \`c${i}\``).join(' '));
    assert.ok(rich.nodes > 5 * plain.nodes, `${rich.nodes} vs ${plain.nodes}`);
    assert.equal(rich.copies, plain.copies);
  });
});
