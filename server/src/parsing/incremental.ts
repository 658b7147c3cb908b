// Re-parses only the blocks (top-level sections) an edit touched and reuses the trees of the others,
// shifting their positions. The tree is the one a full parse gives (proved by a property test).
import type { Root, RootContent } from 'mdast';
import { blockStarts, canSplit } from './blocks';
import { parseMarkdown, walk, type Nodes } from './markdown';

interface Block {
  text: string;
  /** Offset and 1-based line where the nodes' positions currently place the block. */
  offset: number;
  line: number;
  children: RootContent[];
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function shift(children: RootContent[], offsetDelta: number, lineDelta: number): void {
  if (offsetDelta === 0 && lineDelta === 0) return;
  for (const child of children) {
    walk(child as Nodes, (node) => {
      const p = node.position;
      if (!p) return;
      p.start.offset = (p.start.offset ?? 0) + offsetDelta;
      p.end.offset = (p.end.offset ?? 0) + offsetDelta;
      p.start.line += lineDelta;
      p.end.line += lineDelta;
    });
  }
}

/** remark drops a leading byte-order mark, so its positions start one code unit early: put them back. */
function parseFresh(text: string, offset: number, line: number): RootContent[] {
  const children = parseMarkdown(text).children;
  const bom = offset === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  shift(children, offset + bom, line - 1);
  return children;
}

/** One remark pass over the whole text, with positions that count a leading byte-order mark. */
export function parseWhole(text: string): Root {
  const root = parseMarkdown(text);
  if (text.charCodeAt(0) === 0xfeff) shift(root.children, 1, 0);
  return root;
}

/** Drives a step generator to its result without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export class IncrementalParser {
  private blocks = new Map<string, Block[]>();
  /** How many blocks the last parse took from the cache and how many it parsed: for tests and the benchmark. */
  lastStats = { reused: 0, parsed: 0 };

  parse(text: string): Root {
    return runToEnd(this.steps(text));
  }

  /**
   * The parse as steps: it yields after each block it had to parse, so a caller can stop a stale
   * parse between blocks. Abandoning it midway is safe: blocks it took are simply parsed again later.
   */
  *steps(text: string): Generator<void, Root> {
    if (!canSplit(text)) {
      this.blocks.clear();
      this.lastStats = { reused: 0, parsed: 1 };
      return parseWhole(text);
    }
    const starts = blockStarts(text);
    const next = new Map<string, Block[]>();
    const children: RootContent[] = [];
    let line = 1;
    let lineCursor = 0;
    const stats = { reused: 0, parsed: 0 };
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      const end = i + 1 < starts.length ? starts[i + 1] : text.length;
      const blockText = text.slice(start, end);
      line += countLines(text.slice(lineCursor, start), start - lineCursor);
      lineCursor = start;
      let block = this.blocks.get(blockText)?.pop();
      if (block) {
        shift(block.children, start - block.offset, line - block.line);
        stats.reused++;
      } else {
        const parsed = parseFresh(blockText, start, line);
        block = { text: blockText, offset: start, line, children: parsed };
        stats.parsed++;
        yield;
      }
      block.offset = start;
      block.line = line;
      const same = next.get(blockText);
      if (same) same.push(block);
      else next.set(blockText, [block]);
      children.push(...block.children);
    }
    this.blocks = next;
    this.lastStats = stats;
    const lines = countLines(text, text.length);
    const lastLineStart = text.lastIndexOf('\n') + 1;
    return {
      type: 'root', children,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: text.length - lastLineStart + 1, offset: text.length } },
    };
  }
}

/**
 * Parses only the top-level blocks `keep` selects, with their true positions: a partial tree for
 * readers that need one part of a document (the workspace index reads only action-item sections).
 */
export function parseSelectedBlocks(text: string, keep: (blockText: string, index: number) => boolean): Root {
  const starts = canSplit(text) ? blockStarts(text) : [0];
  const children: RootContent[] = [];
  let line = 1;
  let lineCursor = 0;
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    line += countLines(text.slice(lineCursor, start), start - lineCursor);
    lineCursor = start;
    const blockText = text.slice(start, end);
    if (keep(blockText, i)) children.push(...parseFresh(blockText, start, line));
  });
  return { type: 'root', children };
}
