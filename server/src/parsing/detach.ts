// Strings that outlive the document version they were read from (cache keys, cached sentences and
// reports) must not be slices of that version's text: a JavaScript engine may represent a substring
// as a view into its parent (V8 does from 13 characters on), so one cached word would keep the
// whole old text alive, and a long session would hold one copy of the document per keystroke.

/**
 * A copy of `s` that shares no storage with the string it was cut from. Concatenating forces a new
 * string; reading it back from the second character flattens that into fresh storage of `s`'s own
 * size. Portable (no Buffer): the browser bundle runs the same code. Costs one copy of `s`, so use
 * it when a value enters a cache, not on every read.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}
