import { CANONICAL_ORDER, SECTION_PROMPTS, SECTION_TITLES } from '../model/sectionNames';
import type { Section, SectionKind } from '../model/types';
import { isNearMiss } from '../model/nearMiss';
import type { Rule, TextEdit } from './types';

function headingLevel(sections: Section[]): number {
  const levels = sections.filter((s) => s.form === 'heading' && s.kinds.length > 0).map((s) => s.level);
  return levels.length > 0 ? Math.min(...levels) : 2;
}

/** Where a missing section goes: before the first present section that comes after it in canonical order. */
export function insertionPoint(kind: SectionKind, sections: Section[], textLength: number, level: number): number {
  const later = CANONICAL_ORDER.slice(CANONICAL_ORDER.indexOf(kind) + 1);
  const next = sections.find((s) => s.form === 'heading' && s.level === level && s.kinds.some((k) => later.includes(k)));
  return next ? next.start : textLength;
}

export function skeleton(kind: SectionKind, level: number): string {
  return `${'#'.repeat(level)} ${SECTION_TITLES[kind]}\n\n<!-- ${SECTION_PROMPTS[kind]} -->\n\n`;
}

/** A near-miss drops impact (there was none) and needs what caught it and where luck helped. */
function requiredKinds(configured: readonly string[], nearMiss: boolean): readonly string[] {
  if (!nearMiss) return configured;
  return [...configured.filter((k) => k !== 'impact'), 'detection', 'where-we-got-lucky'];
}

const NEAR_MISS_MESSAGES: Partial<Record<SectionKind, string>> = {
  detection: 'This near-miss does not say what caught it. Name the check, alert or person that stopped it, so the team can keep it working.',
  'where-we-got-lucky': 'This near-miss has no "where we got lucky" section. Say what limited the damage by chance rather than by design.',
};

export const requiredSections: Rule = {
  id: 'required-sections',
  category: 'completeness',
  description: 'Sections a complete postmortem needs are missing (the list is configurable).',
  defaultSeverity: 'warning',
  defaultOptions: {},
  fixable: true,
  hasSuggestions: false,
  rationale: 'A complete postmortem says what happened and to whom (summary, impact), when (timeline), why (root cause), how it was noticed (detection), what worked (what went well) and what changes (action items). Each missing part is a question the next reader cannot answer.',
  examples: {
    valid: ['# Incident\n\n## Summary\n\nText.\n\n## Impact\n\nText.\n\n## Timeline\n\n- 10:00 UTC Alert fired.\n\n## Root cause\n\nText.\n\n## Detection\n\nText.\n\n## What went well\n\nText.\n\n## Action items\n\n- [ ] Text.'],
    invalid: ['# Incident\n\n## Summary\n\nText.'],
  },
  check(context) {
    const { model, text, shared } = context;
    // A heading that may mean a section ("Actions taken") keeps that section from being reported missing.
    // Its input is every section, so it is not cached; read in one loop, without an array per section.
    const present = new Set<string>();
    for (const section of model.sections) {
      for (const kind of section.kinds) present.add(kind);
      if (section.candidateKinds) for (const kind of section.candidateKinds) present.add(kind);
    }
    const nearMiss = isNearMiss(model);
    const missing = CANONICAL_ORDER.filter((k) => requiredKinds(shared.requiredSections, nearMiss).includes(k) && !present.has(k));
    if (missing.length === 0) return;
    const title = model.sections.find((s) => s.form === 'heading' && s.level === 1) ?? model.sections[0];
    const at = title ? { start: title.titleSpan.start, end: title.titleSpan.end } : { start: 0, end: 0 };
    const level = headingLevel(model.sections);
    const editFor = (kind: SectionKind): TextEdit => {
      const offset = insertionPoint(kind, model.sections, text.length, level);
      const before = offset === text.length && !text.endsWith('\n\n') ? (text.endsWith('\n') ? '\n' : '\n\n') : '';
      return { start: offset, end: offset, newText: before + skeleton(kind, level) };
    };
    for (const kind of missing) {
      context.report({
        ...at,
        message: nearMiss && NEAR_MISS_MESSAGES[kind] ? NEAR_MISS_MESSAGES[kind] : `The postmortem has no ${SECTION_TITLES[kind].toLowerCase()} section. ${SECTION_PROMPTS[kind].replace(/^- \[ \] /, '')}`,
        fix: { title: `Insert the ${SECTION_TITLES[kind]} section`, edits: [editFor(kind)] },
      });
    }
  },
};
