// "Is a person or group tied to fault in this sentence?": the blame table read with the sentence's
// structure (subject, owner, agent), negation and quotation. Shared by no-blame-language and
// root-cause-depth.
import { clauseStart, negatedAt, personPhrase, personSubject, personToken, phraseAt, quoted, type PersonStrength } from '../../language/clauses';
import { compile, findAll, mayMatch, PatternIndex, type Pattern } from '../../language/match';
import { PASSIVE_AUX } from '../../language/people';
import type { Sentence, Token } from '../../language/types';
import { BLAME_ROWS, OMITTED_STEPS, type BlameKind } from '../phrases/blame';
import type { LanguageRow } from '../phrases/types';
import { misstepSpan } from './misstep';

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

const indexes = new WeakMap<readonly LanguageRow[], PatternIndex>();

/** The rows of a table that can match this sentence, found from its words before any tagging. */
export function candidateRows<R extends LanguageRow>(table: readonly R[], sentence: Sentence): R[] {
  let index = indexes.get(table);
  if (!index) indexes.set(table, (index = new PatternIndex(table.map(patternOf))));
  return index.candidates(sentence.words).map((i) => table[i]);
}

const AGENT_PREPOSITIONS = new Set(['by', 'on', 'of']);
/** Fault nouns that systems have too ("a failure of the disk"): a maybe-name does not own them. */
const SHARED_FAULTS = new Set(['error', 'errors', 'failure', 'failures', 'fault', 'faults']);
const FAULT_SUBJECTS = new Set(['fault', 'blame', 'responsibility', 'onus', 'culpability', 'failure']);

