// Helpers shared by the language rules: phrase matching over the prose mask, allowed phrases.
import type { PhraseRow } from './phrases/types';
import type { RuleContext } from './types';

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

/** True when the sentence around a match contains a phrase the configuration allows. */
export function isAllowed(context: RuleContext<object>, start: number, end: number): boolean {
  const allowed = context.shared.allowedPhrases;
  if (allowed.length === 0) return false;
  const from = Math.max(0, context.prose.lastIndexOf('.', start) + 1);
  const stop = context.prose.indexOf('.', end);
  const sentence = context.prose.slice(from, stop === -1 ? undefined : stop).toLowerCase().replace(/\s+/g, ' ');
  return allowed.some((phrase) => sentence.includes(phrase.toLowerCase()));
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
