import type { Rule } from './types';
import { visibleText } from './util';

const TEMPLATE_TEXT = /^(?:(?:todo|tbd|tbc|n\/a|fill (?:this )?in|to be (?:written|completed|determined)|coming soon|placeholder|\.\.\.|…|lorem ipsum.*|<[^>]*>|\[[^\]]*\]|\{\{[^}]*\}\})[.:!]?\s*)+$/i;

export const emptySection: Rule = {
  id: 'empty-section',
  category: 'completeness',
  description: 'A section with no content, or only template text (TODO, TBD, <describe ...>, lorem ipsum).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'An empty heading promises an answer and gives none. Write what is known, or say plainly that it is not known yet and who is finding out.',
  examples: {
    valid: ['## Detection\n\nAn alert on the error rate paged the on-call engineer 4 minutes after the deploy.'],
    invalid: ['## Detection\n\nTBD', '## Detection\n\n<describe how it was detected>'],
  },
  // Not section-scoped (engine/sectionRules.ts): its judgement of a section reads the first 300
  // characters (the whole body only when those hold template text or little else), which costs less
  // than checking that a section is unchanged (measured with bench/documentRules.ts).
  check(context) {
    const { model, text } = context;
    for (const section of model.sections) {
      if (section.kinds.length === 0) continue;
      // Most sections have real text near the top: look at the start first, the whole body only if needed.
      const head = visibleText(text, section.body.start, Math.min(section.body.end, section.body.start + 300));
      if (head.length > 80 && !/^lorem ipsum/i.test(head) && !TEMPLATE_TEXT.test(head)) continue;
      const body = visibleText(text, section.body.start, section.body.end);
      if (body && !TEMPLATE_TEXT.test(body)) continue;
      context.report({
        start: section.titleSpan.start, end: section.titleSpan.end,
        message: body
          ? `The ${section.title} section holds only template text ("${body.slice(0, 40)}"). Replace it with what is known, or say who is finding out.`
          : `The ${section.title} section is empty. Write what is known, or say who is finding out.`,
      });
    }
  },
};
