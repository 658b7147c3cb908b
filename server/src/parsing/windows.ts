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

/**
 * Copies of reused nodes with moved positions; the originals (part of an older version's tree)
 * stay as they were. Iterative, so any nesting depth is safe.
 */
export function movedCopies<T extends Nodes>(nodes: readonly T[], offsetDelta: number, lineDelta: number): T[] {
  if (offsetDelta === 0 && lineDelta === 0) return nodes.slice();
  const out: T[] = new Array<T>(nodes.length);
  const stack: Array<[readonly Nodes[], Nodes[], number]> = [[nodes, out, 0]];
  while (stack.length > 0) {
    const [from, to, depth] = stack.pop()!;
    for (let i = 0; i < from.length; i++) {
      const node = from[i];
      const copy = { ...node } as Nodes & { children?: Nodes[] };
      if (node.position) copy.position = movedPosition(node.position, offsetDelta, lineDelta);
      if ('children' in node) {
        copy.children = new Array<Nodes>(node.children.length);
        stack.push([node.children as Nodes[], copy.children, depth + 1]);
      }
      // Units (blocks, and the items and rows of top-level lists and tables) keep their caches.
      if (depth < 2) recordCopy(copy, node);
      to[i] = copy;
    }
  }
  return out;
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

