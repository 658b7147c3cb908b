// Line arithmetic for the incremental parser, and a quick guess at section starts for the workspace
// index. The incremental parser never trusts a guess: remark confirms each boundary (incremental.ts).
// `blockStarts` is a hand-written approximation of CommonMark, used only by the workspace index
// (which reads action-item sections and can afford to misread an exotic document).

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_UNTIL_BLANK = /^ {0,3}<[/A-Za-z]/;
const HTML_WITH_END: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
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

/** Offsets where blocks start (the first is always 0). */
export function blockStarts(text: string): number[] {
  const starts = [0];
  let offset = 0;
  let fence: string | undefined;
  let htmlEnd: RegExp | 'blank' | undefined;
  let lineNo = 0;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(offset, end).replace(/\r?\n$/, '');
    if (inFrontMatter) {
      if (lineNo > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd === 'blank' ? line.trim() === '' : htmlEnd.test(line)) htmlEnd = undefined;
    } else if (HEADING.test(line)) {
      if (offset > 0) starts.push(offset);
    } else {
      const f = FENCE.exec(line);
      if (f) fence = f[1];
      else {
        const closing = HTML_WITH_END.find(([open]) => open.test(line));
        if (closing) htmlEnd = closing[1].test(line.replace(closing[0], '')) ? undefined : closing[1];
        else if (HTML_UNTIL_BLANK.test(line)) htmlEnd = 'blank';
      }
    }
    offset = end;
    lineNo++;
  }
  return starts;
}
