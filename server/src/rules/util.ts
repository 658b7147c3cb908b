// Helpers shared by the rules: phrase matching over the prose mask, a span's visible text.
import { detached } from '../parsing/detach';
import { visibleText as visibleMarkdown } from '../parsing/visibleText';
import type { PhraseRow } from './phrases/types';

export function wordRegex(source: string, flags = 'gi'): RegExp {
  return new RegExp(String.raw`(?<![\w@-])(?:${source})(?![\w-])`, flags);
}

export interface PhraseMatch {
  row: PhraseRow;
  start: number;
  end: number;
  text: string;
}

// One regular expression per phrase table, one capture group per row: a single pass over the text.
const compiled = new WeakMap<readonly PhraseRow[], RegExp>();

export function* matchPhrases(prose: string, rows: readonly PhraseRow[]): Generator<PhraseMatch> {
  let re = compiled.get(rows);
  if (!re) {
    re = wordRegex(rows.map((r) => `(${r.pattern})`).join('|'));
    compiled.set(rows, re);
  }
  re.lastIndex = 0;
  for (const m of prose.matchAll(re)) {
    const row = rows[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
    if (row) yield { row, start: m.index, end: m.index + m[0].length, text: m[0] };
  }
}

/** A span of a section's body holds whole blocks: its line-start markers are structure, not text. */
function readVisible(span: string): string {
  return visibleMarkdown(span, { blocks: true });
}

/**
 * visibleText's results by the span they read (the result depends on nothing else). Section rules
 * read every section's text on each keystroke; an edit changes one section's text, so the others
 * become one lookup instead of five passes of regular expressions (on the 15,000-line bench
 * document, most of empty-section's time). Least recently used first; bounded by the characters it
 * holds, so alternating documents share it and memory stays small.
 */
const visibleBySpan = new Map<string, { key: string; visible: string }>();
/** Longer spans are read directly: they hold most of a document, so the next edit changes them anyway. */
const MEMO_SPAN_LIMIT = 8192;
const MEMO_CHAR_BUDGET = 2_000_000;
let memoChars = 0;
const stats = { hits: 0, misses: 0 };

/** Text of a span with HTML comments and markup removed, whitespace collapsed. */
export function visibleText(text: string, start: number, end: number): string {
  const span = text.slice(start, end);
  if (span.length > MEMO_SPAN_LIMIT) return readVisible(span);
  const hit = visibleBySpan.get(span);
  if (hit !== undefined) {
    stats.hits++;
    // Refreshes its place in the order (the entries read on every keystroke are the last evicted),
    // under its own copied key: `span` is a view into this version's whole text.
    visibleBySpan.delete(hit.key);
    visibleBySpan.set(hit.key, hit);
    return hit.visible;
  }
  stats.misses++;
  // Copies, not slices of this version's text: an entry outlives the version (see parsing/detach.ts).
  const entry = { key: detached(span), visible: detached(readVisible(span)) };
  visibleBySpan.set(entry.key, entry);
  memoChars += entry.key.length + entry.visible.length;
  for (const [key, value] of visibleBySpan) {
    if (memoChars <= MEMO_CHAR_BUDGET) break;
    visibleBySpan.delete(key);
    memoChars -= key.length + value.visible.length;
  }
  return entry.visible;
}

/** How many visibleText calls the span cache answered and computed so far (tests check an edit reads few spans again). */
export function visibleTextStats(): { hits: number; misses: number } {
  return { ...stats };
}
