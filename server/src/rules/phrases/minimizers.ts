import type { PhraseRow } from './types';

export const MINIMIZERS: PhraseRow[] = [
  { pattern: String.raw`obviously|evidently|clearly(?!\s+(?:show|indicat|impl|visible|mark|label|document|stat|defin|communicat|explain|separat|written|describ|identif|see|seen|saw|legible|readable))`, explanation: 'What is obvious now was not obvious then; the word hides why.', instead: 'say what the evidence showed and when it became visible', replacement: '', example: 'Obviously the cache was stale.' },
  { pattern: String.raw`simply|trivially`, explanation: '"Simply" suggests the fix was easy, which makes the people involved look slow.', instead: 'describe the step without judging its difficulty', replacement: '', example: 'We could simply have restarted it.' },
  { pattern: String.raw`just(?=\s+(?:restart|run|roll|revert|delete|add|remove|check|look|read|use|deploy|apply|click|set|change|fix|update|ask|turn|increase|bump|scale)\w*)`, explanation: '"Just do X" makes the fix sound trivial in hindsight.', instead: 'describe the step and what made it hard to see at the time', replacement: '', example: 'They could just restart the pod.' },
  { pattern: String.raw`of course`, explanation: '"Of course" implies the outcome was predictable, which it was not to the people involved.', instead: 'state the fact without the judgement', replacement: '', example: 'Of course the disk filled up.' },
];
