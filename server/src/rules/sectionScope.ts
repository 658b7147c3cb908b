// Section-scoped rules (scope: 'section') judge one section at a time. Their `check` is the same
// judgement over the whole document: the sections `sectionsToCheck` picks, each judged with a
// section context read from the whole document's context (what the engine's per-section cache
// does, without the cache, and what runs when a caller asks `check`).
import type { SectionWithNodes } from '../model/sections';
import type { Section } from '../model/types';
import { sentencesIn } from './judge/sentences';
import type { RuleContext, SectionContext } from './types';

/** The section context over a whole-document context: every value read from it directly. */
export function sectionContextOf<O>(context: RuleContext<O>): SectionContext<O> {
  return {
    text: context.text,
    options: context.options,
    shared: context.shared,
    sentencesIn: (start, end) => sentencesIn(context as RuleContext<object>, start, end),
    report: (finding) => context.report(finding),
  };
}

/** `check` for a section-scoped rule: `checkSection` on every section `sectionsToCheck` picks, in its order. */
export function eachSection<O>(
  sectionsToCheck: (context: RuleContext<O>) => readonly SectionWithNodes[],
  checkSection: (section: Section, context: SectionContext<O>) => void,
): (context: RuleContext<O>) => void {
  return (context) => {
    const picked = sectionsToCheck(context);
    if (picked.length === 0) return;
    const sectionContext = sectionContextOf(context);
    for (const section of picked) checkSection(section, sectionContext);
  };
}
