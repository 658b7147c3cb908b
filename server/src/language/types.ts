// What the sentence reader gives every language rule: sentences of tokens with source offsets.

/** Coarse part of speech: Verb, Noun, Adjective, adveRb, Pronoun, Determiner, preposItion, Conjunction, puncTuation, Other. */
export type Pos = 'V' | 'N' | 'J' | 'R' | 'P' | 'D' | 'I' | 'C' | 'T' | 'O';

export interface Token {
  /** The word as written (markup and line breaks removed). */
  text: string;
  lower: string;
  /** Dictionary form from the tagger ("went" → "go"); `lower` when it has none. */
  lemma: string;
  pos: Pos;
  /** The tagger reads it as a proper noun: a person's name, or a product's, or a place's. */
  name: boolean;
  /** The document lists it among its people (authors, participants in front matter). */
  listed: boolean;
  /** Inside quotation marks or inline code: cited words, not the author's own. */
  quoted: boolean;
  /** Source offsets [start, end). */
  start: number;
  end: number;
}

export interface Sentence {
  /** Source offsets of the first and last token. */
  start: number;
  end: number;
  /** The sentence as one line: words separated by single spaces, markup removed. */
  text: string;
  /** Its words, lower-cased (possessive "'s" also removed): enough to rule a table out before tagging. */
  words: ReadonlySet<string>;
  /** Tagged tokens; tagging runs on first access, so sentences no table can match are never tagged. */
  readonly tokens: Token[];
}
