// Parts of speech, lemmas and names from compromise (chosen over wink-nlp and retext-pos for its
// size and its verb conjugation; see the issue 9 note). Tagging is the costly step, so results are
// cached per sentence text: an edit re-tags only the sentences it changed.
import nlp from 'compromise';
import type { Pos } from './types';

export interface Tag {
  /** Offset in the sentence text. */
  start: number;
  end: number;
  pos: Pos;
  lemma?: string;
  name: boolean;
  actor: boolean;
}

interface Term {
  text: string;
  tags: string[];
  root?: string;
  offset: { start: number; length: number };
}

const CACHE_LIMIT = 4000;
let runs = 0;
const cache = new Map<string, Tag[]>();

function coarse(tags: string[]): Pos {
  const has = (t: string) => tags.includes(t);
  if (has('Pronoun')) return 'P';
  if (has('Verb') || has('Modal') || has('Auxiliary') || has('Copula')) return 'V';
  if (has('Noun') || has('Acronym') || has('Value')) return 'N';
  if (has('Adjective')) return 'J';
  if (has('Adverb') || has('Negative')) return 'R';
  if (has('Determiner')) return 'D';
  if (has('Preposition')) return 'I';
  if (has('Conjunction') || has('QuestionWord')) return 'C';
  return 'O';
}

function tagUncached(sentence: string): Tag[] {
  const doc = nlp(sentence);
  doc.compute('root');
  const out: Tag[] = [];
  for (const s of doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>) {
    for (const t of s.terms) {
      if (!t.text) continue; // an expanded contraction ("Olu's" → "is") has no text of its own
      out.push({
        start: t.offset.start, end: t.offset.start + t.offset.length, pos: coarse(t.tags), lemma: t.root,
        name: t.tags.includes('Person') || t.tags.includes('FirstName') || t.tags.includes('LastName'),
        actor: t.tags.includes('Actor'),
      });
    }
  }
  return out;
}

/** Tags for one sentence (single-spaced text), from the cache when this sentence was seen before. */
export function tagSentence(sentence: string): Tag[] {
  const hit = cache.get(sentence);
  if (hit) {
    // Refresh its place so the sentences of the open documents stay while old ones age out.
    cache.delete(sentence);
    cache.set(sentence, hit);
    return hit;
  }
  let tags: Tag[];
  runs++;
  try {
    tags = tagUncached(sentence);
  } catch {
    tags = []; // the tagger failing on odd input must not stop the rules
  }
  cache.set(sentence, tags);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return tags;
}

/** How many sentences the cache holds (tests check it is bounded and reused). */
export function taggedCount(): number {
  return cache.size;
}

/** How many times the tagger ran (tests prove an edit re-tags only the sentences it changed). */
export function tagRuns(): number {
  return runs;
}

const forms = new Map<string, string[]>();

/** Every inflection of a verb ("go off" → goes off, went off, going off, gone off). */
export function verbForms(verb: string): string[] {
  let known = forms.get(verb);
  if (known) return known;
  const set = new Set<string>([verb]);
  try {
    for (const c of nlp(verb).verbs().conjugate() as Array<Record<string, string>>) {
      for (const [k, v] of Object.entries(c)) if (k !== 'FutureTense' && v) set.add(v.toLowerCase());
    }
  } catch {
    // fall through to the regular endings
  }
  if (set.size === 1) {
    // Regular endings for verbs the library does not know ("fat-finger").
    const [head, ...rest] = verb.split(' ');
    const tail = rest.length ? ` ${rest.join(' ')}` : '';
    const stem = head.endsWith('e') ? head.slice(0, -1) : head;
    for (const f of [`${head}s`, `${stem}ed`, `${stem}ing`]) set.add(f + tail);
  }
  known = [...set];
  forms.set(verb, known);
  return known;
}
