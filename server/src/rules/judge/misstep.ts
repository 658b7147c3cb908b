// "Is a person told as the one whose act went wrong?": a marker of a mistaken act (the wrong target,
// one target instead of another, a safeguard left out) counts when a person, a role or a name is
// the agent of the clause's act, told as what happened: not in the passive, not under a modal or
// "to" (advice and plans), not negated, not a present habit ("engineers run migrations"), and not a
// verb of seeing or having ("received the wrong page" is the system's act).
import { agentOf, clauseStart, isNegator, negatedAt, nounTaggedVerb, personPhrase, personToken, phraseAt } from '../../language/clauses';
import { pastLikeBase } from '../../language/inflect';
import { DETERMINERS, PASSIVE_AUX } from '../../language/people';
import type { Token } from '../../language/types';
import type { LanguageRow } from '../phrases/types';

/** Verbs that are not acts on a target: being, having, and what a person receives or perceives. */
const NOT_ACTS = new Set(['be', 'have', 'seem', 'appear', 'become', 'remain', 'get', 'receive', 'see', 'hear', 'notice', 'find', 'observe', 'encounter', 'experience', 'show', 'look', 'feel', 'know', 'think', 'believe', 'expect', 'want']);
const MODALS = new Set(['should', 'could', 'would', 'might', 'must', 'will', 'can', 'shall', 'may', 'to', "'ll", "should've", "could've", "would've", "might've"]);
const AUXILIARY_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'had', 'has', 'did', 'does', 'got', 'gets']);
const PERFECT = new Set(['has', 'had', 'have', "'d", "'ve", 'been']);
/** How far back from the marker the act's verb may stand and still start the reported span. */
const SPAN_WORDS = 8;

const sets = new Map<string, ReadonlySet<string>>();
function setOf(list: string): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list.split('|'))));
  return set;
}

/** The noun phrase after a match (determiners skipped, trailing adverbs dropped): [from, to) or empty. */
function phraseAfter(tokens: Token[], at: number): [number, number] {
  let k = at;
  while (k < tokens.length && (DETERMINERS.has(tokens[k].lower) || ['any', 'all', 'no'].includes(tokens[k].lower))) k++;
  const from = k;
  // A word tagged as a verb before a noun is a modifier ("a merge request", "the deploy key").
  const inPhrase = (t: Token, next: Token | undefined) => ['N', 'J', 'O', 'R'].includes(t.pos) || (t.pos === 'V' && next?.pos === 'N');
  while (k < tokens.length && k - from < 5 && inPhrase(tokens[k], tokens[k + 1]) && !tokens[k].quoted) k++;
  while (k > from && tokens[k - 1].pos === 'R') k--;
  return [from, k];
}

/**
 * A word the tagger read as a verb that is a noun here: a place after a preposition ("against
 * prod", "to staging", "to prod instead of"), or the last word of a phrase led by a determiner and
 * naming no person ("the bulk UPDATE without").
 */
function placeOrThing(tokens: Token[], k: number, marker: number, start: number): boolean {
  if (k === start) return false;
  const before = tokens[k - 1];
  if (before.lower === 'to') return tokens[k].lower.endsWith('ing') || k + 1 === marker || ['T', 'I'].includes(tokens[k + 1]?.pos ?? 'T');
  if (before.pos === 'I') return true;
  // A verb takes an object ("dropped the table"); a noun ends its phrase ("the bulk UPDATE without").
  if (['D', 'N'].includes(tokens[k + 1]?.pos ?? 'T')) return false;
  let j = k - 1;
  while (j > start && ['N', 'J'].includes(tokens[j].pos) && !personToken(tokens[j])) j--;
  return tokens[j].pos === 'D';
}

/**
 * The verb of the act the marker at `from` belongs to: the nearest one before it in its clause.
 * `swap` is an "instead of" marker.
 */
