// The sentence reader: the document's prose as sentences of tagged tokens, read once per parsed
// tree and shared by every language rule (and by the timeline's milestone reading).
import type { Root } from '../parsing/markdown';
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
      name: (tag?.name ?? false) || people.has(bare), actor: tag?.actor ?? false,
      quoted: inQuote || quotedAt(start), start: at(start), end: at(start + word.length - 1) + 1,
    });
  }
  return tokens;
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
      if (/\s/.test(ch)) {
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
    const tokens = tokenize(line, people, (i) => toSource(block, map[i]), (i) => isQuotedPiece(block, map[i]));
    if (tokens.length) out.push({ start: tokens[0].start, end: tokens[tokens.length - 1].end, text: line, tokens });
  }
  return out;
}

const read = new WeakMap<Root, { text: string; people: string; sentences: Sentence[] }>();

/** The sentences of a document, read once per tree. */
export function readSentences(root: Root, text: string, people: readonly string[] = []): Sentence[] {
  const key = people.join('\u0000').toLowerCase();
  const hit = read.get(root);
  if (hit && hit.text === text && hit.people === key) return hit.sentences;
  const names = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((p) => p.length > 1));
  const sentences = proseBlocks(root, text).flatMap((b) => blockSentences(b, names));
  read.set(root, { text, people: key, sentences });
  return sentences;
}

/** The sentences of a plain line of text (a timeline entry's words). */
export function readLine(line: string): Sentence | undefined {
  const flat = line.replace(/\s+/g, ' ').trim();
  const tokens = tokenize(flat);
  return tokens.length ? { start: 0, end: flat.length, text: flat, tokens } : undefined;
}
