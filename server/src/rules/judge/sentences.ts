// The document's sentences for the language rules, read once per analysis (the reader caches by tree).
import { peopleNames, readSentences, readUnitSentences } from '../../language/reader';
import { endOffset, startOffset, type Nodes } from '../../parsing/markdown';
import { absolute, unitsOf } from '../../parsing/units';
import type { Sentence } from '../../language/types';
import type { RuleContext } from '../types';

export function sentencesOf(context: RuleContext<object>): Sentence[] {
  return readSentences(context.root, context.text, context.model.meta.people);
}

/** The sentences inside [start, end): read from the units there only (the others' readings are not needed). */
export function sentencesIn(context: RuleContext<object>, start: number, end: number): Sentence[] {
  const people = peopleNames(context.model.meta.people);
  return unitsOf(context.root)
    .filter((u) => startOffset(u) < end && endOffset(u) > start)
    .flatMap((u) => readUnitSentences(absolute(u as Nodes), context.text, people))
    .filter((s) => s.start >= start && s.end <= end);
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
