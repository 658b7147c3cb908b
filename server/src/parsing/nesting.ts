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

/** Characters a cut line's start is made of: blanks and the characters of container markers. */
function inMarkerRun(c: number): boolean {
  return c === SPACE || c === TAB || c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2e || c === 0x29 || (c >= 0x30 && c <= 0x39);
}

export function boundNesting(text: string, max = MAX_NESTING): BoundedText {
  let out: string[] | undefined;
  let last = 0;
  const capped: number[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    // A line that is cut starts with more than `max` markers (a character each at least) or blanks
    // and markers past `max` levels of indentation: its first `max + 1` characters are all of them.
    // Checking the last of those first skips almost every line of a real document at once.
    if (lineEnd - lineStart <= max || !inMarkerRun(text.charCodeAt(lineStart + max))) {
      lineStart = lineEnd + 1;
      continue;
    }
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
