import type { Rule } from './types';

function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s_-]/g, '');
}

export const frontMatter: Rule = {
  id: 'front-matter',
  category: 'metadata',
  description: 'Front matter that is not valid YAML or too large to read (its aliases expanded too far), or a severity outside the configured scale.',
  defaultSeverity: 'info',
  defaultOptions: {},
  fixable: false,
  hasSuggestions: false,
  rationale: 'Front matter is how tools find, sort and report postmortems. A YAML error hides every field; a severity outside the agreed scale breaks reporting across incidents.',
  examples: {
    valid: ['---\ntitle: Checkout errors\nseverity: SEV-2\n---\n\n# Checkout errors'],
    invalid: ['---\ntitle: [unclosed\n---\n\n# Checkout errors', '---\nseverity: apocalyptic\n---\n\n# Checkout errors'],
  },
  check(context) {
    const fm = context.model.frontMatter;
    if (!fm) return;
    if (fm.error) {
      const lineEnd = context.text.indexOf('\n', fm.error.offset);
      context.report({ start: fm.error.offset, end: lineEnd === -1 ? fm.error.offset : lineEnd, message: `${fm.error.limit ? 'The front matter is not read' : 'The front matter is not valid YAML'}: ${fm.error.message} Its fields (title, date, severity) are ignored until it is fixed.` });
      return;
    }
    const severity = context.model.meta.severity;
    const scale = context.shared.severityScale;
    if (severity && scale.length > 0 && !scale.some((s) => normalise(s) === normalise(severity))) {
      const key = /^(?:severity|sev|priority|level)\s*:/im.exec(context.text.slice(fm.start, fm.end));
      const start = key ? fm.start + key.index : fm.start;
      const lineEnd = context.text.indexOf('\n', start);
      context.report({ start, end: lineEnd === -1 ? fm.end : lineEnd, message: `Severity "${severity}" is not on the scale (${scale.join(', ')}). Use one of those so incidents can be compared.` });
    }
  },
};
