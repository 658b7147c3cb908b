// Prose blocks → sentences. A paragraph, heading or table cell becomes one flat line of its inline
// text (emphasis, links and hard wraps removed, offsets kept), then splits into sentences. Code
// blocks, block quotes, HTML and front matter are other people's words or not prose: never read.
import { endOffset, startOffset, walk, type Nodes, type Root } from '../parsing/markdown';
import { isAutolink, NOT_AUTHOR_TEXT } from '../parsing/authorText';
import { detached } from '../parsing/detach';

/** A run of flat text and where it starts in the source. */
export interface Piece {
  flat: number;
  source: number;
  length: number;
  quoted: boolean;
}

export interface FlatBlock {
  text: string;
  pieces: Piece[];
}

const SKIP = NOT_AUTHOR_TEXT;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function flatten(block: Nodes, text: string): FlatBlock {
  const pieces: Piece[] = [];
  let flat = '';
  const add = (source: number, raw: string, quoted: boolean) => {
    pieces.push({ flat: flat.length, source, length: raw.length, quoted });
    flat += raw;
  };
  walk(block, (node) => {
    if (node === block) return undefined;
    if (SKIP.has(node.type)) return false;
    // An autolink (its text is its address) is a reference, not prose.
    if (isAutolink(node)) return false;
    if (node.type === 'break') add(startOffset(node), ' ', false);
    if (node.type !== 'text' && node.type !== 'inlineCode') return undefined;
    const start = startOffset(node);
    const end = endOffset(node);
    if (end <= start) return undefined;
    // A space between pieces keeps words apart where markup sat ("**a**b" stays rare; "a`x`b" must not merge).
    if (flat && !/\s$/.test(flat) && node.type === 'inlineCode') add(start, ' ', false);
    add(start, text.slice(start, end), node.type === 'inlineCode');
    if (node.type === 'inlineCode') add(end, ' ', false);
    return undefined;
  });
  // The flat text is built from slices of the document, and the sentence cache keeps it (in its key
  // and its sentences' lazy tagging): a copy of its own, so no old version of the document stays alive.
  return { text: detached(flat), pieces };
}

/** Every prose block of a document (or of one of its blocks), flattened. Walks are bounded by the parser's own depth. */
export function proseBlocks(root: Root | Nodes, text: string): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  walk(root as Nodes, (node) => {
    if (SKIP.has(node.type)) return false;
    if (!BLOCKS.has(node.type)) return undefined;
    const block = flatten(node, text);
    if (/[\p{L}]/u.test(block.text)) blocks.push(block);
    return false;
  });
  return blocks;
}

const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|approx|incl|cf|mr|mrs|ms|dr|st|no|fig|a\.m|p\.m|u\.s|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])\.$/i;

/** Flat-text ranges of the sentences of one block. */
export function sentenceRanges(flat: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  // An end mark, closing quotes or brackets, then space and a capital, digit, quote or handle; or a
  // line that starts with a time (a timeline kept as hard-wrapped lines).
  const boundary = /([.!?]+)["'”’)\]]*(?=\s+["“'‘([]?[\p{Lu}\d@])|\n(?=\s*\d{1,2}:\d{2})/gu;
  for (const m of flat.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[1] === '.' && ABBREVIATIONS.test(flat.slice(Math.max(start, m.index - 6), m.index + 1))) continue;
    ranges.push([start, end]);
    start = end;
  }
  ranges.push([start, flat.length]);
  return ranges.flatMap(([s, e]) => chunks(flat, s, e)).filter(([s, e]) => /[\p{L}]/u.test(flat.slice(s, e)));
}

/** No real sentence is this long: longer runs (lists run together, pasted logs) are read in pieces, so tagging stays linear. */
export const MAX_SENTENCE = 600;

function chunks(flat: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (end - start > MAX_SENTENCE) {
    const space = flat.lastIndexOf(' ', start + MAX_SENTENCE);
    const cut = space > start ? space : start + MAX_SENTENCE;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, end]);
  return out;
}

/** The last piece that starts at or before a flat offset (binary search: pieces are in order). */
function pieceAt(block: FlatBlock, flat: number): FlatBlock['pieces'][number] | undefined {
  let lo = 0;
  let hi = block.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.pieces[mid].flat <= flat) lo = mid;
    else hi = mid - 1;
  }
  return block.pieces[lo];
}

/** Source offset of a flat offset. */
export function toSource(block: FlatBlock, flat: number): number {
  const piece = pieceAt(block, flat);
  return piece ? piece.source + Math.min(flat - piece.flat, piece.length) : 0;
}

export function isQuotedPiece(block: FlatBlock, flat: number): boolean {
  return pieceAt(block, flat)?.quoted ?? false;
}
