import type { LanguageRow } from './types';

/**
 * How a counterfactual row counts:
 * - `always`: the words themselves imagine another past ("if only", "had we ...", "no excuse for not");
 * - `prevent`: "would/could have prevented, caught, avoided" with any subject: a world where it did not happen;
 * - `person`: "should/could/would have done" with a person, a team or "we" as the subject
 *   ("the queue worker should have retried" states what the system was built to do);
 * - `conditional`: "if X had ...", "had X ...", "were X ...", counted only when the sentence also says
 *   what would have followed;
 * - `avoidable`: the past event called preventable or avoidable, unless that is denied ("was not avoidable").
 */
export type CounterfactualKind = 'always' | 'prevent' | 'person' | 'conditional' | 'avoidable';

// "may/might have" guesses what happened ("we may have hit a limit"); only in "might have prevented" does it imagine.
const MODAL = "could|should|would|couldn't|shouldn't|wouldn't";
const MODAL_HAVE = `${MODAL} ~ have|'ve`;
const PREVENT_HAVE = `${MODAL}|might|mightn't ~ have|'ve`;
const CONTRACTED = "could've|should've|would've";
const PREVENT = 'prevent:v|avoid:v|catch:v|stop:v|detect:v|spot:v|reveal:v|avert:v|save:v|flag:v|notice:v|mitigate:v|limit:v|shorten:v|contain:v|find:v|surface:v|block:v|reject:v';
const INSTEAD = 'describe what the people involved knew and saw at the time, and why their actions made sense then';

export const COUNTERFACTUAL_ROWS: LanguageRow<CounterfactualKind>[] = [
  { kind: 'always', pattern: 'if only', explanation: '"If only" imagines a different past instead of explaining this one.', instead: 'describe what did happen and which condition made it possible', example: 'If only the alert had fired sooner.', counterExample: 'The check runs only if the flag is set.' },
  { kind: 'always', pattern: 'no reason|excuse not to / no excuse|reason for not', explanation: 'Says the right action was plain, which only hindsight makes it.', instead: INSTEAD, example: 'There was no excuse for not running a restore test.', counterExample: 'We found no reason to keep the old cluster.' },
  { kind: 'always', pattern: "why didn't|wasn't|weren't|hadn't|couldn't|won't", explanation: 'Asking why someone did not act invites defence, not learning.', instead: 'ask what made the right action hard to see or take', example: "Why didn't the team roll back?", counterExample: 'Why the alert stayed silent is explained below.' },
  { kind: 'always', pattern: 'why did|was|were|had * ~ not', explanation: 'Asking why someone did not act invites defence, not learning.', instead: 'ask what made the right action hard to see or take', example: 'Why did Oksana not escalate sooner?', counterExample: 'Why did the webhook post to the old channel?' },
  { kind: 'always', pattern: "need:v|ought to ~ have|'ve *", explanation: 'Judges the past against what is known only now.', instead: INSTEAD, example: 'The mobile team needed to have spotted this before launch.', counterExample: 'The mobile team needed to have a release checklist, and now keeps one.' },
  { kind: 'prevent', pattern: `${PREVENT_HAVE} ~ been? ~ ${PREVENT}`, explanation: 'Describes a world where the failure did not happen instead of the one where it did.', instead: 'describe what made the failure possible and what would make it visible next time', example: 'A canary stage would have caught the bad build.', counterExample: 'The canary stage catches bad builds before they reach users.' },
  { kind: 'prevent', pattern: `${CONTRACTED} ~ been? ~ ${PREVENT}`, explanation: 'Describes a world where the failure did not happen instead of the one where it did.', instead: 'describe what made the failure possible and what would make it visible next time', example: "A second reviewer could've caught the typo.", counterExample: 'A second reviewer now checks every firewall change.' },
  { kind: 'person', pattern: `${MODAL_HAVE} ~ *`, explanation: '"Should have" judges a past action against what is only known now.', instead: INSTEAD, example: 'The responder should have read the pager note.', counterExample: 'The reindex task should have completed by 04:15 but was still going.' },
  { kind: 'person', pattern: `${CONTRACTED} ~ *`, explanation: '"Should have" judges a past action against what is only known now.', instead: INSTEAD, example: "We should've paused the rollout.", counterExample: "The batch should've finished by noon per its schedule." },
  { kind: 'conditional', pattern: "if|had|unless|were", explanation: 'An "if they had" sentence imagines a different past instead of explaining this one.', instead: INSTEAD, example: 'If the team had tried a staged rollout, the crash would have been contained.', counterExample: 'If the disk fills up, the job would pause and page the on-call.' },
  // "With proper testing, the bug would never have shipped": the with-phrase is the condition.
  { kind: 'conditional', pattern: 'with proper|better|more|adequate|sufficient|enough|basic|closer|careful|additional|earlier', explanation: '"With better X, it would have ..." imagines a different past instead of explaining this one.', instead: INSTEAD, example: 'With closer monitoring the leak would have been spotted in hours.', counterExample: 'With better monitoring we now see leaks within hours.' },
  { kind: 'avoidable', pattern: 'was|were|been ~ preventable|avoidable', explanation: 'Calling the failure avoidable judges the past by what is known only now.', instead: 'describe what made the failure possible and what would make it visible next time', example: 'The second outage was entirely avoidable.', counterExample: 'The second outage was not avoidable with the tooling we had.' },
];
