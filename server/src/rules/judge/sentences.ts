// The document's sentences for the language rules, read once per analysis (the reader caches by tree).
import { readSentences } from '../../language/reader';
import type { Sentence } from '../../language/types';
import type { RuleContext } from '../types';

export function sentencesOf(context: RuleContext<object>): Sentence[] {
  return readSentences(context.root, context.text, context.model.meta.people);
}

/** A phrase the configuration allows appears in the sentence. */
export function allowedIn(context: RuleContext<object>, sentence: Sentence): boolean {
  const allowed = context.shared.allowedPhrases;
  if (allowed.length === 0) return false;
  const text = sentence.text.toLowerCase();
  return allowed.some((phrase) => text.includes(phrase.toLowerCase().replace(/\s+/g, ' ')));
}

/** A table row from a phrase the team configured: its words, matched literally. */
export function literalPattern(phrase: string): string {
  return phrase.trim().toLowerCase().split(/\s+/).map((w) => w.replace(/[|~*?/]/g, '')).filter(Boolean).join(' ');
}
