// Splits a document into top-level sections that can be parsed on their own: a new block starts at
// an ATX heading in column 0 that is outside front matter, fenced code and HTML blocks. Such a
// heading always ends whatever came before it in CommonMark, so parsing the blocks one by one gives
// the same tree as parsing the whole text. When unsure (an unclosed construct), it does not split:
// a larger block is always correct, only slower.

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
/** Definitions change how text elsewhere in the document parses: such documents are parsed whole. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;

export function canSplit(text: string): boolean {
  return !DEFINITION.test(text);
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
