// Parts of speech, lemmas and names from wink-nlp's English model (chosen over compromise and
// retext-pos for speed and name accuracy; see the issue 9 note). Tagging is the costly step, so
// results are cached per sentence text: an edit re-tags only the sentences it changed.
import winkNLP from 'wink-nlp';
import type englishModel from 'wink-eng-lite-web-model';
import type { Pos } from './types';

export interface Tag {
  /** Offset in the sentence text. */
  start: number;
  end: number;
  pos: Pos;
  lemma?: string;
  name: boolean;
}

const CACHE_LIMIT = 4000;
let runs = 0;
const cache = new Map<string, Tag[]>();
// Built on first use, not with the module: the server's main thread and the index worker load this
// module but never tag, and the built model is about 50 MB of memory in each thread. The analysis
// worker builds it when it starts (`loadTagger`), so the first keystroke does not pay for it.
let engine: ReturnType<typeof winkNLP> | undefined;

/** Builds the English model now (about a third of a second) rather than on the first sentence. */
export function loadTagger(): ReturnType<typeof winkNLP> {
  // The model (3.5 MB of source) is required here, not imported with this module, so a thread that
  // never tags never compiles it; the Node server loads it from a file of its own (esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (engine ??= winkNLP(require('wink-eng-lite-web-model') as typeof englishModel));
}

const UD: Record<string, Pos> = {
  VERB: 'V', AUX: 'V', NOUN: 'N', PROPN: 'N', NUM: 'N', ADJ: 'J', ADV: 'R', PART: 'R', PRON: 'P', DET: 'D',
  ADP: 'I', CCONJ: 'C', SCONJ: 'C', PUNCT: 'T', SYM: 'T',
};

function tagUncached(sentence: string): Tag[] {
  const nlp = loadTagger();
  const its = nlp.its;
  const out: Tag[] = [];
  const tokens = nlp.readDoc(sentence).tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  let cursor = 0;
  values.forEach((value, i) => {
    const start = sentence.indexOf(value, cursor);
    if (start < 0) return;
    cursor = start + value.length;
    out.push({ start, end: cursor, pos: UD[pos[i]] ?? 'O', lemma: lemmas[i], name: pos[i] === 'PROPN' });
  });
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

/** How many sentences the cache holds (tests check it is bounded). */
export function taggedCount(): number {
  return cache.size;
}

/** How many times the tagger ran (tests prove an edit re-tags only the sentences it changed). */
export function tagRuns(): number {
  return runs;
}

export { CACHE_LIMIT };
