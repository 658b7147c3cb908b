// Parsing a window of a document with positions in the whole text, and moving reused nodes without
// changing them (an older version's tree stays as it was for any reader still holding it).
import type { RootContent } from 'mdast';
import { parseMarkdown, walk, type Nodes } from './markdown';
import { recordCopy } from './units';

type Position = NonNullable<RootContent['position']>;

function movedPosition(p: Position, offsetDelta: number, lineDelta: number): Position {
  return {
    start: { line: p.start.line + lineDelta, column: p.start.column, offset: (p.start.offset ?? 0) + offsetDelta },
    end: { line: p.end.line + lineDelta, column: p.end.column, offset: (p.end.offset ?? 0) + offsetDelta },
  };
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
 * Copies of reused nodes with moved positions; the originals (part of an older version's tree)
 * stay as they were. Iterative, so any nesting depth is safe. (A key-by-key copy measured slower
 * than the spread here, and children made on first read slower still: see bench/edit.ts.)
 */
export function movedCopies<T extends Nodes>(nodes: readonly T[], offsetDelta: number, lineDelta: number): T[] {
  if (offsetDelta === 0 && lineDelta === 0) return nodes.slice();
  const out: T[] = new Array<T>(nodes.length);
  // Each frame: nodes to copy, where the copies go, and whether they are units (see below).
  const stack: Array<[readonly Node[], Node[], boolean]> = [[nodes as readonly Node[], out as Node[], true]];
  let copied = 0;
  while (stack.length > 0) {
    const [from, to, units] = stack.pop()!;
    for (let i = 0; i < from.length; i++) {
      const node = from[i];
      const copy = { ...node } as Node;
      if (node.position) copy.position = movedPosition(node.position, offsetDelta, lineDelta);
      if ('children' in node) {
        const children = new Array<Node>((node.children as Node[]).length);
        copy.children = children;
        stack.push([node.children as Node[], children, node.type === 'list' || node.type === 'table']);
      }
      // Units (the blocks moved, and the items and rows of lists and tables at any depth: the
      // model's caches read nested ones too) keep their caches. Only they are recorded: a weak map
      // entry costs about as much as the copy.
      if (units) recordCopy(copy, node);
      to[i] = copy;
    }
    copied += from.length;
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
  const children = parseMarkdown(text.slice(from, to)).children;
  const bom = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  shiftInPlace(children, from + bom, line - 1);
  return children;
}

