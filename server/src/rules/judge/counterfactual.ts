// "Does this sentence imagine a different past?": the counterfactual table read with the sentence's
// subject, negation, quotation and the difference between a judgement and an expectation.
import { clauseStart, isNegator, negatedAt, personSubject, quoted, subjectOf } from '../../language/clauses';
import { findAll } from '../../language/match';
import type { Sentence, Token } from '../../language/types';
import { COUNTERFACTUAL_ROWS, type CounterfactualKind } from '../phrases/counterfactual';
import { candidateRows, patternOf, type LanguageHit } from './blame';
import { expectedBehaviour } from './expectation';

const MODALS = new Set(['would', 'could', 'might', "wouldn't", "couldn't", "mightn't", "would've", "could've", "might've", 'should', "should've", "shouldn't"]);
const SUBJECT_WORDS = new Set(['had', "hadn't", 'if', 'unless']);

function isParticiple(t: Token | undefined): boolean {
  return !!t && (t.pos === 'V' || /(?:ed|en|wn|ne|ght|ck|ot|ung|un)$/.test(t.lower)) && !['no', 'a', 'an', 'the', 'to'].includes(t.lower);
}

/** "..., the table would still exist": a would, could or might after the condition at `from`. */
function modalAfter(tokens: Token[], from: number): boolean {
  return tokens.slice(from + 2).some((t) => ['would', 'could', 'might', "wouldn't", "couldn't"].includes(t.lower) || /^(?:would|could|might)'ve$/.test(t.lower));
}

const SHOULD = new Set(['should', "should've", "shouldn't"]);

/**
 * "The migration should have been rehearsed": a thing that should have been done to is a judgement
 * of the people who did not do it; "should have been finished by Friday", "renewed automatically by
 * cert-manager" tell what a schedule or the system was expected to do (see expectation.ts).
 */
function shouldHaveBeenDone(tokens: Token[], from: number, to: number): boolean {
  if (!SHOULD.has(tokens[from].lower) || tokens[to - 1].lower !== 'been' || !isParticiple(tokens[to]) || tokens[to].pos !== 'V') return false;
  return !expectedBehaviour(tokens, to);
}

/** The consequences that make "With better X, ..." hindsight: an incident avoided, caught, or prevented. */
const SOONER = new Set(['sooner', 'earlier', 'faster', 'quicker', 'quickly']);
const AVOIDED = /^(?:prevent|avoid|catch|caught|stop|detect|spot|notice|flag|find|found|block|reject|surface|reveal|see|seen|avert)/;

/**
 * "would (never) have shipped", not "would have more headroom": a modal perfect of a done act; and
 * (for "With better X") one that imagines the failure away: negated ("would never have shipped"),
 * a catch or prevention, or an act of people. "With better caching, the page would have loaded
 * from the edge" argues a design, as a root cause section should.
 */
function modalPerfectDone(tokens: Token[], avoided = false): boolean {
  return tokens.some((t, i) => {
    if (!MODALS.has(t.lower)) return false;
    let k = i + 1;
    while (tokens[k]?.pos === 'R') k++;
    if (!/(?:^|')(?:have|ve)$/.test(tokens[k]?.lower ?? '') && !/'ve$/.test(t.lower)) return false;
    if (!/'ve$/.test(t.lower)) k++;
    if (tokens[k]?.lower === 'been') k++;
    if (tokens[k]?.pos !== 'V' || !isParticiple(tokens[k])) return false;
    // "would have ended sooner": the failure imagined shorter is imagined away in part.
    const sooner = tokens.slice(k + 1).some((u, j, rest) => SOONER.has(u.lower) || (u.lower === 'in' && rest[j + 1]?.lower === 'time'));
    return !avoided || sooner || tokens.slice(i, k).some(isNegator) || /n't$/.test(t.lower) || AVOIDED.test(tokens[k].lower) || personOrWe(tokens, i);
  });
}

/** "would (not) have ..." anywhere in the sentence: the imagined consequence of an "if ... had". */
function hasModalPerfect(tokens: Token[]): boolean {
  return tokens.some((t, i) => MODALS.has(t.lower) && tokens.slice(i + 1, i + 4).some((u) => u.lower === 'have' || u.lower === "'ve" || u.lower === 'been')) ||
    tokens.some((t) => /^(?:would|could|might)'ve$/.test(t.lower));
}

/** "load tested", "smoke tested": a noun joined to the participle it qualifies is one verb. */
function participleAt(tokens: Token[], k: number): boolean {
  return isParticiple(tokens[k]) || (tokens[k]?.pos === 'N' && tokens[k + 1]?.pos === 'V' && /(?:ed|en)$/.test(tokens[k + 1].lower));
}

/** People, teams and "we": the subjects whose past actions a "should have" judges. */
function personOrWe(tokens: Token[], i: number): boolean {
  const subject = subjectOf(tokens, i);
  // "- Should have tested the restore": with no subject at all, the writers judge their own past.
  if (!subject) return tokens.slice(0, i).every((t) => t.pos === 'T' || /^\d/.test(t.text));
  if (tokens.slice(subject[0], subject[1]).some((t) => ['we', 'us', 'someone', 'somebody', 'nobody', 'no'].includes(t.lower))) return true;
  return personSubject(tokens, i) !== undefined;
}

function counts(row: { kind: CounterfactualKind; pattern: string }, tokens: Token[], from: number, to: number): boolean {
  switch (row.kind) {
    case 'always':
      // "needed to have caught" judges; "needed to have a second reviewer" states a requirement.
      return !/\*$/.test(row.pattern) || participleAt(tokens, to - 1);
    case 'prevent':
      // "The request should have been rejected by the rate limiter": the system's expected behaviour.
      return !(SHOULD.has(tokens[from].lower) && tokens.slice(from, to).some((t) => t.lower === 'been') && !personOrWe(tokens, from) && expectedBehaviour(tokens, to - 1));
    case 'avoidable':
      // "preventable only with a cross-region replica" says what it would have taken, not that it was easy.
      return !tokens.slice(from, to).some(isNegator) && tokens[to]?.lower !== 'only';
    case 'person':
      // "should have no effect" is about the future; "should have finished" about a job is an expectation.
      return participleAt(tokens, to - 1) && (personOrWe(tokens, from) || shouldHaveBeenDone(tokens, from, to));
    case 'conditional': {
      const word = tokens[from].lower;
      if (word === 'with') return modalPerfectDone(tokens, true);
      if (word === 'had' || word === "hadn't" || word === 'were') {
        // "Had the squad tried the drill, ...", "Were the backups tested, ...": an inverted condition
        // at the start of a clause; after "had", "would still exist" is enough of a consequence.
        if (clauseStart(tokens, from) !== from && from !== 0) return false;
        const next = tokens[from + 1];
        return !!next && next.pos !== 'V' && (hasModalPerfect(tokens) || (word !== 'were' && modalAfter(tokens, from)));
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
      // "should have been" quotes the act too: "should have been renewed".
      const end = tokens[to - 1].lower === 'been' && isParticiple(tokens[to]) && tokens[to].pos === 'V' ? to + 1 : to;
      for (let k = from; k < end; k++) taken.add(k);
      hits.push({ row, start: tokens[from].start, end: tokens[end - 1].end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
