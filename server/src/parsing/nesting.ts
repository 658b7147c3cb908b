// Bounds how deeply block containers (block quotes, list items) nest before remark sees the text.
// remark's cost grows with the square of the nesting depth (2,600 nested list markers on one line
// take 20 s), and no real postmortem nests more than a handful of levels. Markers past the limit are
// replaced by no-break spaces of the same length: every offset stays valid, and the deepest content
// is read as a paragraph inside the deepest container that was kept (plain spaces would turn it
// into indented code, which the prose rules skip).

/** Deeper than any real document; shallow enough that remark stays fast. */
export const MAX_NESTING = 32;

export interface BoundedText {
  /** The text to parse: the same length as the input. */
  text: string;
  /** Offsets of the lines whose extra containers were read as text. */
  capped: number[];
}

/** A nested list item is indented by its parent's marker width: two to four columns in practice. */
const MAX_INDENT_PER_LEVEL = 4;
const SPACE = 0x20;
const TAB = 0x09;

/** Length of a container marker at `i` (`>`, or a list marker followed by a space), or 0. */
function markerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x3e) return 1; // '>'
  const after = (j: number) => {
    const d = text.charCodeAt(j);
    return d === SPACE || d === TAB;
  };
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && after(i + 1)) return 1; // '-', '*', '+'
  let j = i;
  while (j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && after(j + 1)) return j + 1 - i;
  return 0;
}

/** Per depth limit, the line start every line that is cut has (see mayNestTooDeep). */
const deepPrefixes = new Map<number, RegExp>();

/**
 * A line whose containers are cut starts with more than `max` markers (each at least one character)
 * or is indented further than `max` levels, and holds only markers and blanks up to there: a line
 * that does not start with `max + 1` such characters cannot be cut.
 */
function mayNestTooDeep(text: string, max: number): boolean {
  let prefix = deepPrefixes.get(max);
  if (!prefix) deepPrefixes.set(max, (prefix = new RegExp(`^[ \\t>*+\\-0-9.)]{${max + 1}}`, 'm')));
  return prefix.test(text);
}

export function boundNesting(text: string, max = MAX_NESTING): BoundedText {
  // One native search over the text; the scan steps through every line in JS.
  return mayNestTooDeep(text, max) ? cutNesting(text, max) : { text, capped: [] };
}

/** The scan itself: every line's leading containers, cut past `max` (boundNesting skips it when no line can be cut). */
export function cutNesting(text: string, max: number): BoundedText {
  let out: string[] | undefined;
  let last = 0;
  const capped: number[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    let depth = 0;
    let i = lineStart;
    let cutFrom = -1;
    for (;;) {
      while (i < lineEnd && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      const length = i < lineEnd ? markerAt(text, i) : 0;
      if (length === 0) break;
      // Nesting by indentation: a marker this far right sits deeper than `max` levels (or is noise).
      if ((++depth > max || i - lineStart > max * MAX_INDENT_PER_LEVEL) && cutFrom === -1) cutFrom = i;
      i += length;
    }
    if (cutFrom !== -1) {
      out ??= [];
      out.push(text.slice(last, cutFrom), '\u00a0'.repeat(i - cutFrom));
      last = i;
      capped.push(lineStart);
    }
    lineStart = lineEnd + 1;
  }
  if (!out) return { text, capped };
  out.push(text.slice(last));
  return { text: out.join(''), capped };
}
