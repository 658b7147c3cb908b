// "Does this sentence imagine a different past?": the counterfactual table read with the sentence's
// subject, negation, quotation and the difference between a judgement and an expectation.
import { clauseStart, negatedAt, personSubject, quoted, subjectOf } from '../../language/clauses';
import { findAll } from '../../language/match';
import type { Sentence, Token } from '../../language/types';
import { COUNTERFACTUAL_ROWS, type CounterfactualKind } from '../phrases/counterfactual';
import { candidateRows, patternOf, type LanguageHit } from './blame';

const MODALS = new Set(['would', 'could', 'might', "wouldn't", "couldn't", "mightn't", "would've", "could've", "might've", 'should', "should've", "shouldn't"]);
const SUBJECT_WORDS = new Set(['had', "hadn't", 'if', 'unless']);

function isParticiple(t: Token | undefined): boolean {
  return !!t && (t.pos === 'V' || /(?:ed|en|wn|ne|ght|ck|ot|ung|un)$/.test(t.lower)) && !['no', 'a', 'an', 'the', 'to'].includes(t.lower);
}

/** "would (not) have ..." anywhere in the sentence: the imagined consequence of an "if ... had". */
function hasModalPerfect(tokens: Token[]): boolean {
  return tokens.some((t, i) => MODALS.has(t.lower) && tokens.slice(i + 1, i + 4).some((u) => u.lower === 'have' || u.lower === "'ve" || u.lower === 'been')) ||
    tokens.some((t) => /^(?:would|could|might)'ve$/.test(t.lower));
}

/** People, teams and "we": the subjects whose past actions a "should have" judges. */
function personOrWe(tokens: Token[], i: number): boolean {
  const subject = subjectOf(tokens, i);
  if (!subject) return false;
  if (tokens.slice(subject[0], subject[1]).some((t) => ['we', 'us', 'someone', 'somebody', 'nobody', 'no'].includes(t.lower))) return true;
  return personSubject(tokens, i) !== undefined;
}

function counts(row: { kind: CounterfactualKind; pattern: string }, tokens: Token[], from: number, to: number): boolean {
  switch (row.kind) {
    case 'always':
      // "needed to have caught" judges; "needed to have a second reviewer" states a requirement.
      return !/\*$/.test(row.pattern) || isParticiple(tokens[to - 1]);
    case 'prevent':
      return true;
    case 'person':
      // "should have no effect" is about the future; "should have finished" about a job is an expectation.
      return isParticiple(tokens[to - 1]) && personOrWe(tokens, from);
    case 'conditional': {
      const word = tokens[from].lower;
      if (word === 'had' || word === "hadn't") {
        // "Had the squad tried the drill, ...": an inverted condition at the start of a clause.
        if (clauseStart(tokens, from) !== from && from !== 0) return false;
        const next = tokens[from + 1];
        return !!next && next.pos !== 'V' && hasModalPerfect(tokens);
      }
      // "if X had done": "had" within a few words of "if", and the consequence in the sentence.
      const window = tokens.slice(from + 1, from + 7);
      return window.some((t, k) => (t.lower === 'had' || t.lower === "hadn't" || t.lower.endsWith("'d")) && isParticiple(window[k + 1] ?? window[k + 2])) && hasModalPerfect(tokens);
    }
  }
}

export function counterfactualsIn(sentence: Sentence): LanguageHit<CounterfactualKind>[] {
  const hits: LanguageHit<CounterfactualKind>[] = [];
  const taken = new Set<number>();
  for (const row of candidateRows(COUNTERFACTUAL_ROWS, sentence)) {
    const pattern = patternOf(row);
    const { tokens } = sentence;
    for (const [from, to] of findAll(pattern, tokens)) {
      if (taken.has(from) || quoted(tokens, from, to)) continue;
      // "did not say X should have" quotes a judgement; "not" inside "couldn't have" is the phrase itself.
      if (row.kind !== 'conditional' && !SUBJECT_WORDS.has(tokens[from].lower) && negatedAt(tokens, from, 2) && row.kind !== 'always') continue;
      if (!counts(row, tokens, from, to)) continue;
      for (let k = from; k < to; k++) taken.add(k);
      hits.push({ row, start: tokens[from].start, end: tokens[to - 1].end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
