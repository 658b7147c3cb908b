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