/** "X's lapse", "the operator's bad deploy": a person owns the phrase that starts at `from`. */
function ownedBefore(tokens: Token[], from: number, acceptMaybe: boolean): boolean {
  let k = from - 1;
  while (k >= 0 && tokens[k].pos === 'J') k--;
  const t = tokens[k];
  if (!t || !/['’]s?$/.test(t.lower) || t.lower === "it's") return false;
  const strength = personToken(t);
  return strength === 'person' || (acceptMaybe && strength === 'maybe');
}

const OMITTED = new Set(OMITTED_STEPS.split('|'));

/**
 * A fault noun systems share that only a person can own here, so a name-shaped owner counts: "X's
 * fault" standing alone (not "fault tolerance"), "X's failure to check" (a step a person leaves out;
 * "the cache's failure to evict" is the cache's).
 */
function onlyPeopleOwn(tokens: Token[], from: number, to: number): boolean {
  const noun = tokens[to - 1].lower;
  const next = tokens[to];
  // "It was Ingrid's error that ...", "the outage was Ingrid's failure": named as the one at fault.
  let owner = from - 1;
  while (owner > 0 && tokens[owner].pos === 'J') owner--;
  if (COPULA.has(tokens[owner - 1]?.lower ?? '')) return true;
  if (noun === 'fault' || noun === 'faults') return !next || next.pos !== 'N';
  return noun.startsWith('failure') && next?.lower === 'to' && OMITTED.has(tokens[to + 1]?.lemma ?? '');
}

/** "a lapse by the new operator", "an error was made by X", "complacency in the storage group". */
function agentAfter(tokens: Token[], to: number, prepositions: ReadonlySet<string> = AGENT_PREPOSITIONS): boolean {
  let k = to;
  for (let skip = 0; skip < 3 && k < tokens.length && ['V', 'R'].includes(tokens[k].pos) && !prepositions.has(tokens[k].lower); skip++) k++;
  if (!tokens[k] || !prepositions.has(tokens[k].lower)) return false;
  if (tokens[k + 1]?.lower === 'the' && tokens[k + 2]?.lower === 'part' && tokens[k + 3]?.lower === 'of') k += 3;
  const [a, b] = phraseAt(tokens, k + 1);
  const strength = personPhrase(tokens, a, b, true);
  return strength === 'person' || (strength === 'maybe' && tokens[k].lower === 'by');
}

/** Heads that keep a fault noun before them a fault ("the production outage", "the build failure"). */
const FAULT_HEADS = new Set(['outage', 'incident', 'failure', 'loss', 'breach', 'leak', 'downtime', 'error', 'mistake', 'problem', 'issue', 'damage', 'corruption', 'delay', 'disruption', 'bug', 'regression', 'break', 'breakage']);

const COPULA = new Set(['is', 'was', 'were', 'are', 'be', 'been']);

/** "The deploy was approved by Mei without ...": the person after "by" in a passive earlier in the clause. */
function passiveAgentBefore(tokens: Token[], at: number): PersonStrength | undefined {
  for (let k = clauseStart(tokens, at); k < at; k++) {
    if (tokens[k].lower !== 'by' || !passiveAt(tokens, k - 1)) continue;
    const [a, b] = phraseAt(tokens, k + 1);
    return b <= at ? personPhrase(tokens, a, b) : undefined;
  }
  return undefined;
}

/** "was mistakenly given traffic by the release manager": the agent of a passive, later in its clause. */
function byPersonInClause(tokens: Token[], to: number): boolean {
  for (let k = to; k < tokens.length && !['T', 'C'].includes(tokens[k].pos); k++) {
    if (tokens[k].lower !== 'by') continue;
    const [a, b] = phraseAt(tokens, k + 1);
    if (personPhrase(tokens, a, b, true)) return true;
  }
  return false;
}
/** Determiners after which a verb form is an adjective ("the broken build"); not "that", which may be a relative. */
const MODIFYING = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
const FAULT_NOUN = /(?:error|errors|mistake|mistakes|failure|failures|fault|slip|negligence)$/;

/** "was mistakenly run", "were skipped": the subject suffered the act; only "by X" names who did it. */
function passiveAt(tokens: Token[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && tokens[k].pos === 'R' && !PASSIVE_AUX.has(tokens[k].lower)) k--;
  return k >= 0 && PASSIVE_AUX.has(tokens[k].lower) && (tokens[from].pos === 'R' ? /(?:ed|en|wn|un|ut|ne)$/.test(tokens[from + 1]?.lower ?? '') : /(?:ed|en|wn|un|ut|ne)$/.test(tokens[from].lower));
}

function personAfter(tokens: Token[], to: number): boolean {
  const [a, b] = phraseAt(tokens, to);
  return personPhrase(tokens, a, b) !== undefined;
}

function tied(row: LanguageRow<BlameKind>, tokens: Token[], from: number, to: number): boolean {
  switch (row.kind) {
    case 'verdict':
      // "human error page", "error budget": a fault noun used to name a thing is not a verdict.
      return !(FAULT_NOUN.test(tokens[to - 1].lower) && tokens[to]?.pos === 'N' && !personToken(tokens[to]));
    case 'agent': {
      // "the broken build", "a forgotten flag": a verb form right after a determiner describes a thing.
      if (MODIFYING.has(tokens[from - 1]?.lower ?? '') && tokens[from].pos !== 'R') return false;
      // "responsible for the incident review": a fault noun naming another thing is no verdict.
      if (['N', 'J'].includes(tokens[to - 1].pos) && tokens[to]?.pos === 'N' && !FAULT_HEADS.has(tokens[to].lemma) && !personToken(tokens[to])) return false;
      if (passiveAt(tokens, from)) return byPersonInClause(tokens, to);
      // "The deploy was approved by Mei without reading the diff": a passive's agent does what follows.
      const strength = personSubject(tokens, from) ?? passiveAgentBefore(tokens, from);
      return strength === 'person' || (strength === 'maybe' && !!row.humanOnly);
    }
    case 'owned':
      return ownedBefore(tokens, from, !SHARED_FAULTS.has(tokens[to - 1].lower) || onlyPeopleOwn(tokens, from, to)) || agentAfter(tokens, to);
    case 'misstep':
      return misstepSpan(row, tokens, from, to) !== undefined;
    case 'pointing': {
      if (!personAfter(tokens, to)) return false;
      if (!['lie', 'lies', 'lay', 'lain', 'lying', 'rest', 'rests', 'rested', 'fall', 'falls', 'fell', 'sits', 'sit', 'sat'].includes(tokens[from].lower)) return true;
      // "Blame for the dropped orders rests with X": fault, blame or responsibility before the verb.
      return tokens.slice(clauseStart(tokens, from), from).some((t) => FAULT_SUBJECTS.has(t.lemma) || FAULT_SUBJECTS.has(t.lower));
    }
  }
}

function overlaps(taken: ReadonlySet<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken.has(k)) return true;
  return false;
}

/** Every place in a sentence where a person or group is tied to fault. */
export function blameIn(sentence: Sentence, extra: readonly LanguageRow<BlameKind>[] = []): LanguageHit<BlameKind>[] {
  const hits: LanguageHit<BlameKind>[] = [];
  const taken = new Set<number>();
  const clausesHit = new Set<number>();
  const rows = candidateRows(BLAME_ROWS, sentence);
  for (const row of extra.length ? [...rows, ...extra.filter((r) => mayMatch(patternOf(r), sentence.words))] : rows) {
    const pattern = patternOf(row);
    const { tokens } = sentence;
    for (const [from, to] of findAll(pattern, tokens)) {
      // One finding for one stretch of words: "was careless" is not reported again for "careless".
      if (overlaps(taken, from, to) || quoted(tokens, from, to) || negatedAt(tokens, from)) continue;
      // A mistaken act is reported from its verb, once per clause: "accidentally ran it against the
      // wrong host instead of the test one" is one story, not three findings.
      const span = row.kind === 'misstep' ? misstepSpan(row, tokens, from, to) : tied(row, tokens, from, to) ? [from, to] : undefined;
      if (!span) continue;
      const clause = clauseStart(tokens, from);
      if (row.kind === 'misstep' && clausesHit.has(clause)) continue;
      clausesHit.add(clause);
      for (let k = span[0]; k < span[1]; k++) taken.add(k);
      hits.push({ row, start: tokens[span[0]].start, end: tokens[span[1] - 1].end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