function actVerb(tokens: Token[], from: number, swap: boolean): number {
  const start = clauseStart(tokens, from);
  for (let k = from - 1; k >= start; k--) {
    // "recovered the queue by replaying from the mirror instead of the primary": a swap after the
    // gerund tells how the act was done, not which target it hit. A wrong target or a safeguard
    // left out is the gerund's own act ("by shipping untested code"), done by the clause's subject.
    if (k > start && tokens[k].lower.endsWith('ing') && ['by', 'after', 'before', 'while', 'when'].includes(tokens[k - 1].lower)) return swap ? -1 : k;
    if (tokens[k].pos === 'V' ? placeOrThing(tokens, k, from, start) : !nounTaggedVerb(tokens, k, start)) continue;
    // "ran purge -f": a bare verb right after an act (not after "had" or "was") is the command it ran.
    const before = tokens[k - 1];
    if (k > start && before.pos === 'V' && before.lower !== before.lemma && !AUXILIARY_FORMS.has(before.lower) && tokens[k].lower === tokens[k].lemma) return k - 1;
    return k;
  }
  return -1;
}

/**
 * How the act is told: 'done' (active, as what happened), 'passive' (the subject suffered it), or
 * undefined for a plan, advice, negation or a present habit.
 */
function toldAs(tokens: Token[], verb: number): 'done' | 'passive' | undefined {
  const t = tokens[verb];
  if (negatedAt(tokens, verb)) return undefined;
  let k = verb - 1;
  while (k >= 0 && (tokens[k].pos === 'R' || PERFECT.has(tokens[k].lower)) && !isNegator(tokens[k]) && !MODALS.has(tokens[k].lower)) k--;
  const before = tokens[k];
  if (before && MODALS.has(before.lower)) return undefined;
  if (before && PASSIVE_AUX.has(before.lower) && !t.lower.endsWith('ing')) return 'passive';
  // A base form is a habit or a plan ("operators run it"); "-ed" is past even where the tagger gave no lemma.
  if (t.lower === t.lemma && !/(?:ed|ing)$/.test(t.lower) && !pastLikeBase(t.lemma)) return undefined;
  return 'done';
}

/** "was run against prod by the analyst": a person after "by" later in the clause. */
function byPerson(tokens: Token[], verb: number): boolean {
  for (let k = verb + 1; k < tokens.length && !['T', 'C'].includes(tokens[k].pos); k++) {
    if (tokens[k].lower !== 'by') continue;
    const [a, b] = phraseAt(tokens, k + 1);
    if (personPhrase(tokens, a, b)) return true;
  }
  return false;
}

/** "The pods restarted and they pulled the wrong image": "they" takes up things named before it, no person. */
function theyMeansThings(tokens: Token[], verb: number): boolean {
  let they = verb - 1;
  while (they >= 0 && tokens[they].lower !== 'they') they--;
  if (they < 0) return false;
  const before = tokens.slice(0, they);
  return !before.some((t) => personToken(t)) && before.some((t) => t.pos === 'N' && /[^s]s$/.test(t.lower));
}

/** Words that tell the act was meant: "as the runbook says", "per the plan", "deliberately". */
const MEANT = new Set(['deliberately', 'intentionally', 'purposely', 'purposefully']);
const AS_MEANT = new Set(['planned', 'intended', 'agreed', 'documented', 'designed', 'instructed', 'prescribed', 'says', 'said', 'requires', 'required', 'recommends', 'recommended', 'describes', 'described', 'directs', 'directed']);
const PLANS = new Set(['runbook', 'playbook', 'plan', 'procedure', 'policy', 'process', 'instructions', 'checklist', 'design']);

function toldAsMeant(tokens: Token[]): boolean {
  return tokens.some((t, k) => MEANT.has(t.lower) ||
    (t.lower === 'on' && tokens[k + 1]?.lower === 'purpose') ||
    (t.lower === 'as' && tokens.slice(k + 1, k + 4).some((u) => AS_MEANT.has(u.lower))) ||
    (['per', 'following'].includes(t.lower) && tokens.slice(k + 1, k + 3).some((u) => PLANS.has(u.lower))));
}

