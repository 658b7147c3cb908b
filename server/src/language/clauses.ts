// Reading a sentence's structure the way every language rule needs it: clause boundaries, the
// subject of a clause, whether a noun phrase is a person, negation and quotation.
import { AMBIGUOUS_ROLES, DETERMINERS, humanJobModifier, NOT_NAMES, PERSON_NOUNS, PRONOUNS, roleByForm } from './people';
import type { Token } from './types';

/** Words that start a new clause: conjunctions, subordinators, relative pronouns. */
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'so', 'because', 'since', 'while', 'when', 'whenever', 'after', 'before', 'although', 'though', 'if', 'unless', 'until', 'which', 'who', 'that', 'where', 'whereas', 'then', 'once', 'as']);
const RELATIVES = new Set(['who', 'which', 'that']);
const PUNCT_BOUNDARY = new Set([';', ':', '—', '–', '(', ')', ',', '-', '|']);
const AUXILIARIES = new Set(['should', 'could', 'would', 'might', 'must', 'will', 'can', 'shall', 'may', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', "should've", "could've", "would've"]);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', "n't", 'cannot']);

export function isNegator(t: Token): boolean {
  return NEGATORS.has(t.lower) || t.lower.endsWith("n't");
}

function isBoundary(t: Token, next?: Token): boolean {
  // A hyphen joined to the next word ("-rf", "-5") is part of it, not a dash between clauses.
  if (t.text === '-' && next && next.start === t.end) return false;
  return PUNCT_BOUNDARY.has(t.text) || CLAUSE_WORDS.has(t.lower);
}

/** Index of the first token of the clause that holds token i. */
export function clauseStart(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (isBoundary(tokens[k], tokens[k + 1])) return k + 1;
  return 0;
}

/** A negator ("not", "no one", "never", "didn't") in the same clause, at most `window` words before i. */
export function negatedAt(tokens: Token[], i: number, window = 4): boolean {
  const start = clauseStart(tokens, i);
  const from = Math.max(start, i - window);
  for (let k = from; k < i; k++) if (isNegator(tokens[k])) return true;
  return deniedClause(tokens, start);
}

/** Words of evidence and claim that a negator before them turns into a denial of the "that" clause after. */
const CLAIM_WORDS = new Set(['evidence', 'sign', 'signs', 'indication', 'suggestion', 'proof', 'true', 'case', 'clear', 'fair', 'accurate', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates', 'indicated', 'show', 'shows', 'showed', 'mean', 'means', 'meant']);

/**
 * "We found no evidence that anyone acted carelessly", "nothing suggests that": the clause after
 * "that" is what a negated claim denies, so the words in it are not the author's judgement.
 */
function deniedClause(tokens: Token[], start: number): boolean {
  if (tokens[start - 1]?.lower !== 'that') return false;
  let claim = false;
  for (let k = start - 2; k >= Math.max(0, start - 7); k--) {
    if (CLAIM_WORDS.has(tokens[k].lower)) claim = true;
    else if (isNegator(tokens[k])) return claim;
    if (isBoundary(tokens[k], tokens[k + 1])) return false;
  }
  return false;
}

export type PersonStrength = 'person' | 'maybe';

/**
 * Endings of common nouns that a capital at the start of a sentence makes look like names
 * ("Billing", "Replication", "Checkout", "Failover", "Dependabot"), and that first names rarely have.
 * Not "-ly", "-ity", "-ence" or "-ery": Emily, Trinity, Florence and Avery end so. Plurals of the
 * noun endings too ("Messages", "Deployments"); not "-ings", which surnames such as Jennings end in.
 */
const COMMON_NOUN_SHAPE = /^[a-z]{3,}(?:ing|tion|sion|ment|ness|ure|age|ics|ware|bot|out|over|up|back|down|off|ism|(?:tion|sion|ment|ness|ure|age)s)$/;

function bare(t: Token): string {
  return t.lower.replace(/['’]s?$/, '');
}

function singular(w: string): string {
  return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Is this one token a person: a handle, a name, a pronoun, a role or team noun? */
export function personToken(t: Token): PersonStrength | undefined {
  if (t.quoted) return undefined;
  const w = bare(t);
  if (t.text.startsWith('@')) return 'person';
  if (PRONOUNS.has(w)) return 'person';
  if (NOT_NAMES.has(w)) return undefined;
  if (t.listed) return 'person';
  // The singular of a plural role ("engineers"), never a pronoun made by cutting an "s" ("is" is not "i").
  if (PERSON_NOUNS.has(w) || (PERSON_NOUNS.has(singular(w)) && !PRONOUNS.has(singular(w))) || PERSON_NOUNS.has(t.lemma)) return 'person';
  if (t.pos === 'N' && roleByForm(w)) return 'person';
  // A proper noun may be a person or a product ("Marcus", "Prometheus"): only a name-shaped one
  // (not an acronym, not CamelCase; any alphabet's letters: "Lucía") and only a maybe, which the
  // human-only phrases and the mistaken acts accept.
  // A plural ("Things that could") is a common noun even when capitalised at the start.
  if (t.name && /^\p{Lu}\p{Ll}+(?:['’]s?)?$/u.test(t.text) && !(/[^'’]s$/.test(t.lower) && t.lemma !== t.lower) && !COMMON_NOUN_SHAPE.test(w)) return 'maybe';
  return undefined;
}

/** The noun phrase that starts at i (after determiners): its tokens up to the first word that cannot be in it. */
export function phraseAt(tokens: Token[], i: number): [number, number] {
  let k = i;
  while (k < tokens.length && DETERMINERS.has(tokens[k].lower)) k++;
  const from = k;
  while (k < tokens.length && (['N', 'J', 'O'].includes(tokens[k].pos) || personToken(tokens[k]) || tokens[k].lower.includes('-')) && !isBoundary(tokens[k]) && tokens[k].pos !== 'T') {
    k++;
  }
  return [from, k];
}

/**
 * Is the noun phrase tokens[from, to) a person or group? Its head (last word) decides ("the
 * Autoscaler script" is a script); with `owners`, so does a person who owns the head ("the
 * operator's part").
 */
export function personPhrase(tokens: Token[], from: number, to: number, owners = false): PersonStrength | undefined {
  if (to <= from) return undefined;
  const head = personToken(tokens[to - 1]);
  if (head) return head;
  // "the helpdesk agent" is a person, "the build agent" software: the words before the head decide.
  if (AMBIGUOUS_ROLES.has(tokens[to - 1].lower)) {
    for (let k = from; k < to - 1; k++) if (humanJobModifier(tokens[k].lower, tokens[to - 1].lower)) return 'person';
  }
  if (owners) {
    for (let k = from; k < to - 1; k++) if (/['’]s?$/.test(tokens[k].lower) && personToken(tokens[k])) return personToken(tokens[k]);
  }
  return undefined;
}

const ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * "The desk clerk reset the token", "She truncated the table": a word the tagger read as a noun
 * or adjective, right after the subject's noun or pronoun and followed by an article, is the
 * clause's verb (neither a noun nor an adjective is followed by "the").
 */
export function nounTaggedVerb(tokens: Token[], k: number, from: number): boolean {
  const before = tokens[k - 1];
  const next = tokens[k + 1];
  // Followed by an article, or an "-ed" word followed by a preposition ("force-pushed to the branch").
  if (k < from || !['N', 'J'].includes(tokens[k].pos) || !next || !(ARTICLES.has(next.lower) || (next.pos === 'I' && tokens[k].lower.endsWith('ed')))) return false;
  // "was reindexing the catalogue": an -ing word after a form of "be" is the verb too; so is an
  // "-ed" word before an article wherever it stands ("the archivist, in a hurry, shredded the box").
  if (tokens[k].lower.endsWith('ed') && ARTICLES.has(next.lower)) return true;
  return k > from && ((['N', 'P'].includes(before.pos) && !/['’]s?$/.test(before.lower)) || (tokens[k].lower.endsWith('ing') && ['was', 'were', 'is', 'are'].includes(before.lower)));
}

/** "The release lead (hastily) signed off": a person noun the tagger read as a verb, after a modifier and before the verb. */
function roleBeforeVerb(tokens: Token[], k: number, from: number): boolean {
  const next = tokens[k + 1]?.pos === 'R' ? tokens[k + 2] : tokens[k + 1];
  return k > from && next?.pos === 'V' && PERSON_NOUNS.has(bare(tokens[k])) && ['N', 'J'].includes(tokens[k - 1].pos);
}

/**
 * "The rushed deploy", "our help desk", "our outsourced help desk": a participle or a bare verb form
 * between a determiner and a noun modifies the noun (a verb follows its subject, not a determiner).
 */
function modifierAfterDeterminer(tokens: Token[], k: number): boolean {
  const [before, t, next, after] = [tokens[k - 1], tokens[k], tokens[k + 1], tokens[k + 2]];
  if (!before || !next) return false;
  const participle = /(?:ed|en)$/.test(t.lower);
  const bareForm = t.lower === t.lemma;
  if (ARTICLES.has(before.lower)) {
    return (participle || bareForm) && (next.pos === 'N' || (participle && next.pos === 'V' && next.lower === next.lemma && after?.pos === 'N'));
  }
  return bareForm && next.pos === 'N' && /(?:ed|en)$/.test(before.lower) && ARTICLES.has(tokens[k - 2]?.lower ?? '');
}

/** The subject of the clause holding token i: the words before the clause's verb, or the clause's it continues. */
export function subjectOf(tokens: Token[], i: number, depth = 0): [number, number] | undefined {
  if (depth > 4) return undefined;
  const start = clauseStart(tokens, i);
  let from = start;
  // Leading times, numbers and adverbs ("14:05 —", "Unfortunately,") are not the subject.
  while (from < i && (tokens[from].pos === 'T' || tokens[from].pos === 'R' || /^\d/.test(tokens[from].text))) from++;
  let verb = from;
  // "the IT staff should": a word tagged as a verb right before an auxiliary is the subject's noun;
  // so is a role tagged as a verb right before the verb ("the release lead signed").
  while (verb < i && (tokens[verb].pos !== 'V' || (verb > from && AUXILIARIES.has(tokens[verb + 1]?.lower ?? '') && !AUXILIARIES.has(tokens[verb].lower)) || roleBeforeVerb(tokens, verb, from) || modifierAfterDeterminer(tokens, verb)) && !nounTaggedVerb(tokens, verb, from)) verb++;
  let to = verb;
  while (to > from && tokens[to - 1].pos === 'R') to--;
  if (to > from) return [from, to];
  if (start === 0) return undefined;
  const boundary = tokens[start - 1];
  // "the admin, who deleted": a relative clause's subject is the phrase before it.
  if (RELATIVES.has(boundary.lower)) {
    let end = start - 1;
    while (end > 0 && tokens[end - 1].pos === 'T') end--;
    let begin = end;
    while (begin > 0 && !isBoundary(tokens[begin - 1]) && tokens[begin - 1].pos !== 'V') begin--;
    return end > begin ? [begin, end] : undefined;
  }
  // "Teodora was tired and paged the lead": a clause with no subject shares the one before it.
  return subjectOf(tokens, start - 1, depth + 1);
}

/** Is the subject of the clause holding token i a person? */
export function personSubject(tokens: Token[], i: number): PersonStrength | undefined {
  const subject = subjectOf(tokens, i);
  if (!subject) return undefined;
  const strength = personPhrase(tokens, subject[0], subject[1]);
  // "Things that might have gone smoother": a proper-looking word taken up by "that" or "which" is a thing.
  let k = subject[1];
  while (tokens[k]?.text === ',') k++;
  if (strength === 'maybe' && k < i && ['that', 'which'].includes(tokens[k].lower)) return undefined;
  // "It was Mikael who merged it": "who" takes up a person, never a product.
  if (strength === 'maybe' && k < i && tokens[k].lower === 'who') return 'person';
  return strength;
}

/** Any quoted word in tokens[from, to). */
export function quoted(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].quoted) return true;
  return false;
}

/** The noun phrase that ends right before `end`: [begin, end), empty when a boundary, verb or preposition is there. */
function phraseEndingAt(tokens: Token[], end: number): [number, number] {
  let begin = end;
  // A hyphenated word ("on-call", tagged as a preposition) is a modifier inside the phrase.
  while (begin > 0 && !isBoundary(tokens[begin - 1], tokens[begin]) && (!['V', 'I', 'T'].includes(tokens[begin - 1].pos) || tokens[begin - 1].lower.includes('-'))) begin--;
  return [begin, end];
}

/**
 * Who does the act at `verb`: the noun phrase right before it ("I think the script ran": the
 * script), its head taken before a post-modifier ("the engineer on call", "the script from the ops
 * team") and past an aside ("the admin, under pressure, ran"); else the subject its clause shares
 * or takes from a relative ("the admin, who ran").
 */
export function agentOf(tokens: Token[], verb: number): PersonStrength | undefined {
  let end = verb;
  // Auxiliaries stand between the agent and its verb ("the job was writing", "Ana had run").
  while (end > 0 && (tokens[end - 1].pos === 'R' || ['has', 'had', 'have', "'d", 'was', 'were', 'is', 'are', 'been', 'be'].includes(tokens[end - 1].lower))) end--;
  // An aside between commas that opens with a preposition or an adverb: the agent stands before it.
  if (tokens[end - 1]?.text === ',') {
    let open = end - 2;
    while (open > 0 && end - open < 8 && tokens[open].text !== ',' && !isBoundary(tokens[open], tokens[open + 1])) open--;
    if (open > 0 && tokens[open].text === ',' && ['I', 'R'].includes(tokens[open + 1].pos)) end = open;
  }
  let [begin] = phraseEndingAt(tokens, end);
  if (end === begin) return personSubject(tokens, verb);
  let [headFrom, headTo] = [begin, end];
  // "the engineer on call ran": a phrase after a preposition modifies the one before it, whose head decides.
  for (let hops = 0; hops < 2 && begin > 1 && tokens[begin - 1].pos === 'I' && tokens[begin - 1].lower !== 'to'; hops++) {
    const [before] = phraseEndingAt(tokens, begin - 1);
    if (before === begin - 1) break;
    [headFrom, headTo] = [before, begin - 1];
    begin = before;
  }
  return personPhrase(tokens, headFrom, headTo);
}
