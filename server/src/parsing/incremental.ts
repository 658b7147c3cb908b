// Incremental parsing in which remark decides every boundary. After an edit, the parser re-parses a
// window of text around it and accepts the window only where remark itself starts a new top-level
// block (or list item, or table row) on the first unchanged line after the edit: from that line
// on, the parser's state is the one a fresh document starts with, so the rest of the tree is the
// previous version's, moved. Trees are never changed once returned: nodes before the edit are
// shared with the previous version, nodes after it are copies with moved positions.
// Documents with link or footnote definitions (which change how text elsewhere parses) are parsed
// whole. A property test (test/unit/incrementalSpec.test.ts) checks the result equals a full parse.
import type { List, Root, RootContent, Table } from 'mdast';
import { canSplit, commonLength, headingCandidates, isLineStart, lineEnd, lineEndings, lineStartOf } from './blocks';
import { reparseListItem, reparseTableRow, type FineEdit } from './fineGrained';
import { movedCopies, parseAt } from './windows';

export { movedCopies, parseAt };

function rootOf(text: string, children: RootContent[]): Root {
  const last = lineStartOf(text, text.length);
  // The last line's number: counted from where the last block ends (its position is known), not from the top.
  const end = children.at(-1)?.position?.end;
  const lines = end?.offset !== undefined ? end.line - 1 + lineEndings(text, end.offset, text.length) : lineEndings(text, 0, text.length);
  return {
    type: 'root', children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines + 1, column: text.length - last + 1, offset: text.length } },
  };
}

/** One remark pass over the whole text, with positions that count a leading byte-order mark. */
export function parseWhole(text: string): Root {
  return rootOf(text, parseAt(text, 0, text.length, 1));
}

/** Drives a step generator to its result without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A first line remark-frontmatter tries to open front matter with. */
const FRONT_MATTER_FENCE = /^\uFEFF?---[ \t]*(?:\n|\r|$)/;

/** Below this many characters one remark pass beats parsing heading by heading (measured: bench/). */
const CHUNK_MIN = 20_000;

interface Version {
  text: string;
  children: RootContent[];
  /** Offset of the line where each top-level child starts. */
  lineStarts: number[];
  splittable: boolean;
}

/** What an edited parse gives: the top-level children and the offsets of the lines they start on. */
interface Edited {
  children: RootContent[];
  lineStarts: number[];
}

/** Blocks whose line start was looked up in the text so far: for tests and the benchmark. */
export const startLookups = { blocks: 0 };

/** The offsets of the lines where `nodes` start. */
function startsOf(text: string, nodes: readonly RootContent[]): number[] {
  startLookups.blocks += nodes.length;
  return nodes.map((c) => lineStartOf(text, c.position?.start.offset ?? 0));
}

/**
 * The line starts of the blocks from `from` on, moved by `delta`: each starts on a line the edit
 * did not touch (a moved block's line begins after the edit), so no line needs scanning again.
 */
function movedStarts(starts: readonly number[], from: number, delta: number): number[] {
  const out = new Array<number>(starts.length - from);
  for (let i = from; i < starts.length; i++) out[i - from] = starts[i] + delta;
  return out;
}

