/** One row of a phrase table: what it matches, why it matters, and how a blameless postmortem says it. */
export interface PhraseRow {
  /** A regular-expression source, matched case-insensitively on word boundaries. */
  pattern: string;
  explanation: string;
  /** What to write instead; used in the message. */
  instead: string;
  /** A replacement offered as a suggestion; absent when only the writer can reword it. */
  replacement?: string;
  example: string;
}

/**
 * One row of a language table, matched on words by the sentence reader (see language/match.ts for
 * the pattern syntax). `example` must draw a finding and `counterExample` must not: both are tested.
 */
export interface LanguageRow<K extends string = string> {
  pattern: string;
  /** How the match is tied to the sentence before it counts (see each table). */
  kind: K;
  explanation: string;
  instead: string;
  replacement?: string;
  example: string;
  counterExample: string;
  /**
   * Only people do this (forget, misread, get distracted): a proper noun that may be a product
   * ("Marcus" or "Prometheus") is read as a person here, and not for what systems also do (fail to, skip).
   */
  humanOnly?: boolean;
  /**
   * The noun phrase right after the match must be there and, unless '*', be headed by one of these
   * words ('a|b|c'): "without a review" is a safeguard left out, "without data loss" is not.
   */
  target?: string;
  /** Verbs (lemmas, 'a|b|c') whose act the match does not judge: "chose X instead of Y" is a decision. */
  exceptVerbs?: string;
}
