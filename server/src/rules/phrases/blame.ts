import type { PhraseRow } from './types';

/** Words that put a person at fault. Adding a phrase is a data change: add a row. */
export const BLAME_PHRASES: PhraseRow[] = [
  { pattern: String.raw`(?:human|operator|user|pilot|engineer|admin) error`, explanation: '"Human error" ends the analysis where it should begin.', instead: 'describe what in the system made the action possible and did not catch it', replacement: 'a gap in the process that let the change through', example: 'The outage was caused by human error.' },
  { pattern: String.raw`careless(?:ly|ness)?`, explanation: 'Calling an action careless judges the person, not the conditions.', instead: 'describe the conditions (time pressure, unclear tooling) that made the slip likely', example: 'A careless edit removed the limit.' },
  { pattern: String.raw`negligen(?:t|ce|tly)`, explanation: 'Negligence is a verdict about a person.', instead: 'say which safeguard was missing', example: 'The engineer was negligent.' },
  { pattern: String.raw`sloppy|sloppiness`, explanation: '"Sloppy" judges a person and teaches nothing about the system.', instead: 'name the check that would have caught the change', example: 'Sloppy work broke the build.' },
  { pattern: String.raw`incompeten(?:t|ce)`, explanation: 'Judging competence makes people hide mistakes next time.', instead: 'describe the knowledge or tooling gap and how to close it', example: 'An incompetent change took the site down.' },
  { pattern: String.raw`reckless(?:ly|ness)?`, explanation: '"Reckless" blames a person instead of asking why the action was possible.', instead: 'describe what made the risky action easy', example: 'A reckless deploy caused the outage.' },
  { pattern: String.raw`at fault`, explanation: 'Fault-finding stops the search for causes.', instead: 'describe the contributing conditions', example: 'The on-call engineer was at fault.' },
  { pattern: String.raw`(?:is|are|was|were|be) to blame|to blame for|blame (?:lies|rests)`, explanation: 'Assigning blame stops the search for causes.', instead: 'describe the contributing conditions', example: 'The release manager is to blame.' },
  { pattern: String.raw`dropped the ball`, explanation: 'An idiom of blame.', instead: 'describe which hand-off or reminder was missing', example: 'Support dropped the ball.' },
  { pattern: String.raw`screwed up|messed up|botched`, explanation: 'Colloquial blame.', instead: 'describe what happened and what allowed it', example: 'Someone screwed up the config.' },
  { pattern: String.raw`fat[- ]finger(?:ed|ing)?`, explanation: 'Blames a slip instead of the interface that allowed it.', instead: 'describe the missing confirmation or validation', example: 'A fat-fingered command deleted the table.' },
  { pattern: String.raw`(?:lack|lapse) of (?:attention|judg(?:e)?ment|care|diligence)`, explanation: 'Judges a person\'s attention rather than the system\'s safeguards.', instead: 'describe what would have made the problem visible', example: 'A lapse of judgement led to the outage.' },
  { pattern: String.raw`(?:not|wasn't|weren't) paying attention`, explanation: 'Judges a person\'s attention rather than the system\'s safeguards.', instead: 'describe what would have made the problem visible', example: 'He was not paying attention.' },
];

/** Verbs that are only ever done by people: any capitalised name before them is a person. */
export const HUMAN_VERBS = String.raw`forgot(?: to)?|neglected(?: to)?|didn't bother|did not bother|overlooked|should have known`;
/** Verbs that systems also do ("the check failed to detect"): blame only with a person as subject. */
export const PERSON_VERBS = String.raw`failed to|ignored|mistakenly|accidentally|inadvertently|broke|by mistake|missed`;
/** Who counts as a person when no name is known. */
export const ROLES = String.raw`(?:the |an? |our |one of the |another )(?:(?:new|junior|senior|on-?call|responding|release|support|database|platform|ops)\s+)?(?:engineers?|developers?|devs?|operators?|on-?call(?:ers?)?|interns?|admins?|administrators?|sres?|team members?|new hires?|contractors?|reviewers?|deployers?|managers?|employees?|staff(?: member)?|person|individual|human|user)`;
export const PRONOUNS = String.raw`he|she|they|i|you|someone|somebody|nobody|no one`;
