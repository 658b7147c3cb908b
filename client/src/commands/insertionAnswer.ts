// What to do with the server's answer to an insertion request, decided without the editor API so
// it is unit-tested: apply the insertion only to the version it was placed in, else say why not.
import type { Insertion, InsertionAnswer, NoInsertionReason } from '../../../server/src/protocol';

/**
 * Why nothing was inserted: the server's reason, its analysis was withheld (over the time budget,
 * failed), the editor moved past the answer's version, or no answer at all.
 */
export type Refusal = NoInsertionReason | 'withheld' | 'moved' | 'no-answer';

/** `detail`: the server's own words, for a withheld analysis. */
export type InsertionOutcome = { kind: 'apply'; insertion: Insertion } | { kind: 'refused'; why: Refusal; detail?: string };

/** The answer, judged against the version the editor holds now. */
export function insertionOutcome(answer: InsertionAnswer | undefined, editorVersion: number): InsertionOutcome {
  if (!answer) return { kind: 'refused', why: 'no-answer' };
  if ('withheld' in answer) return { kind: 'refused', why: 'withheld', detail: answer.withheld };
  if ('reason' in answer) return { kind: 'refused', why: answer.reason };
  // An answer without a version (an older server) cannot be checked: its ranges may be stale, so it is refused too.
  if (answer.version !== editorVersion) return { kind: 'refused', why: 'moved' };
  return { kind: 'apply', insertion: answer };
}

/** Refusals that asking again can fix: the document was edited while the server placed the text. */
const RETRIABLE: ReadonlySet<Refusal> = new Set<Refusal>(['moved', 'superseded']);

/**
 * Asks for the insertion until it fits the editor's current version, at most `tries` times: typing
 * during the request makes the first answer stale, and asking again keeps what the user entered
 * instead of making them enter it again. The version is read after each answer arrives, so the
 * caller must apply an 'apply' outcome before anything else can edit the document.
 */
export async function settledInsertion(ask: () => Promise<InsertionAnswer | undefined>, editorVersion: () => number, tries = 3): Promise<InsertionOutcome> {
  let outcome: InsertionOutcome = { kind: 'refused', why: 'no-answer' };
  for (let attempt = 0; attempt < tries; attempt++) {
    outcome = insertionOutcome(await ask(), editorVersion());
    if (outcome.kind === 'apply' || !RETRIABLE.has(outcome.why)) return outcome;
  }
  return outcome;
}
