import type { LanguageRow } from './types';

/**
 * How a hindsight row counts:
 * - `always`: the words judge in hindsight wherever they stand (unless negated or quoted);
 * - `easy-action`: "just"/"simply" before an action a person could or should take ("could just
 *   restart", "simply roll back"), not "just before midnight" nor "had just been merged".
 */
export type HindsightKind = 'always' | 'easy-action';

const INSTEAD_EVIDENCE = 'say what the evidence showed and when it became visible';
/** Words that call an answer plain to see. */
const PLAIN = 'clear|apparent|evident|plain|known|visible';
const INSTEAD_HARD = 'describe what made the situation hard to read at the time';

export const HINDSIGHT_ROWS: LanguageRow<HindsightKind>[] = [
  { kind: 'always', pattern: 'obviously|evidently|plainly|predictably|unsurprisingly|self-evidently|inevitably|patently|blatantly|glaringly', explanation: 'What is obvious now was not obvious then; the word hides why.', instead: INSTEAD_EVIDENCE, replacement: '', example: 'Predictably, the log volume filled its disk.', counterExample: 'The log volume filled its disk at 02:10.' },
  { kind: 'always', pattern: 'clearly', explanation: 'What is clear now was not clear then; the word hides why.', instead: INSTEAD_EVIDENCE, replacement: '', example: 'The cache was clearly stale.', counterExample: 'The runbook is clearly written and easy to follow.' },
  { kind: 'always', pattern: 'obvious|self-evident|trivial|foreseeable', explanation: 'Calls the problem easy to see, which only hindsight makes it.', instead: INSTEAD_EVIDENCE, example: 'The bug was obvious from the opening stack dump.', counterExample: 'The bug was not obvious from the stack dumps we had.' },
  { kind: 'always', pattern: 'of course / needless to say / goes without saying / not surprisingly / no surprise|surprises / surprise|surprised no one|nobody', explanation: 'Implies the outcome was predictable, which it was not to the people involved.', instead: 'state the fact without the judgement', example: 'Needless to say, the expired token broke the sync.', counterExample: 'The expired token broke the sync.' },
  { kind: 'always', pattern: 'was|were|been|be easy|simple|trivial|plain|clear to see|spot|tell|notice|catch|predict|avoid|prevent|fix|foresee', explanation: 'Calls the problem easy to see, which only hindsight makes it.', instead: INSTEAD_HARD, example: 'It was easy to spot the leaking file handles.', counterExample: 'The new panel makes leaking file handles easy to spot.' },
  { kind: 'always', pattern: "any|every competent|reasonable|experienced|decent|good|careful|half-decent|sensible * would|could|should|'d ~ have|'ve|know|see|spot|notice|catch", explanation: 'Measures people against an imagined expert who knew the outcome.', instead: 'describe what the people involved knew at the time', example: 'Any careful reviewer would have noticed the missing timeout.', counterExample: 'Any experienced responder can join the rotation.' },
  { kind: 'always', pattern: 'everyone|everybody|anyone|anybody knows|knew|could|would', explanation: 'Claims the answer was common knowledge, which hindsight makes it seem.', instead: 'describe what the people involved knew at the time', example: "Everyone knew the old cron host was fragile.", counterExample: 'Anyone on the rotation can page the database team.' },
  { kind: 'always', pattern: 'all * had|have|needed|need to do / all it takes|took / all that was|is needed|required', explanation: 'Makes the fix sound trivial in hindsight.', instead: INSTEAD_HARD, example: 'All she needed to do was reload the config.', counterExample: 'All hosts had the new kernel by noon.' },
  { kind: 'always', pattern: 'naturally', explanation: '"Naturally" says the outcome was to be expected, which it was not to the people involved.', instead: 'state the fact without the judgement', replacement: '', example: 'Naturally, the stale replica served old prices.', counterExample: 'The lag grew naturally as the queue filled.' },
  { kind: 'always', pattern: `${PLAIN} ~ from the start|outset|beginning|get-go / ${PLAIN} ~ all along / ${PLAIN} ~ from day one`, explanation: 'Says the answer was plain from the start, which only hindsight makes it.', instead: 'say which signals were visible at the time and when the cause became known', example: 'The leak was apparent from the outset.', counterExample: 'The leak was visible from 14:10 in the heap graph.' },
  { kind: 'always', pattern: 'signs|signals|flags|clues|indicators were|was all? there|everywhere / writing was|is on the wall', explanation: 'The signs look clear only once the outcome is known.', instead: 'say which signals were visible at the time and why they did not stand out', example: 'The red flags were there in the latency charts.', counterExample: 'The warning threshold was set at 80%.' },
  { kind: 'always', pattern: 'right there / in plain sight / a mile away / staring * in the face / bound to happen|fail|break / only a matter of time', explanation: 'The answer looks plain only once the outcome is known.', instead: INSTEAD_EVIDENCE, example: 'The typo sat in plain sight in the manifest.', counterExample: 'The manifest listed the typo on line 4.' },
  { kind: 'easy-action', pattern: 'just|simply|merely|trivially ~ to? *', explanation: '"Just do X" makes the fix sound trivial in hindsight.', instead: INSTEAD_HARD, replacement: '', example: 'They could just restart the pod.', counterExample: 'The alert fired just before midnight.' },
  // The remedy called small: "the fix was simply a flag" makes the hard part (finding it) vanish.
  // Not "just" + a participle, which is time ("the fix was just deployed").
  { kind: 'always', pattern: 'fix|solution|remedy|workaround|answer was|is simply|merely|trivially / fix|solution|remedy|workaround|answer was|is just a|an|one', explanation: 'Calls the remedy small, which it looks only once it is known.', instead: INSTEAD_HARD, example: 'In the end the remedy was simply a larger heap.', counterExample: 'The fix was just deployed to the canary hosts.' },
  // The cause called small the same way: "the culprit was just a typo" hides how hard it was to find.
  { kind: 'always', pattern: 'cause|problem|issue|bug|culprit was|is just|simply|merely a|an|one', explanation: 'Calls the cause small, which it looks only once it is found.', instead: INSTEAD_HARD, example: 'The culprit was merely a stray space in the header.', counterExample: 'The culprit was a stray space in the header.' },
];
