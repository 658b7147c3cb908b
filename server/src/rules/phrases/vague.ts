import type { PhraseRow } from './types';

export const VAGUE_ACTIONS: PhraseRow[] = [
  { pattern: String.raw`improve (?:our |the )?(?:monitoring|alerting|observability|testing|tests|documentation|docs|communication|process(?:es)?|reliability|visibility|tooling)`, explanation: '"Improve X" cannot be checked off: nobody can tell when it is done.', instead: 'name the change: which alert, on which signal, at which threshold', example: 'Improve monitoring.' },
  { pattern: String.raw`(?:better|more) (?:monitoring|alerting|testing|tests|documentation|communication)`, explanation: '"More X" has no finish line.', instead: 'name the specific test, alert or document to add', example: 'Better testing.' },
  { pattern: String.raw`look into|investigate|explore|revisit|think about|evaluate whether`, explanation: 'An investigation is a step toward an action item, not one.', instead: 'state the change to make, or the question to answer with a decision date', example: 'Look into the autoscaler.' },
  { pattern: String.raw`be more careful|pay more attention|be careful`, explanation: 'Asking people to be careful changes nothing in the system.', instead: 'add the guardrail that makes care unnecessary', example: 'Be more careful when deploying.' },
  { pattern: String.raw`consider|try to`, explanation: '"Consider" and "try to" leave the outcome open.', instead: 'say what will be done and how to tell it is done', example: 'Consider adding retries.' },
  { pattern: String.raw`make sure (?:that )?(?:people|everyone|engineers|we|the team|folks|devs|developers)`, explanation: 'Reminding people is not a change to the system.', instead: 'make the system enforce it: a check, a default, a template', example: 'Make sure people run the tests.' },
];
