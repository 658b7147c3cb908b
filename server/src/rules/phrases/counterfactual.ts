import type { PhraseRow } from './types';

const PARTICIPLE = String.raw`(?:\w+ed|known|seen|done|caught|taken|gone|run|written|given|chosen|begun|found|made|put|set|shown|thought|told|understood|spotted|noticed|read|held|kept|left|sent|built|paid|stopped|rolled back)`;

export const COUNTERFACTUALS: PhraseRow[] = [
  { pattern: String.raw`(?:should(?:n't| not)?|ought(?: not)? to)\s*(?:have|'ve)\s+(?:been\s+)?${PARTICIPLE}`, explanation: '"Should have" judges the past against what is only known now.', instead: 'describe what the people involved knew and saw at the time, and why their actions made sense then', example: 'The engineer should have checked the dashboard.' },
  { pattern: String.raw`if only`, explanation: '"If only" imagines a different past instead of explaining this one.', instead: 'describe what did happen and which condition made it possible', example: 'If only the alert had fired.' },
  { pattern: String.raw`had (?:they|he|she|we|i|you|the \w+) (?:just|only|simply)`, explanation: 'A counterfactual about a person\'s action.', instead: 'describe the information and tools people had at the time', example: 'Had they just waited, nothing would have broken.' },
  { pattern: String.raw`why (?:didn't|did not|wasn't|weren't) (?:they|he|she|you|the \w+|anyone|someone)`, explanation: 'Asking why someone did not act invites defence, not learning.', instead: 'ask what made the right action hard to see or take', example: 'Why didn\'t they roll back?' },
];

/** "could have" / "would have": counterfactual only when a person is the subject. */
export const PERSON_COUNTERFACTUAL = String.raw`(?:could(?:n't| not)?|would(?:n't| not)?)\s*(?:have|'ve)\s+(?:been\s+)?${PARTICIPLE}`;
