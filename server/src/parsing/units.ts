// The units an edit invalidates: the top-level blocks of a tree, with lists opened into their items
// and tables into their rows (a 1,200-entry timeline is 1,200 units, not one). Whatever the engine
// derives from one unit alone (its prose, its sentences' findings, its suppression comments, its
// action item or timeline entry) is cached by the unit's identity and reused while the unit is
// unchanged.
//
// Moving a unit is O(1): the incremental parser shares unchanged nodes before an edit, and for each
// unit after it makes a shallow copy with a moved `position` and the SAME `children` as the unit it
// was copied from (a moved top-level list or table is copied with its items or rows, each a unit).
// The moved position (a `MovedPosition`) also carries the unit's origin and its shift: no other
// record per unit, and one shift record per edit shared by every unit it moves (`shiftAfter`).
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

type Point = NonNullable<Nodes['position']>['start'];

/**
 * The position of a moved unit (or of a unit's copy made for reading): the current one, plus the
 * node the unit was first parsed as and what positions below it lack. Kept in the position object
 * the move makes anyway, not in a weak map: a weak-map entry per moved unit per keystroke cost
 * more than the copy itself (each set, and the collector walking the entries of dead copies).
 * The private fields are invisible to JSON, spreads, `Object.keys` and structured clones: the
 * position reads as `{ start, end }` everywhere.
 *
 * The origin and the shift describe one children array, the one the position was made with. A
 * spread of a moved unit keeps its position object; given other children (say ones already
 * shifted), it would add the shift twice and read its origin's caches for children it does not
 * have. So both are read only through the node (`originOf`, `shiftOf`), and a node whose children
 * are not the position's throws instead of reading wrong positions: copy units with `movedCopies`,
 * `absolute`, or `replacing` with a position of its own, never a bare spread.
 */
export class MovedPosition {
  readonly #origin: object;
  readonly #shift: Shift | undefined;
  readonly #children: unknown;

  constructor(
    readonly start: Point,
    readonly end: Point,
    origin: object,
    shift: Shift | undefined,
    /** The children of the node this position is made for (undefined for a leaf). */
    children: readonly unknown[] | undefined,
  ) {
    this.#origin = origin;
    this.#shift = shift;
    this.#children = children;
  }

  /** The node's origin, when `node` holds the children this position was made for. */
  originFor(node: object): object {
    this.#check(node);
    return this.#origin;
  }

  /** The node's shift (what positions below it lack), when `node` holds the children this position was made for. */
  shiftFor(node: object): Shift | undefined {
    this.#check(node);
    return this.#shift;
  }

  #check(node: object): void {
    if ((node as { children?: unknown }).children !== this.#children) throw new MisplacedPositionError((node as Nodes).type);
  }
}

/** A moved unit's position read through a copy that holds other children (a spread whose children were replaced). */
export class MisplacedPositionError extends Error {
  constructor(type: string) {
    super(`A moved ${type}'s position was reused by a copy with other children: its origin and shift would be read for children it does not have. Copy units with movedCopies or absolute, or give the copy a position of its own.`);
    this.name = 'MisplacedPositionError';
  }
}

/** Shift records made so far by moves: for tests and the benchmark (one per edit, not one per unit). */
export const shiftCount = { records: 0 };

/** The last shift made, and from what: a one-entry memo (shifts are never changed, so one may be shared). */
let lastMade: { before: Shift | undefined; offset: number; line: number; after: Shift | undefined } | undefined;

/**
 * The shift of a unit that lacked `before` once an edit moves it by `offset` code units and `line`
 * lines (undefined when they cancel out). Units moved by the same edits share one record: the
 * units after an edit almost always carry the same shift (the last edit's), so one edit makes one
 * new record however many units it moves, also when it moves them in two runs (a long list's items
 * after the edited one, then the blocks after the list).
 */
export function shiftAfter(before: Shift | undefined, offset: number, line: number): Shift | undefined {
  const last = lastMade;
  if (last !== undefined && last.before === before && last.offset === offset && last.line === line) return last.after;
  const total = { offset: (before?.offset ?? 0) + offset, line: (before?.line ?? 0) + line };
  const after = total.offset !== 0 || total.line !== 0 ? total : undefined;
  lastMade = { before, offset, line, after };
  shiftCount.records++;
  return after;
}

/** The node a unit was first parsed as (itself when it was never moved): the key of its caches. */
export function originOf(node: object): object {
  const position = (node as Nodes).position;
  return position instanceof MovedPosition ? position.originFor(node) : node;
}

/** A moved unit's shift: what to add to positions below it (undefined when they are current). */
export function shiftOf(node: object): Shift | undefined {
  const position = (node as Nodes).position;
  return position instanceof MovedPosition ? position.shiftFor(node) : undefined;
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

/** A list or table whose items or rows are moved units (`anyMark`: or carry a moved unit's position at all). */
function hasMovedChild(node: Nodes, anyMark: boolean): boolean {
  if (node.type !== 'list' && node.type !== 'table') return false;
  for (const child of node.children as Nodes[]) if (anyMark ? child.position instanceof MovedPosition : shiftOf(child) !== undefined) return true;
  return false;
}

/**
 * `node` with every position current: itself when nothing below it is moved, otherwise a deep copy
 * (iterative: any depth). `inherited` is the shift its own position lacks (a node below a moved
 * unit). Items and rows in the copy keep their origin, so their caches still hit; `plain` (for
 * output) keeps no origin: every position in the copy is a plain `{ start, end }`.
 */
export function absolute<T extends Nodes>(node: T, inherited: Shift = ZERO, plain = false): T {
  const marked = plain && (node.position instanceof MovedPosition || hasMovedChild(node, true));
  if (inherited.offset === 0 && inherited.line === 0 && shiftOf(node) === undefined && !hasMovedChild(node, false) && !marked) return node;
  type Frame = { from: readonly Nodes[]; to: Nodes[]; by: Shift };
  const copyNode = (n: Nodes, by: Shift, frames: Frame[]): Nodes => {
    const own = shiftOf(n);
    // A moved unit's own position is current; below it, its shift applies.
    const ownBy = own ? ZERO : by;
    const copy = { ...n } as Nodes;
    // The copy's children first: a position that names an origin is made for them.
    let children: Nodes[] | undefined;
    if ('children' in n) {
      children = new Array<Nodes>(n.children.length);
      (copy as { children: Nodes[] }).children = children;
      frames.push({ from: n.children as Nodes[], to: children, by: own ?? by });
    }
    const position = n.position;
    if (position) {
      const moves = ownBy.offset !== 0 || ownBy.line !== 0;
      const start = moves ? movedPoint(position.start, ownBy) : position.start;
      const end = moves ? movedPoint(position.end, ownBy) : position.end;
      if (!plain && (n.type === 'listItem' || n.type === 'tableRow' || n === node)) copy.position = new MovedPosition(start, end, originOf(n), undefined, children);
      else if (moves || position instanceof MovedPosition) copy.position = { start, end };
    }
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

/** A tree with every position current and plain (for consumers that read any node's position: tests, AST output). */
export function materialize(root: Root): Root {
  return { ...root, children: root.children.map((child) => absolute(child, ZERO, true)) };
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
