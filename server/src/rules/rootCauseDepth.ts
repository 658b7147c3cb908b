import { blameIn } from './judge/blame';
import { counterfactualsIn } from './judge/counterfactual';
import type { SectionWithNodes } from '../model/sections';
import type { Section } from '../model/types';
import { eachSection } from './sectionScope';
import type { Rule, RuleContext, SectionContext } from './types';
import { visibleText } from './util';

const PLACEHOLDER = /^(?:tbd|tbc|todo|n\/?a|unknown|to be determined|\?+|-+|fill (?:this )?in|<[^>]*>|\[[^\]]*\])\.?$/i;
const TRIGGER = /\b(?:deploy(?:ed|ment)?|release[ds]?|config(?:uration)? change|changed? the config|misconfigur\w*|typo|restart(?:ed)?|reboot(?:ed)?|upgrade[ds]?|migration|merged?|commit(?:ted)?|pushed|bad value|wrong value|rolled out|roll-?out|manual change|ran the (?:command|script))\b/i;
// A condition of the system: what let the trigger through, what did not catch it, what it lacked.
const SYSTEMIC = /\b(?:validat\w*|check(?:s|ed|ing)?|test(?:s|ed|ing)?|alert\w*|monitor\w*|limits?|guardrails?|safeguards?|review(?:ed|s)?|canar(?:y|ies)|staged|gradual|lint\w*|schema|protect\w*|fail-?safe|circuit|quotas?|capacity|redundan\w*|timeouts?|retr(?:y|ies)|design\w*|assum\w*|dependen\w*|because|why|allowed|prevent\w*|detect\w*|automat\w*|process(?:es)?|documentation|runbook|ownership|defaults?)\b/i;

type Options = { reportMissing: boolean; minWords: number };

/** The first root-cause section; without one, the document is reported when the options ask. */
function sectionsToCheck(context: RuleContext<Options>): SectionWithNodes[] {
  const section = context.sections.find((s) => s.kinds.includes('root-cause'));
  if (section) return [section];
  if (context.options.reportMissing) context.report({ start: 0, end: 0, message: 'No root cause or contributing factors section. A good postmortem explains which conditions in the system let the trigger cause harm.' });
  return [];
}

function checkSection(section: Section, context: SectionContext<Options>): void {
  const { text, report, options } = context;
  const at = { start: section.titleSpan.start, end: section.titleSpan.end };
  const body = visibleText(text, section.body.start, section.body.end);
  const whys = { title: 'Add a chain of whys', edits: [{ start: section.body.end, end: section.body.end, newText: '\n1. Why did it happen? \n2. Why was that possible? \n3. Why did nothing catch it?\n' }] };
  if (!body || PLACEHOLDER.test(body)) {
    report({ ...at, message: `The ${section.title.toLowerCase()} section is ${body ? 'a placeholder' : 'empty'}. Say which conditions in the system let the trigger cause harm.`, suggestions: [whys] });
    return;
  }
  // A person at fault is never the systemic condition: sentences that blame someone, or say what a
  // person should have done, do not count towards depth ("the engineer should have checked the
  // runbook" names no check the system lacked). The wording itself is no-blame-language's and
  // no-counterfactual's finding, so it is not reported a second time here.
  const inSection = context.sentencesIn(section.body.start, section.body.end);
  const blamed = inSection.filter((s) => blameIn(s).length > 0 || counterfactualsIn(s).some((hit) => hit.row.kind === 'person'));
  const conditions = inSection.filter((s) => !blamed.includes(s)).map((s) => s.text).join(' ');
  const systemic = SYSTEMIC.test(conditions);
  if (blamed.length > 0 && !systemic) {
    report({ ...at, message: `The ${section.title.toLowerCase()} section puts the cause in a person. A root cause is a condition of the system: say what let the action cause harm and what did not catch it.`, suggestions: [whys] });
    return;
  }
  const words = body.split(' ').length;
  if (TRIGGER.test(body) && !systemic && words < options.minWords * 4) {
    report({ ...at, message: `The root cause stops at the trigger ("${TRIGGER.exec(body)?.[0]}"). Add the condition that let it through: the validation, check, alert, limit or guardrail that was missing.`, suggestions: [whys] });
  } else if (words < options.minWords && !systemic) {
    report({ ...at, message: `The root cause is ${words} words long and names no systemic condition. Explain why the system allowed the failure, not only what happened.`, suggestions: [whys] });
  }
}

export const rootCauseDepth: Rule<Options> = {
  id: 'root-cause-depth',
  category: 'depth',
  description: 'A root cause that is missing, empty, names a person, or stops at the trigger without the condition that let it through.',
  defaultSeverity: 'warning',
  defaultOptions: { reportMissing: false, minWords: 12 },
  optionsSchema: {
    reportMissing: { type: 'boolean', description: 'Also report a missing root-cause section (required-sections reports it by default).' },
    minWords: { type: 'integer', minimum: 0, description: 'Fewer words than this, with a trigger and no systemic condition, is shallow.' },
  },
  fixable: false,
  hasSuggestions: true,
  rationale: 'The trigger (a deploy, a config change, a typo) is what happened; the root cause is why the system let it cause harm: the missing validation, check, alert, limit or guardrail. Fixing only the trigger leaves the next one free to do the same.',
  examples: {
    valid: ['## Root cause\n\nA config change raised the batch size above the broker limit. Nothing validated config values against broker limits before rollout, and no alert watched rejected batches.'],
    invalid: ['## Root cause\n\nA bad deploy.', '## Root cause\n\nTBD'],
  },
  scope: 'section',
  sectionsToCheck,
  checkSection,
  check: eachSection(sectionsToCheck, checkSection),
};
