// The units an edit invalidates: the top-level blocks of a tree, with lists opened into their items
// and tables into their rows (a 1,200-entry timeline is 1,200 units, not one). Whatever the engine
// derives from one unit alone (its prose, its sentences' findings, its suppression comments, its
// action item or timeline entry) is cached by the unit's identity and reused while the unit is
// unchanged.
//
// Moving a unit is O(1): the incremental parser shares unchanged nodes before an edit, and for each
// unit after it makes a shallow copy with a moved `position` and the SAME `children` as the unit it
// was copied from (a moved top-level list or table is copied with its items or rows, each a unit).
// No node of an older tree is ever changed. The invariant every reader relies on:
//
//   a position below a moved unit is that of the unit's origin: add the unit's shift (`shiftOf`).
//
// A unit's own position is always the current one. Values derived from a unit alone are computed on
// `absolute(unit)` (a copy with current positions, made only when the value is not cached) and stored
// relative to the unit's start, so the caller adds `startOffset(unit)` as for any unit. A reader that
// starts below a unit (a nested list, a label's body) carries the shift down (`shiftBelow`).
import { startOffset, type Nodes, type Root, type RootContent } from './markdown';

/** How far a moved unit (and everything below it) is from where its origin was parsed. */
export interface Shift {
  offset: number;
  line: number;
}

/** A copy's record: the node it was first parsed as, and (for a moved unit) what positions below it lack. */
interface Copied {
  origin: object;
  shift: Shift | undefined;
}

/** One weak map for both (an entry costs about as much as the copy it describes). */
const copies = new WeakMap<object, Copied>();

/**
 * Records that `copy` is `original` moved by `offset` code units and `line` lines (chains collapse:
 * the origin is the first original, and the shifts add up). A zero shift records only the origin.
 */
export function recordCopy(copy: object, original: object, offset = 0, line = 0): void {
  const before = copies.get(original);
  const shift = before?.shift ? { offset: before.shift.offset + offset, line: before.shift.line + line } : { offset, line };
  copies.set(copy, { origin: before?.origin ?? original, shift: shift.offset !== 0 || shift.line !== 0 ? shift : undefined });
}

/** The node a unit was first parsed as (itself when it was never moved): the key of its caches. */
export function originOf(node: object): object {
  return copies.get(node)?.origin ?? node;
}

/** A moved unit's shift: what to add to positions below it (undefined when they are current). */
export function shiftOf(node: object): Shift | undefined {
  return copies.get(node)?.shift;
}

/** The shift a node lacks, given its ancestors (root first): that of the innermost moved unit among them. */
export function shiftAbove(ancestors: readonly object[]): Shift {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const shift = shiftOf(ancestors[i]);
    if (shift) return shift;
  }
  return ZERO;
}

/** No shift: the positions are current. */
export const ZERO: Shift = { offset: 0, line: 0 };

/** The shift of the children of `node`, whose own position lacks `inherited` (ZERO for a unit). */
export function shiftBelow(node: object, inherited: Shift = ZERO): Shift {
  return shiftOf(node) ?? inherited;
}

function movedPoint<P extends { line: number; column: number; offset?: number }>(p: P, by: Shift): P {
  return { ...p, line: p.line + by.line, offset: (p.offset ?? 0) + by.offset };
}

/** A list or table whose items or rows are moved units. */
function hasMovedChild(node: Nodes): boolean {
  return (node.type === 'list' || node.type === 'table') && (node.children as object[]).some((child) => shiftOf(child) !== undefined);
}

/**
 * `node` with every position current: itself when nothing below it is moved, otherwise a deep copy
 * (iterative: any depth). `inherited` is the shift its own position lacks (a node below a moved
 * unit). Items and rows in the copy keep their origin, so their caches still hit.
 */
export function absolute<T extends Nodes>(node: T, inherited: Shift = ZERO): T {
  if (inherited.offset === 0 && inherited.line === 0 && shiftOf(node) === undefined && !hasMovedChild(node)) return node;
  type Frame = { from: readonly Nodes[]; to: Nodes[]; by: Shift };
  const copyNode = (n: Nodes, by: Shift, frames: Frame[]): Nodes => {
    const own = shiftOf(n);
    // A moved unit's own position is current; below it, its shift applies.
    const ownBy = own ? ZERO : by;
    const copy = { ...n } as Nodes;
    if (n.position && (ownBy.offset !== 0 || ownBy.line !== 0)) copy.position = { start: movedPoint(n.position.start, ownBy), end: movedPoint(n.position.end, ownBy) };
    if ('children' in n) {
      const children = new Array<Nodes>(n.children.length);
      (copy as { children: Nodes[] }).children = children;
      frames.push({ from: n.children as Nodes[], to: children, by: own ?? by });
    }
    if (n.type === 'listItem' || n.type === 'tableRow' || n === node) copies.set(copy, { origin: originOf(n), shift: undefined });
    return copy;
  };
  const frames: Frame[] = [];
  const out = copyNode(node, inherited, frames) as T;
  while (frames.length > 0) {
    const { from, to, by } = frames.pop()!;
    for (let i = 0; i < from.length; i++) to[i] = copyNode(from[i], by, frames);
  }
  return out;
}

/** A tree with every position current (for consumers that read any node's position: tests, AST output). */
export function materialize(root: Root): Root {
  return { ...root, children: root.children.map((child) => absolute(child)) };
}

/** A unit of a document: a top-level block, a list item of a top-level list, or a row of a top-level table. */
export type Unit = RootContent | Extract<Nodes, { type: 'listItem' | 'tableRow' }>;

/** The units of a tree, in document order. */
export function unitsOf(root: Root): Unit[] {
  const units: Unit[] = [];
  for (const child of root.children) {
    if (child.type === 'list' || child.type === 'table') {
      for (const item of child.children) units.push(item);
    } else units.push(child);
  }
  return units;
}

/**
 * A cache of values derived from one unit alone, stored relative to the unit's start. `key` names
 * everything else the value depends on (settings, surrounding section kinds): a different key
 * recomputes. Entries live as long as the unit's original node does (a weak map): memory follows
 * the trees the server holds, not the number of edits.
 */
export class UnitCache<T> {
  private readonly entries = new WeakMap<object, { key: string; value: T }>();
  hits = 0;
  misses = 0;

  constructor(
    /** The value for a unit, with offsets relative to `base` (the unit's start). */
    private readonly compute?: (unit: Unit, base: number) => T,
  ) {}

  /**
   * The value relative to the unit's start; the caller adds `startOffset(unit)` to its offsets (and
   * `inherited`, for a node below a moved unit: the shift its own position lacks).
   */
  get(unit: Unit, key = '', compute = this.compute, inherited?: Shift): T {
    const origin = originOf(unit);
    const hit = this.entries.get(origin);
    if (hit && hit.key === key) {
      this.hits++;
      return hit.value;
    }
    this.misses++;
    // Computed on current positions: a moved unit's descendants keep its origin's.
    const value = compute!(absolute(unit, inherited), startOffset(unit) + (inherited?.offset ?? 0));
    this.entries.set(origin, { key, value });
    return value;
  }
}

/**
 * A shallow copy with the same keys in the same order (what `{ ...value }` gives): a key-by-key copy
 * stays fast where the spread falls back to a slow path for values of many shapes.
 */
export function copyOf<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
  return copy as T;
}
