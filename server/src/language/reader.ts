// The sentence reader: the document's prose as sentences of tagged tokens, read once per parsed
// tree and shared by every language rule (and by the timeline's milestone reading).
import type { Nodes, Root } from '../parsing/markdown';
import { absolute, unitsOf } from '../parsing/units';
import { isQuotedPiece, proseBlocks, sentenceRanges, toSource, type FlatBlock } from './segment';
import { tagSentence, type Tag } from './tagger';
import type { Pos, Sentence, Token } from './types';

const WORD = /@[\w.-]*\w|[\p{L}\p{N}](?:[\p{L}\p{N}_]|['’-](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
const OPEN = new Set(['"', '“', '‘', '«']);
const CLOSE = new Set(['"', '”', '’', '»']);

function posOf(word: string, tag: Tag | undefined): Pos {
  if (/^[^\p{L}\p{N}@]$/u.test(word)) return 'T';
  if (word.startsWith('@')) return 'N';
  return tag?.pos ?? 'O';
}

/** Tokens of one sentence, tagged; `people` are names the document declares (front matter). */
export function tokenize(line: string, people: ReadonlySet<string> = new Set(), at: (i: number) => number = (i) => i, quotedAt: (i: number) => boolean = () => false): Token[] {
  const tags = tagSentence(line);
  const tokens: Token[] = [];
  let t = 0;
  let inQuote = false;
  for (const m of line.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    while (t < tags.length && tags[t].end <= start) t++;
    const tag = tags[t] && tags[t].start <= start ? tags[t] : undefined;
    // A straight quote opens when nothing is open and closes otherwise; curly ones say which they are.
    if (word === '"' ? !inQuote : OPEN.has(word) && word !== '’') {
      inQuote = true;
      continue;
    }
    if (inQuote && CLOSE.has(word)) {
      inQuote = false;
      continue;
    }
    const lower = word.toLowerCase().replace(/’/g, "'");
    const bare = lower.replace(/'s?$/, '');
    tokens.push({
      text: word, lower, lemma: tag?.lemma?.toLowerCase() ?? lower, pos: posOf(word, tag),
      name: tag?.name ?? false, listed: people.has(bare),
      quoted: inQuote || quotedAt(start), start: at(start), end: at(start + word.length - 1) + 1,
    });
  }
  return tokens;
}

const WORD_ONLY = /@[\w.-]*\w|[\p{L}\p{N}](?:[\p{L}\p{N}_]|['’-](?=[\p{L}\p{N}]))*/gu;

export function wordsOf(line: string): Set<string> {
  const words = new Set<string>();
  for (const m of line.matchAll(WORD_ONLY)) {
    const w = m[0].toLowerCase().replace(/’/g, "'");
    words.add(w);
    if (/'s?$/.test(w)) words.add(w.replace(/'s?$/, ''));
    // Plural nouns match their singular through the tagger's lemma; keep that form for the gate too.
    if (w.endsWith('s')) words.add(w.slice(0, -1));
  }
  return words;
}

/** A sentence whose tokens are tagged on first use. */
function lazySentence(start: number, end: number, text: string, tag: () => Token[]): Sentence {
  let tokens: Token[] | undefined;
  return {
    start, end, text, words: wordsOf(text),
    get tokens() {
      return (tokens ??= tag());
    },
  };
}

function blockSentences(block: FlatBlock, people: ReadonlySet<string>): Sentence[] {
  const out: Sentence[] = [];
  for (const [from, to] of sentenceRanges(block.text)) {
    // One line with single spaces: the same sentence tags the same however it was wrapped.
    const raw = block.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const map: number[] = [];
    let line = '';
    for (let i = lead; i < raw.length; i++) {
      const ch = raw[i];
      const code = ch.charCodeAt(0);
      if (code === 32 || code === 10 || code === 9 || code === 13 || code === 160) {
        if (line && !line.endsWith(' ')) {
          map.push(from + i);
          line += ' ';
        }
        continue;
      }
      map.push(from + i);
      line += ch;
    }
    line = line.trimEnd();
    if (!line) continue;
    const at = (i: number) => toSource(block, map[i]);
    out.push(lazySentence(at(0), at(line.length - 1) + 1, line, () => tokenize(line, people, at, (i) => isQuotedPiece(block, map[i]))));
  }
  return out;
}

const read = new WeakMap<Root, { text: string; people: string; sentences: Sentence[] }>();

/**
 * Sentences already read, by everything a block's reading depends on: its flat text, where its
 * pieces sit relative to its first one (and which are quoted), and the declared people. A keystroke
 * changes one block; every other block's sentences come from here (moved when the block moved).
 */
const byBlock = new Map<string, { base: number; sentences: Sentence[] }>();
const BLOCK_CACHE_LIMIT = 20_000;

function blockKey(block: FlatBlock, people: string): string {
  const base = block.pieces[0]?.source ?? 0;
  let layout = '';
  for (const p of block.pieces) layout += `${p.flat},${p.source - base},${p.length}${p.quoted ? 'q' : ''};`;
  return `${people}\u0001${layout}\u0001${block.text}`;
}

/** For a moved sentence: the sentence it was read as, and how far it moved since (chains never form). */
const movedFrom = new WeakMap<Sentence, { origin: Sentence; by: number }>();

/** The same sentence `by` code units further on: tokens are moved when first read. */
function movedSentence(sentence: Sentence, by: number): Sentence {
  const from = movedFrom.get(sentence);
  const origin = from?.origin ?? sentence;
  const total = (from?.by ?? 0) + by;
  let tokens: Token[] | undefined;
  const moved: Sentence = {
    start: sentence.start + by, end: sentence.end + by, text: sentence.text, words: sentence.words,
    get tokens() {
      return (tokens ??= origin.tokens.map((t) => ({ ...t, start: t.start + total, end: t.end + total })));
    },
  };
  movedFrom.set(moved, { origin, by: total });
  return moved;
}

function cachedBlockSentences(block: FlatBlock, names: ReadonlySet<string>, people: string): Sentence[] {
  const key = blockKey(block, people);
  const base = block.pieces[0]?.source ?? 0;
  const hit = byBlock.get(key);
  if (hit) {
    byBlock.delete(key);
    if (hit.base !== base) {
      hit.sentences = hit.sentences.map((s) => movedSentence(s, base - hit.base));
      hit.base = base;
    }
    byBlock.set(key, hit);
    return hit.sentences;
  }
  const sentences = blockSentences(block, names);
  byBlock.set(key, { base, sentences });
  if (byBlock.size > BLOCK_CACHE_LIMIT) byBlock.delete(byBlock.keys().next().value as string);
  return sentences;
}

/** The sentences of a document, read once per tree; unchanged blocks from the block cache. */
export function readSentences(root: Root, text: string, people: readonly string[] = []): Sentence[] {
  const key = people.join('\u0000').toLowerCase();
  const hit = read.get(root);
  if (hit && hit.text === text && hit.people === key) return hit.sentences;
  const names = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((p) => p.length > 1));
  // Unit by unit, each with current positions (a moved unit's descendants keep its origin's).
  const sentences = unitsOf(root).flatMap((u) => proseBlocks(absolute(u as Nodes), text)).flatMap((b) => cachedBlockSentences(b, names, key));
  read.set(root, { text, people: key, sentences });
  return sentences;
}

/** The names a people list gives the tagger (each word of each name), and its cache key. */
export function peopleNames(people: readonly string[]): { key: string; names: ReadonlySet<string> } {
  return { key: people.join('\u0000').toLowerCase(), names: new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((p) => p.length > 1)) };
}

/** The sentences of one unit of a document (a block, list item or table row), in order. */
export function readUnitSentences(unit: Nodes, text: string, people: { key: string; names: ReadonlySet<string> }): Sentence[] {
  const blocks = proseBlocks(unit, text);
  return blocks.length === 1 ? cachedBlockSentences(blocks[0], people.names, people.key) : blocks.flatMap((b) => cachedBlockSentences(b, people.names, people.key));
}

/** How many blocks the sentence cache holds (tests check it is bounded and used). */
export function cachedBlockCount(): number {
  return byBlock.size;
}

/** The sentences of a plain line of text (a timeline entry's words); offsets are into the line. */
export function readLine(line: string): Sentence[] {
  const flat = line.replace(/\s+/g, ' ').trim();
  return sentenceRanges(flat).map(([from, to]) => {
    const text = flat.slice(from, to).trim();
    const lead = flat.slice(from, to).indexOf(text);
    return lazySentence(from + lead, from + lead + text.length, text, () => tokenize(text, new Set(), (i) => from + lead + i));
  });
}
