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

const compiled = new WeakMap<PhraseRow, RegExp>();

export function* matchPhrases(prose: string, rows: readonly PhraseRow[]): Generator<PhraseMatch> {
  for (const row of rows) {
    let re = compiled.get(row);
    if (!re) compiled.set(row, (re = wordRegex(row.pattern)));
    re.lastIndex = 0;
    for (const m of prose.matchAll(re)) yield { row, start: m.index, end: m.index + m[0].length, text: m[0] };
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
