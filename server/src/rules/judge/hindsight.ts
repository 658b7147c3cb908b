// "Does this sentence make a hard moment look easy in hindsight?": the minimizer table read with
// negation ("it was not obvious"), quotation and what follows "just".
import { clauseStart, negatedAt, quoted, subjectOf } from '../../language/clauses';
import { findAll } from '../../language/match';
import type { Sentence, Token } from '../../language/types';
import { HINDSIGHT_ROWS, type HindsightKind } from '../phrases/minimizers';
import { candidateRows, patternOf, type LanguageHit } from './blame';

/** Words after "clearly" that describe how something is shown, not how obvious it was. */
const CLEARLY_MANNER = /^(?:show|indicat|impl|visible|mark|label|document|stat|defin|communicat|explain|separat|written|describ|identif|see|seen|saw|legible|readable|distinguish|laid|present|visib|audib|express|articulat|understood|display)/;
/** Before "just", words that make the next verb an action someone could have taken. */
const EASY_LEAD = new Set(['could', 'should', 'would', 'can', 'to', 'need', 'needed', "could've", "should've", 'just', 'simply']);

/** "more clearly", "the most obvious": a comparison of clarity, not a claim that it was plain all along. */
const DEGREE = new Set(['more', 'most', 'less', 'least']);

/** What can be called plain from the start in hindsight: a cause, a problem, a risk, the signs of it. */
const ANSWERS = /^(?:cause|causes|problem|problems|issue|issues|answer|answers|fix|solution|bug|bugs|leak|leaks|risk|risks|danger|dangers|culprit|flaw|flaws|weakness|weaknesses|sign|signs|signal|signals|warning|warnings|mistake|mistakes|error|errors|fault|faults|failure|failures|outcome|result|trend|pattern|symptom|symptoms|gap|gaps|limit|limits|reason|reasons|threat|threats|vulnerability|vulnerabilities)$/;

/** "It was clear from the start that ...", "the cause was known all along": the plain thing is an answer. */
function plainAnswer(tokens: Token[], from: number): boolean {
  const subject = subjectOf(tokens, from);
  if (!subject) return true;
  const words = tokens.slice(subject[0], subject[1]);
  if (words.length === 1 && ['it', 'this', 'that', 'which', 'all', 'everything'].includes(words[0].lower)) return true;
  return words.some((t) => ANSWERS.test(t.lower));
}

function counts(kind: HindsightKind, row: { pattern: string }, tokens: Token[], from: number, to: number): boolean {
  if (DEGREE.has(tokens[from - 1]?.lower ?? '')) return false;
  // "it showed the spike clearly": at the end of its clause (not first in it, as "Clearly, ..."), it tells how.
  if (row.pattern === 'clearly') return !CLEARLY_MANNER.test(tokens[to]?.lower ?? '') && !(clauseStart(tokens, from) !== from && (!tokens[to] || tokens[to].pos === 'T'));
  // "Naturally, the script was untested" comments on the whole clause; "grew naturally" tells how.
  if (row.pattern === 'naturally') return clauseStart(tokens, from) === from || tokens[to]?.text === ',';
  // "clear from the start of the incident" names a moment, not "all along".
  if (/^(?:start|outset|beginning)$/.test(tokens[to - 1].lower) && tokens[to]?.lower === 'of') return false;
  // "The logs were visible from the start" is a fact; plain all along is hindsight only about an answer.
  const last = tokens[to - 1].lower;
  if (/^(?:start|outset|beginning|get-go|along)$/.test(last) || (last === 'one' && tokens[to - 2]?.lower === 'day')) return plainAnswer(tokens, from);
  if (kind === 'always') return true;
  // "could just restart", "all we had to do was simply roll back": an easy action in hindsight.
  const verb = tokens[to - 1];
  const lead = tokens[from - 1];
  // "The remedy was simply to reboot": an action named as the whole answer ("just to be safe" is not).
  if (tokens[to - 2]?.lower === 'to' && verb.lower !== 'be') return verb.pos === 'V';
  // Sentence-initial "Just raise the memory limit" is advice given in hindsight, too.
  return verb.pos === 'V' && verb.lower !== 'be' && (from === 0 || (!!lead && EASY_LEAD.has(lead.lower))) && !['before', 'after'].includes(verb.lower);
}

export function hindsightIn(sentence: Sentence): LanguageHit<HindsightKind>[] {
  const hits: LanguageHit<HindsightKind>[] = [];
  const taken = new Set<number>();
  for (const row of candidateRows(HINDSIGHT_ROWS, sentence)) {
    const pattern = patternOf(row);
    const { tokens } = sentence;
    for (const [from, to] of findAll(pattern, tokens)) {
      if (taken.has(from) || quoted(tokens, from, to) || negatedAt(tokens, from, 3)) continue;
      if (!counts(row.kind, row, tokens, from, to)) continue;
      // The finding covers the judging word, not the action after "just".
      const end = row.kind === 'easy-action' ? from + 1 : to;
      for (let k = from; k < end; k++) taken.add(k);
      hits.push({ row, start: tokens[from].start, end: tokens[end - 1].end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
