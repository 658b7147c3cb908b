// Line arithmetic for the incremental parser, and candidate section starts. Only candidates: remark
// confirms each boundary (incremental.ts); nothing here recognises CommonMark blocks by hand.

const HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Link and footnote definitions change how text elsewhere in the document parses, so documents
 * with one are parsed whole. Every definition contains "]:" (a label, then a colon), wherever it
 * sits (in a list, a block quote, across lines): looking for that is a safe over-approximation.
 */
export function canSplit(text: string): boolean {
  return !text.includes(']:');
}

/** Is the character at `i` a line ending (a lone CR, LF, or the LF of CRLF counts once)? */
function endsLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** How many line endings text[from, to) holds (CRLF counts once, as remark counts lines). */
export function lineEndings(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && endsLine(text, i)) n++;
  }
  return n;
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (endsLine(text, i)) return i + 1;
  return 0;
}

/** The offset of the end of the line that starts at `offset` (before its line ending). */
export function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Whether `offset` begins a line (and does not split a CRLF). */
export function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || (offset <= text.length && endsLine(text, offset - 1));
}

/**
 * Lines that may start a section: an ATX heading in column 0 (with no pipe: such a line might be
 * a table's header). Only candidates: remark decides whether each really starts a block.
 */
export function headingCandidates(text: string): Array<{ offset: number; line: number }> {
  const out: Array<{ offset: number; line: number }> = [];
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const end = lineEnd(text, offset);
    if (text.charCodeAt(offset) === 35 && HEADING.test(text.slice(offset, Math.min(end, offset + 8))) && !text.slice(offset, end).includes('|')) out.push({ offset, line });
    offset = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return out;
}

/** Characters compared at once first: a slice comparison is one native call, a loop per character is not. */
const FIRST_STRIDE = 64;

/**
 * How many characters `a` and `b` share from their starts (`fromEnd`: from their ends), at most
 * `limit`. Compares growing slices, then narrows to the first difference by halving (a binary
 * search): a keystroke in a long document costs a few native comparisons, not a JS loop over it.
 */
export function commonLength(a: string, b: string, limit: number, fromEnd = false): number {
  const equal = (at: number, length: number) =>
    fromEnd
      ? a.slice(a.length - at - length, a.length - at) === b.slice(b.length - at - length, b.length - at)
      : a.slice(at, at + length) === b.slice(at, at + length);
  let same = 0;
  let stride = FIRST_STRIDE;
  while (same + stride <= limit && equal(same, stride)) {
    same += stride;
    stride *= 2;
  }
  // The first difference (or the limit) lies within `stride` characters of `same`.
  for (let step = stride >> 1; step >= 1; step >>= 1) {
    if (same + step <= limit && equal(same, step)) same += step;
  }
  return same;
}
