// Helpers shared by the rules: phrase matching over the prose mask, a span's visible text.
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

/** Text of a span with HTML comments and markup removed, whitespace collapsed. */
export function visibleText(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^[ \t]*>/gm, ' ')
    .replace(/[#*_`|-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
