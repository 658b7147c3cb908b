import type { Fix, TextEdit } from '../rules/types';

/**
 * The fixes, in order, that overlap no edit of a fix kept before them: what one pass may apply
 * together. --fix, fix-all and source.fixAll all choose with this.
 */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const kept: Fix[] = [];
  const overlaps = (e: TextEdit): boolean => taken.some((t) => e.start < t.end && t.start < e.end);
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    taken.push(...fix.edits);
    kept.push(fix);
  }
  return kept;
}

/**
 * Applies fixes whose edits do not overlap any edit already taken; returns the new text and
 * how many fixes were applied. Fixes that would collide are left for the next pass.
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const kept = compatibleFixes(fixes);
  const taken = kept.flatMap((f) => f.edits);
  // Insertions at the same offset keep their order: sort stably by start, apply from the end.
  const ordered = taken.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of ordered) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied: kept.length };
}
