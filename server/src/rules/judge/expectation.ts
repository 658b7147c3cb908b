// "The certificate should have been renewed by cert-manager": a thing that should have been done to
// is a judgement of the people who did not do it only when nothing in the sentence says the act was
// the system's expected behaviour or a schedule's (a deadline, a count, a rule, a machine agent, or a
// following clause that tells which part of the system did not do it).
import { personPhrase, phraseAt } from '../../language/clauses';
import { DETERMINERS } from '../../language/people';
import type { Token } from '../../language/types';

/** Words that name a moment or a span: after a deadline preposition they make a schedule. */
const TIME_WORDS = new Set([
  'noon', 'midnight', 'morning', 'evening', 'night', 'then', 'now', 'today', 'tomorrow', 'tonight', 'end', 'close', 'start', 'weekend',
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'window', 'deadline', 'cutoff', 'cut-off', 'schedule', 'shift', 'sprint', 'quarter',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'thirty', 'a', 'an', 'each', 'every']);
/** Prepositions that set a deadline or a slot ("by Friday", "within an hour", "during the window"). */
const DEADLINE = new Set(['by', 'before', 'within', 'during', 'until', 'at', 'after', 'on']);
/** Words that say the act was the system's or a rule's to do: "automatically", "per the policy". */
const RULE_WORDS = new Set(['automatically', 'per']);
const PERSON_WORDS = new Set(['we', 'us', 'i', 'nobody', 'someone', 'somebody', 'no']);

function isNumber(t: Token | undefined): boolean {
  return !!t && (/^\d/.test(t.text) || NUMBER_WORDS.has(t.lower));
}

/** "by Friday", "within five minutes", "during the maintenance window", "by end of day". */
function timeAfter(tokens: Token[], k: number): boolean {
  for (let j = k + 1; j < Math.min(tokens.length, k + 4); j++) {
    if (/^\d/.test(tokens[j].text) || TIME_WORDS.has(tokens[j].lower)) return true;
    if (!['the', 'its', 'their', 'our', 'this', 'that', 'next', 'same', 'of'].includes(tokens[j].lower) && !isNumber(tokens[j]) && tokens[j].pos !== 'J') return false;
  }
  return false;
}

/** The noun phrase from j, past determiners and verb forms used as modifiers ("the routing rule", "the merge job"). */
function thingAt(tokens: Token[], j: number): boolean {
  let m = j;
  while (tokens[m] && (DETERMINERS.has(tokens[m].lower) || (tokens[m].pos === 'V' && tokens[m + 1]?.pos === 'N'))) m++;
  const [a, b] = phraseAt(tokens, m);
  return b > a && !personPhrase(tokens, a, b, true) && !tokens.slice(j, b).some((t) => PERSON_WORDS.has(t.lower));
}

/** "by cert-manager", "by the rate limiter": a passive's agent that is not a person. */
function machineAgent(tokens: Token[], k: number): boolean {
  return !timeAfter(tokens, k) && thingAt(tokens, k + 1);
}

/** "..., but its webhook was down", "; the routing rule matched the wrong label": a part of the system that did not do it. */
function systemClauseAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.text !== ';' && t.lower !== 'but') return false;
  let j = k + 1;
  while (tokens[j] && (tokens[j].lower === 'but' || tokens[j].text === ',')) j++;
  return thingAt(tokens, j);
}

/** Anything after the participle at `from` that makes "should have been done" an expectation, not a judgement. */
export function expectedBehaviour(tokens: Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (systemClauseAt(tokens, k)) return true;
    if (RULE_WORDS.has(t.lower) || (t.lower === 'according' && tokens[k + 1]?.lower === 'to')) return true;
    // "retried three times": a count is a specification.
    if (/^times?$/.test(t.lower) && isNumber(tokens[k - 1])) return true;
    if (DEADLINE.has(t.lower) && timeAfter(tokens, k)) return true;
    if (t.lower === 'by' && machineAgent(tokens, k)) return true;
  }
  return false;
}
