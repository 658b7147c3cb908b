// Word-sequence patterns over tokens, so phrase tables stay data and match across line breaks,
// emphasis and inflections. A pattern is words separated by spaces; each word may be:
//   forget:v      the verb in every inflection (forgets, forgot, forgotten, forgetting); go_off:v
//                 a phrasal verb (goes off, went off)
//   a|b|c         any of these one words; ' / ' separates whole alternative sequences
//   word?         optional
//   *             any one word
//   ~             up to two words that are adverbs, determiners or adjectives ("accidentally", "the new")
//   ~+            up to three such words or nouns: the modifiers of a noun phrase ("the data", "a costly config")
import { verbForms } from './inflect';
import type { Token } from './types';

interface Step {
  words: Set<string> | undefined;
  optional: boolean;
  filler: boolean;
  /** A filler that takes nouns too, and one word more. */
  nouns?: boolean;
}

export interface Pattern {
  source: string;
  /** One sequence per alternative: "at fault / to blame" is two. */
  alternatives: Step[][];
}

export function compile(source: string): Pattern {
  return { source, alternatives: source.split(' / ').flatMap(compileSequence) };
}

function compileSequence(source: string): Step[][] {
  const steps = source.trim().split(/\s+/).map((part): Step => {
    if (part === '*') return { words: undefined, optional: false, filler: false };
    if (part === '~') return { words: undefined, optional: true, filler: true };
    if (part === '~+') return { words: undefined, optional: true, filler: true, nouns: true };
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const words = new Set<string>();
    for (const alt of body.split('|')) {
      if (alt.endsWith(':v')) for (const f of verbForms(alt.slice(0, -2).replace(/_/g, ' '))) words.add(f);
      else words.add(alt);
    }
    return { words, optional, filler: false };
  });
  // Multi-word forms ("go_off:v" → "went off") become steps of their own: one sequence per
  // phrasal alternative, next to the sequence of the one-word alternatives.
  let sequences: Step[][] = [[]];
  for (const step of steps) {
    const phrasal = step.words ? [...step.words].filter((w) => w.includes(' ')) : [];
    if (phrasal.length === 0) {
      sequences = sequences.map((seq) => [...seq, step]);
      continue;
    }
    const single = new Set([...step.words!].filter((w) => !w.includes(' ')));
    const byTail = new Map<string, Set<string>>();
    for (const w of phrasal) {
      const [h, ...t] = w.split(' ');
      const key = t.join(' ');
      byTail.set(key, (byTail.get(key) ?? new Set()).add(h));
    }
    const options: Step[][] = [];
    if (single.size) options.push([{ ...step, words: single }]);
    for (const [tail, heads] of byTail) {
      options.push([{ ...step, words: heads }, ...tail.split(' ').map((t) => ({ words: new Set([t]), optional: step.optional, filler: false }))]);
    }
    sequences = sequences.flatMap((seq) => options.map((o) => [...seq, ...o]));
  }
  return sequences;
}

const FILLER = new Set(['R', 'D', 'J']);
const NOUN_FILLER = new Set(['R', 'D', 'J', 'N']);

function matchesWord(step: Step, t: Token): boolean {
  if (!step.words) return t.pos !== 'T';
  // A possessive matches its noun ("operator's error"); checked by its ending, not a regex per word.
  return step.words.has(t.lower) || step.words.has(t.lemma) || (t.lower.endsWith("'s") && step.words.has(t.lower.slice(0, -2)));
}

function matchAt(steps: Step[], s: number, tokens: Token[], i: number): number {
  if (s === steps.length) return i;
  const step = steps[s];
  if (step.filler) {
    const [most, fill] = step.nouns ? [3, NOUN_FILLER] : [2, FILLER];
    for (let k = 0; k <= most; k++) {
      if (k > 0 && (i + k - 1 >= tokens.length || !fill.has(tokens[i + k - 1].pos))) break;
      const end = matchAt(steps, s + 1, tokens, i + k);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i < tokens.length && matchesWord(step, tokens[i])) {
    const end = matchAt(steps, s + 1, tokens, i + 1);
    if (end >= 0) return end;
  }
  return step.optional ? matchAt(steps, s + 1, tokens, i) : -1;
}

/** Every match of a pattern in a sentence's tokens, as token ranges [from, to). */
export function* findAll(pattern: Pattern, tokens: Token[]): Generator<[number, number]> {
  for (let i = 0; i < tokens.length; i++) {
    let end = -1;
    for (const steps of pattern.alternatives) end = Math.max(end, matchAt(steps, 0, tokens, i));
    if (end > i) {
      yield [i, end];
      i = end - 1;
    }
  }
}

/**
 * Can the pattern match a sentence with these words? Every required word step of some alternative
 * must find one of its words: a cheap test that spares tagging sentences no row can match.
 */
export function mayMatch(pattern: Pattern, words: ReadonlySet<string>): boolean {
  return pattern.alternatives.some((steps) => steps.every((step) => step.optional || !step.words || hasAny(step.words, words)));
}

function hasAny(wanted: Set<string>, words: ReadonlySet<string>): boolean {
  // Walk the smaller set: a short sentence against a verb's many forms, or the reverse.
  if (words.size < wanted.size) {
    for (const w of words) if (wanted.has(w)) return true;
    return false;
  }
  for (const w of wanted) if (words.has(w)) return true;
  return false;
}

/**
 * Which of many patterns can match a sentence, found from the sentence's few words rather than by
 * trying every pattern: each alternative is keyed by its rarest required word step.
 */
export class PatternIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];

  constructor(private readonly patterns: readonly Pattern[]) {
    patterns.forEach((pattern, i) => {
      for (const steps of pattern.alternatives) {
        let key: Step | undefined;
        for (const step of steps) if (!step.optional && step.words && (!key || step.words.size < key.words!.size)) key = step;
        if (!key) this.always.push(i);
        else for (const w of key.words!) this.byWord.set(w, [...(this.byWord.get(w) ?? []), i]);
      }
    });
  }

  /**
   * Sentences read from the reader's block cache keep their word set from one analysis to the
   * next, so the answer for an unchanged sentence is remembered by that set (never changed once built).
   */
  private readonly answered = new WeakMap<ReadonlySet<string>, number[]>();

  /** Indexes of the patterns that may match, in table order. */
  candidates(words: ReadonlySet<string>): number[] {
    let answer = this.answered.get(words);
    if (!answer) this.answered.set(words, (answer = this.find(words)));
    return answer;
  }

  private find(words: ReadonlySet<string>): number[] {
    const found = new Set(this.always);
    for (const w of words) for (const i of this.byWord.get(w) ?? []) found.add(i);
    return [...found].filter((i) => mayMatch(this.patterns[i], words)).sort((a, b) => a - b);
  }
}