/** The last index whose value is at or before `offset` (-1 when none): values ascend. */
function lastAtOrBefore(values: readonly number[], offset: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class IncrementalParser {
  private last: Version | undefined;
  /** How many top-level nodes the last parse reused and how many windows it parsed: for tests and the benchmark. */
  lastStats = { reused: 0, parsed: 0, fine: false };

  parse(text: string): Root {
    return runToEnd(this.steps(text));
  }

  /**
   * The parse as steps: it yields after each window it parsed, so a caller can stop a stale parse
   * between windows. Abandoning it midway is safe: the previous version stays the reference.
   */
  *steps(text: string): Generator<void, Root> {
    let splittable = canSplit(text);
    const previous = this.last;
    const edited = previous && previous.splittable && splittable ? yield* this.edited(previous, text) : undefined;
    let children = edited ? edited.children : yield* this.fresh(text, splittable);
    let lineStarts = edited?.lineStarts;
    // A first line that opens front matter which never closes leaves remark reading the whole
    // document differently (no lists or block quotes anywhere): such a version is parsed whole.
    if (FRONT_MATTER_FENCE.test(text) && children[0]?.type !== 'yaml') {
      if (splittable) children = parseAt(text, 0, text.length, 1);
      splittable = false;
      lineStarts = undefined;
    }
    this.last = { text, children, lineStarts: lineStarts ?? startsOf(text, children), splittable };
    return rootOf(text, children);
  }

  /**
   * A first parse. Long documents are parsed heading by heading (remark slows down more than
   * linearly with length): a split is kept only where remark, given the text up to and including
   * the next heading line, starts that heading as a top-level block.
   */
  private *fresh(text: string, splittable: boolean): Generator<void, RootContent[]> {
    this.lastStats = { reused: 0, parsed: 1, fine: false };
    if (!splittable || text.length < CHUNK_MIN) return parseAt(text, 0, text.length, 1);
    const candidates = headingCandidates(text);
    const children: RootContent[] = [];
    let from = 0;
    let fromLine = 1;
    let k = 0;
    let step = 1;
    this.lastStats.parsed = 0;
    while (k < candidates.length) {
      const { offset, line } = candidates[k];
      const window = parseAt(text, from, lineEnd(text, offset), fromLine);
      this.lastStats.parsed++;
      const last = window[window.length - 1];
      if (last?.type === 'heading' && last.position?.start.line === line) {
        children.push(...window.slice(0, -1));
        from = offset;
        fromLine = line;
        k++;
        step = 1;
      } else {
        // Something still open swallowed the heading: try further on, in growing strides.
        k += step;
        step *= 2;
      }
      yield;
    }
    children.push(...parseAt(text, from, text.length, fromLine));
    this.lastStats.parsed++;
    return children;
  }

  private *edited(previous: Version, text: string): Generator<void, Edited> {
    const old = previous.text;
    const oldChildren = previous.children;
    const shortest = Math.min(old.length, text.length);
    const p = commonLength(old, text, shortest);
    if (p === old.length && p === text.length) {
      this.lastStats = { reused: oldChildren.length, parsed: 0, fine: false };
      return { children: oldChildren.slice(), lineStarts: previous.lineStarts };
    }
    const s = commonLength(old, text, shortest - p, true);
    const edit: FineEdit = { old, text, start: p, oldEnd: old.length - s, delta: text.length - old.length };
    const j = lastAtOrBefore(previous.lineStarts, p);

    // An edit inside one list item or table row, with the structure around it unchanged: re-parse that item.
    const container = oldChildren[j];
    if (container && (j + 1 >= oldChildren.length || previous.lineStarts[j + 1] > edit.oldEnd)) {
      const fine = container.type === 'list' ? reparseListItem(container as List, edit) : container.type === 'table' ? reparseTableRow(container as Table, edit) : undefined;
      if (fine) {
        this.lastStats = { reused: oldChildren.length - 1, parsed: 1, fine: true };
        // The edited list or table starts where it did (the edit is inside it).
        return {
          children: [...oldChildren.slice(0, j), fine.node, ...movedCopies(oldChildren.slice(j + 1), edit.delta, fine.lineDelta)],
          lineStarts: [...previous.lineStarts.slice(0, j + 1), ...movedStarts(previous.lineStarts, j + 1, edit.delta)],
        };
      }
    }

    // Otherwise re-parse from the top-level block before the one the edit starts in (a change can
    // join a line to the block above it), up to a block start remark confirms.
    let first = Math.max(0, j - 1);
    let from = first === 0 ? 0 : previous.lineStarts[first];
    // A window must not begin with what remark would read as front matter (only the document's first line is).
    if (from > 0 && text.startsWith('---', from)) {
      first = 0;
      from = 0;
    }
    const fromLine = from === 0 ? 1 : oldChildren[first].position!.start.line;
    let m = j + 1;
    while (m < oldChildren.length && previous.lineStarts[m] < edit.oldEnd) m++;
    let step = 1;
    let parsed = 0;
    while (m < oldChildren.length) {
      const boundary = previous.lineStarts[m] + edit.delta;
      if (isLineStart(text, boundary)) {
        const window = parseAt(text, from, lineEnd(text, boundary), fromLine);
        parsed++;
        const line = fromLine + lineEndings(text, from, boundary);
        const last = window[window.length - 1];
        if (last?.position?.start.line === line && (window.length < 2 || window[window.length - 2].position!.end.line < line)) {
          this.lastStats = { reused: first + oldChildren.length - m, parsed, fine: false };
          const lineDelta = line - oldChildren[m].position!.start.line;
          const parsedNodes = window.slice(0, -1);
          return {
            children: [...oldChildren.slice(0, first), ...parsedNodes, ...movedCopies(oldChildren.slice(m), edit.delta, lineDelta)],
            lineStarts: [...previous.lineStarts.slice(0, first), ...startsOf(text, parsedNodes), ...movedStarts(previous.lineStarts, m, edit.delta)],
          };
        }
        yield;
      }
      m += step;
      step *= 2;
    }
    this.lastStats = { reused: first, parsed: parsed + 1, fine: false };
    const parsedNodes = parseAt(text, from, text.length, fromLine);
    return { children: [...oldChildren.slice(0, first), ...parsedNodes], lineStarts: [...previous.lineStarts.slice(0, first), ...startsOf(text, parsedNodes)] };
  }
}
