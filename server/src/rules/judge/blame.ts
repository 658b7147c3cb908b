// "Is a person or group tied to fault in this sentence?": the blame table read with the sentence's
// structure (subject, owner, agent), negation and quotation. Shared by no-blame-language and
// root-cause-depth.
import { negatedAt, personPhrase, personSubject, personToken, phraseAt, quoted, subjectOf } from '../../language/clauses';
import { compile, findAll, mayMatch, type Pattern } from '../../language/match';
import type { Sentence, Token } from '../../language/types';
import { BLAME_ROWS, type BlameKind } from '../phrases/blame';
import type { LanguageRow } from '../phrases/types';

export interface LanguageHit<K extends string = string> {
  row: LanguageRow<K>;
  start: number;
  end: number;
}

const compiled = new Map<LanguageRow, Pattern>();
export function patternOf(row: LanguageRow): Pattern {
  let p = compiled.get(row);
  if (!p) compiled.set(row, (p = compile(row.pattern)));
  return p;
}

const AGENT_PREPOSITIONS = new Set(['by', 'on', 'from', 'of', 'with']);
const FAULT_SUBJECTS = new Set(['fault', 'blame', 'responsibility', 'onus', 'culpability', 'failure']);

/** "X's lapse", "the operator's bad deploy": a person owns the phrase that ends at `to`. */
function ownedBefore(tokens: Token[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && tokens[k].pos === 'J') k--;
  const t = tokens[k];
  return !!t && /['’]s?$/.test(t.lower) && t.lower !== "it's" && personToken(t) !== undefined;
}

/** "a lapse by the junior admin", "a mistake was made by X", "complacency on the platform team". */
function agentAfter(tokens: Token[], to: number): boolean {
  let k = to;
  for (let skip = 0; skip < 3 && k < tokens.length && ['V', 'R'].includes(tokens[k].pos) && !AGENT_PREPOSITIONS.has(tokens[k].lower); skip++) k++;
  if (!tokens[k] || !AGENT_PREPOSITIONS.has(tokens[k].lower)) return false;
  if (tokens[k + 1]?.lower === 'the' && tokens[k + 2]?.lower === 'part' && tokens[k + 3]?.lower === 'of') k += 3;
  const [a, b] = phraseAt(tokens, k + 1);
  return personPhrase(tokens, a, b, true) !== undefined;
}

function personAfter(tokens: Token[], to: number): boolean {
  const [a, b] = phraseAt(tokens, to);
  return personPhrase(tokens, a, b) !== undefined;
}

function tied(kind: BlameKind, tokens: Token[], from: number, to: number): boolean {
  switch (kind) {
    case 'verdict':
      // "human error page", "error budget": a fault noun used to name a thing is not a verdict.
      return !(tokens[to - 1].pos === 'N' && tokens[to]?.pos === 'N' && !personToken(tokens[to]));
    case 'agent':
      return personSubject(tokens, from) !== undefined;
    case 'owned':
      return ownedBefore(tokens, from) || agentAfter(tokens, to);
    case 'pointing': {
      if (!personAfter(tokens, to)) return false;
      if (!['lie', 'lies', 'lay', 'lain', 'lying', 'rest', 'rests', 'rested', 'fall', 'falls', 'fell', 'sits', 'sit', 'sat'].includes(tokens[from].lower)) return true;
      const subject = subjectOf(tokens, from);
      return !!subject && tokens.slice(subject[0], subject[1]).some((t) => FAULT_SUBJECTS.has(t.lemma) || FAULT_SUBJECTS.has(t.lower));
    }
  }
}

/** Every place in a sentence where a person or group is tied to fault. */
export function blameIn(sentence: Sentence, extra: readonly LanguageRow<BlameKind>[] = []): LanguageHit<BlameKind>[] {
  const hits: LanguageHit<BlameKind>[] = [];
  const taken = new Set<number>();
  for (const row of extra.length ? [...BLAME_ROWS, ...extra] : BLAME_ROWS) {
    const pattern = patternOf(row);
    if (!mayMatch(pattern, sentence.words)) continue;
    const { tokens } = sentence;
    for (const [from, to] of findAll(pattern, tokens)) {
      if (taken.has(from) || quoted(tokens, from, to) || negatedAt(tokens, from)) continue;
      if (!tied(row.kind, tokens, from, to)) continue;
      for (let k = from; k < to; k++) taken.add(k);
      hits.push({ row, start: tokens[from].start, end: tokens[to - 1].end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