/** Verbs that only carry a safeguard's noun: "running the tests", "taking a backup", "waiting for a review". */
const LIGHT_VERBS = new Set(['run', 'take', 'do', 'get', 'perform', 'request', 'seek', 'obtain', 'wait', 'make', 'use', 'follow', 'pass', 'go']);

/**
 * "The wrong volume was detached by the storage admin": the marked target is the subject of a
 * passive whose agent, after "by", is a person; the span runs from the marker to the participle.
 */
function passiveTargetSpan(row: LanguageRow, tokens: Token[], from: number, phraseTo: number): [number, number] | undefined {
  // The marked phrase must be the clause's subject: no verb before it in its clause.
  for (let k = clauseStart(tokens, from); k < from; k++) if (tokens[k].pos === 'V') return undefined;
  let k = phraseTo;
  while (k < tokens.length && tokens[k].pos === 'R' && !isNegator(tokens[k])) k++;
  if (!PASSIVE_AUX.has(tokens[k]?.lower ?? '')) return undefined;
  k++;
  while (k < tokens.length && tokens[k].pos === 'R' && !isNegator(tokens[k])) k++;
  const participle = tokens[k];
  if (!participle || participle.pos !== 'V' || !/(?:ed|en|wn|un|ut|ne|ht)$/.test(participle.lower) || NOT_ACTS.has(participle.lemma)) return undefined;
  if (row.exceptVerbs && setOf(row.exceptVerbs).has(participle.lemma)) return undefined;
  if (!byPerson(tokens, k) || toldAsMeant(tokens)) return undefined;
  return [from, k + 1];
}

/**
 * Where a mistaken-act row's match counts, the span to report (from the act's verb to the phrase
 * after the marker, so the message quotes the act), or undefined when it does not count.
 */
export function misstepSpan(row: LanguageRow, tokens: Token[], from: number, to: number): [number, number] | undefined {
  let [phraseFrom, phraseTo] = phraseAfter(tokens, to);
  // "without running the test suite", "without waiting for a canary": the safeguard named through a light verb.
  if (row.target && row.target !== '*' && phraseTo === phraseFrom && LIGHT_VERBS.has(tokens[to]?.lemma ?? '') && tokens[to].lower.endsWith('ing')) {
    [phraseFrom, phraseTo] = phraseAfter(tokens, tokens[to + 1]?.lower === 'for' ? to + 2 : to + 1);
  }
  if (row.target) {
    if (phraseTo === phraseFrom) return undefined;
    const head = tokens[phraseTo - 1];
    if (row.target !== '*' && !setOf(row.target).has(head.lower) && !setOf(row.target).has(head.lemma)) return undefined;
    // "instead of a hotfix": one kind of remedy over another is a choice; a swapped target is definite.
    if (row.target === '*' && ['a', 'an'].includes(tokens[to]?.lower ?? '')) return undefined;
  }
  const verb = actVerb(tokens, from, row.target === '*');
  if (verb < 0) return row.target ? undefined : passiveTargetSpan(row, tokens, from, phraseTo);
  const lemma = tokens[verb].lemma;
  if (NOT_ACTS.has(lemma) || (row.exceptVerbs && setOf(row.exceptVerbs).has(lemma))) return undefined;
  const told = toldAs(tokens, verb);
  if (!told || negatedAt(tokens, from)) return undefined;
  if (told === 'passive' ? !byPerson(tokens, verb) : !agentOf(tokens, verb) || theyMeansThings(tokens, verb)) return undefined;
  if (toldAsMeant(tokens)) return undefined;
  return [from - verb <= SPAN_WORDS ? verb : from, Math.max(to, phraseTo)];
}
