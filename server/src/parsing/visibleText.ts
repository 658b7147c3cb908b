// The text a reader sees in a piece of Markdown source: the one reading of inline markup shared by
// the model (titles, timeline entries, action items) and the rules (section bodies). It reads the
// source, not the tree, because its callers hold spans of source (a section body, one line of a
// hard-wrapped paragraph, the rest of a line after its time) and a tree's positions below a moved
// unit are not current (see units.ts). One pass of one regular expression for the inline syntax.

import { endOffset, startOffset } from './markdown';

export interface VisibleOptions {
  /**
   * The source holds whole blocks (a section body, a heading, a table row): the markers that start
   * a line (heading marks, quote marks, list bullets, task boxes, fences, table pipes and delimiter
   * rows, link definitions) are structure, not text. Off for a fragment of one line.
   */
  blocks?: boolean;
  /** Keep line breaks (a newline, `<br>`, a hard break) as "\n" instead of reading them as spaces. */
  lines?: boolean;
}

/** Elements a renderer draws as markup, not text (a placeholder such as `<describe the impact>` is none of them). */
const ELEMENTS = new Set(['a', 'abbr', 'b', 'big', 'blockquote', 'center', 'code', 'del', 'details', 'div', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'tt', 'u', 'ul']);

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
  rarr: '→', larr: '←', times: '×', middot: '·', bull: '•', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
};

// The inline tokens, in the order CommonMark gives them precedence: a comment and a code span hide
// what is inside them; an image before a link; an escaped character is never markup. Numbered
// groups, one per token kind (the callback's parameters in `readInline` name them in this order):
// a named-group object per match made the pass a quarter slower.
const INLINE = new RegExp([
  String.raw`(<!--[^]*?(?:-->|$))`, // 1 comment
  // 2 ticks, 3 code. Bounded, so a backtick that never closes costs a bounded scan, not one to the end of the text.
  String.raw`(\`+)(?!\`)([^]{0,2000}?[^\`])\2(?!\`)`,
  String.raw`(\[\^[^\]\s]+\])`, // 4 footnote mark
  String.raw`!?\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|\[[^\[\]]+\])`, // 5 link or image words
  String.raw`<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>`, // 6 autolink
  String.raw`</?([a-z][a-z0-9-]*)(?:\s[^<>]*)?/?>`, // 7 tag name
  String.raw`\\([!-/:-@[-\`{-~])`, // 8 escaped character
  String.raw`(\\\n)`, // 9 hard break
  String.raw`&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});`, // 10 character reference
  String.raw`(\`+)`, // 11 ticks that open nothing
  String.raw`(\*+|_+|~~)`, // 12 emphasis marks
].join('|'), 'gi');
/** None of the characters any inline token starts with: the text is already what a reader sees. */
const INLINE_START = /[<`[\\&*_~!]/;

// Block structure is read one line at a time with patterns anchored at the line's start and no two
// adjacent runs of the same characters, so a long line (100 KB of spaces) costs one pass, not a
// pass per character.
/** A fence line with its info string, or a link definition (a footnote's definition is text). */
const STRUCTURE_LINE = /^[ \t]*(?:`{3,}|~{3,})|^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S/;
/** Only borders and rules: a table's delimiter row, a setext underline, a thematic break. */
const RULE_LINE = /^[|:=*_ \t-]+$/;
/** Quote marks, then list markers and a task box, then heading marks, at a line's start. */
const LINE_START = /^(?:[ \t]*>)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)(?:[ \t]+\[[ xX]\](?=[ \t]|$))?)*[ \t]*(#{1,6}(?=[ \t]|$))?/;

/** A heading's closing hashes ("## Impact ##") are markup when a space precedes them. */
function withoutClosingHashes(line: string): string {
  const trimmed = line.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  return end < trimmed.length && (end === 0 || trimmed[end - 1] === ' ' || trimmed[end - 1] === '\t') ? trimmed.slice(0, end) : line;
}

/** A line that may start with structure (after spaces): only these are read by `blockLine`. */
const STRUCTURED_LINE = /^[ \t]*[#>*+\-|`~[=_:\d].*$/gm;

function blockLine(line: string): string {
  if (STRUCTURE_LINE.test(line) || (RULE_LINE.test(line) && /[-=*_]/.test(line))) return '';
  const start = LINE_START.exec(line)!;
  const rest = line.slice(start[0].length);
  return start[1] ? withoutClosingHashes(rest) : rest;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

function isWord(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * An emphasis marker run is markup when it touches text on one side only or, for `*` and `~~`,
 * sits inside a word ("un*frigging*believable"). `_` inside a word is text (snake_case_names), and
 * a run with spaces on both sides is text ("2 * 3").
 */
function isMarkup(run: string, before: string | undefined, after: string | undefined): boolean {
  if (isSpace(before) && isSpace(after)) return false;
  return run[0] !== '_' || !(isWord(before) && isWord(after));
}

function decodeEntity(name: string, whole: string): string {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

type Group = string | undefined;

function readInline(source: string, lineBreak: string): string {
  if (!INLINE_START.test(source)) return source;
  return source.replace(INLINE, (whole: string, comment: Group, _ticks: Group, code: Group, footnote: Group, label: Group, autolink: Group,
    tag: Group, escaped: Group, hardBreak: Group, entity: Group, ticksAlone: Group, marks: Group, at: number) => {
    if (marks !== undefined) return isMarkup(whole, source[at - 1], source[at + whole.length]) ? '' : whole;
    if (comment !== undefined || footnote !== undefined || ticksAlone !== undefined) return ''; // a footnote's mark is a superscript number, not words
    if (code !== undefined) {
      // CommonMark strips one space each side when both are there (so "`` `x` ``" shows "`x`").
      const inner = code.replace(/\n/g, ' ');
      return /^ [^]*[^ ] $/.test(inner) || /^ [^ ] $/.test(inner) ? inner.slice(1, -1) : inner;
    }
    if (label !== undefined) return readInline(label, lineBreak);
    if (autolink !== undefined) return autolink;
    if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (name === 'br') return lineBreak;
      return ELEMENTS.has(name) ? '' : whole;
    }
    if (escaped !== undefined) return escaped;
    if (hardBreak !== undefined) return '\n';
    return decodeEntity(entity!, whole);
  });
}

/** Unescaped pipes: the cell borders of a table row. */
const PIPE = /(?<!\\)\|/g;

/** The text a reader sees in `source` (Markdown), with whitespace collapsed and trimmed. */
export function visibleText(source: string, options: VisibleOptions = {}): string {
  let s = source;
  if (options.blocks) {
    s = s.replace(STRUCTURED_LINE, blockLine);
    if (s.includes('|')) s = s.replace(PIPE, ' ');
  } else {
    // A fragment may still be one cell of a table, bounded by its pipes.
    s = s.replace(/^[ \t]*\|/, '').replace(/(?<!\\)\|[ \t]*$/, '');
  }
  const text = readInline(s, options.lines ? '\n' : ' ');
  if (!options.lines) return text.replace(/\s+/g, ' ').trim();
  return text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).join('\n').trim();
}

/**
 * The visible text of a node's source. `shift`: what the node's position lacks when it lies below a
 * moved unit (see units.ts `shiftBelow`); 0 for a unit itself or a node of an `absolute` copy.
 */
export function visibleTextOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string, options: VisibleOptions = {}, shift = 0): string {
  return visibleText(text.slice(startOffset(node) + shift, endOffset(node) + shift), options);
}
