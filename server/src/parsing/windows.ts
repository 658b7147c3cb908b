// Parsing a window of a document with positions in the whole text, and moving reused nodes without
// changing them (an older version's tree stays as it was for any reader still holding it).
import type { RootContent } from 'mdast';
import { detached } from './detach';
import { parseMarkdown, walk, type Nodes } from './markdown';
import { MovedPosition, originOf, shiftAfter, shiftOf } from './units';

type Position = NonNullable<RootContent['position']>;

type Point = Position['start'];

function movedPoint(p: Point, offsetDelta: number, lineDelta: number): Point {
  return { line: p.line + lineDelta, column: p.column, offset: (p.offset ?? 0) + offsetDelta };
}

function movedPosition(p: Position, offsetDelta: number, lineDelta: number): Position {
  return { start: movedPoint(p.start, offsetDelta, lineDelta), end: movedPoint(p.end, offsetDelta, lineDelta) };
}

/** Moves the positions of freshly parsed nodes that nobody else holds yet (iterative: any depth). */
export function shiftInPlace(nodes: readonly Nodes[], offsetDelta: number, lineDelta: number): void {
  if (offsetDelta === 0 && lineDelta === 0) return;
  for (const child of nodes) {
    walk(child, (node) => {
      if (node.position) node.position = movedPosition(node.position, offsetDelta, lineDelta);
    });
  }
}

/** Nodes copied so far by moves: for tests and the benchmark. */
export const copyCount = { nodes: 0 };

type Node = Nodes & Record<string, unknown>;

/**
 * A unit moved by an edit: a shallow copy whose position (a MovedPosition) is the current one and
 * names its origin and its shift, made for `children` (the original's, shared; for a list or table,
 * its moved items or rows, which carry current positions: only the origin is kept for it).
 */
function movedUnit<T extends Nodes>(node: T, offsetDelta: number, lineDelta: number, children?: Node[]): T {
  const copy = { ...node } as T;
  if (children) (copy as Node).children = children;
  const p = node.position;
  // Every node remark makes has a position; one without has nothing to move (and no cache to keep).
  if (p) {
    const shift = children ? undefined : shiftAfter(shiftOf(node), offsetDelta, lineDelta);
    copy.position = new MovedPosition(movedPoint(p.start, offsetDelta, lineDelta), movedPoint(p.end, offsetDelta, lineDelta), originOf(node), shift, (copy as Node).children as Node[] | undefined);
  }
  return copy;
}

/**
 * The units `nodes` moved by an edit: shallow copies with moved positions, sharing their children
 * with the originals (see units.ts: a position below a moved unit is its origin's, plus the unit's
 * shift). A top-level list or table is copied with its items or rows, which are units too. The
 * originals (part of an older version's tree) stay as they were. O(units), not O(nodes), with one
 * shift record for all of them (they were moved by the same edits before).
 */
export function movedCopies<T extends Nodes>(nodes: readonly T[], offsetDelta: number, lineDelta: number): T[] {
  if (offsetDelta === 0 && lineDelta === 0) return nodes.slice();
  let copied = nodes.length;
  const out = new Array<T>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    let children: Node[] | undefined;
    if (node.type === 'list' || node.type === 'table') {
      const from = node.children as Node[];
      children = new Array<Node>(from.length);
      for (let k = 0; k < from.length; k++) children[k] = movedUnit(from[k], offsetDelta, lineDelta);
      copied += children.length;
    }
    out[i] = movedUnit(node, offsetDelta, lineDelta, children);
  }
  copyCount.nodes += copied;
  return out;
}

/** A copy of a node with some values replaced, key by key in the node's order (what a spread gives). */
export function replacing<T extends Nodes>(node: T, values: Partial<T>): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) out[key] = key in values ? (values as Record<string, unknown>)[key] : (node as Node)[key];
  return out as T;
}

/**
 * Parses text[from, to) as a document of its own, with positions in the whole text (`line` is the
 * 1-based line where `from` is). remark drops a leading byte-order mark, so its positions start one
 * code unit early there: put them back.
 */
export function parseAt(text: string, from: number, to: number, line: number): RootContent[] {
  // The nodes' values are substrings of what remark is given: a window of its own (not a view into
  // the whole text) lets a block reused over many versions keep only its window alive, not every
  // version of the document it was parsed in.
  const children = parseMarkdown(from === 0 && to >= text.length ? text : detached(text.slice(from, to))).children;
  const bom = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  shiftInPlace(children, from + bom, line - 1);
  return children;
}

