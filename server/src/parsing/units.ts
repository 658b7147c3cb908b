// The units an edit invalidates: the top-level blocks of a tree, with lists opened into their items
// and tables into their rows (a 1,200-entry timeline is 1,200 units, not one). Whatever the engine
// derives from one unit alone (its prose, its sentences' findings, its suppression comments, its
// action item or timeline entry) is cached by the unit's identity and reused while the unit is
// unchanged. The incremental parser shares unchanged nodes before an edit and copies (moves) those
// after it; a copy remembers the node it was copied from, so a moved unit finds the cache of its
// original and only shifts the offsets: a derived value is stored relative to its unit's start.
import { startOffset, type Nodes, type Root, type RootContent } from './markdown';

/** For a moved copy: the node it was first parsed as. */
const copiedFrom = new WeakMap<object, object>();

/** Records that `copy` is `original` moved (chains collapse to the first original). */
export function recordCopy(copy: object, original: object): void {
  copiedFrom.set(copy, copiedFrom.get(original) ?? original);
}

/** The node a unit was first parsed as (itself when it was never moved): the key of its caches. */
export function originOf(node: object): object {
  return copiedFrom.get(node) ?? node;
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

  /** The value relative to the unit's start; the caller adds `startOffset(unit)` to its offsets. */
  get(unit: Unit, key = '', compute = this.compute): T {
    const origin = originOf(unit);
    const hit = this.entries.get(origin);
    if (hit && hit.key === key) {
      this.hits++;
      return hit.value;
    }
    this.misses++;
    const value = compute!(unit, startOffset(unit));
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
