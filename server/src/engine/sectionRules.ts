// Section-scoped rules (scope: 'section') judge the sections they pick one at a time, with their
// reports cached per section relative to its start: an edit re-judges only the sections whose text
// it changed, and the reports of the others come back shifted (or, when they did not move, as the
// same findings).
//
// What is cached: heading sections with a body. Such a section is read on its own: it starts at a
// top-level heading and holds whole top-level blocks, so its text decides its tree, except through
// link or footnote definitions elsewhere, and a document with those is parsed whole, into new
// nodes (parsing/incremental.ts). The model rebuilds its sections on every analysis, so a section
// is found again through the first block of its body: that block's origin (parsing/units.ts) is the
// same while the block is, and no other section's body starts with it. Before any reuse the record
// is checked against the section as it is now: its title, kinds, level, where its body starts and
// its text (compared with a copy, so memory follows the judged sections' size, never an old
// version's whole text). A section is checked once per analysis, however many rules judge it; each
// rule's reuse is then one comparison of its settings: the rule's options, the shared settings and
// the people the front matter lists (sentences are read with their names).
// Label sections ("- **Impact**: ...") sit inside blocks whose other parts the section does not
// hold: they are judged on every analysis, as are sections with no body to anchor them.
import { peopleNames } from '../language/reader';
import type { SectionWithNodes } from '../model/sections';
import type { Section } from '../model/types';
import { detached } from '../parsing/detach';
import { originOf } from '../parsing/units';
import type { AnyRule, Report, RuleContext, SectionContext } from '../rules/types';
import { sectionContextOf } from '../rules/sectionScope';
import { ownReport, placedFindings, shiftReport, toFinding, type FindingSink, type PlacedFindings } from './blockRules';

/** One rule's reports for one section: relative to its start, and where they were last placed. */
interface SectionReports {
  settings: string;
  relative: Report[];
  placed: PlacedFindings;
}

/** What a section's judgements read besides the settings, as it was when they were made. */
interface SectionRecord {
  title: string;
  kinds: readonly string[];
  candidateKinds: readonly string[];
  level: number;
  /** Where its body starts, relative to its start. */
  bodyStart: number;
  /** Its text (a copy: a record never holds a version's whole text). */
  text: string;
  byRule: Map<string, SectionReports>;
  /** The analysis that last found it current (see sectionRun), and where the section started there. */
  checkedIn: object;
  checkedAt: number;
}

/** Per section, by the origin of its body's first block. */
const records = new WeakMap<object, SectionRecord>();
/** Per rule, the last settings: equal settings become the same string, so checking a section's slot is one comparison. */
const lastSettings = new Map<string, string>();
const stats = { hits: 0, misses: 0 };

export interface SectionRun {
  peopleKey: string;
  /** The section's record, checked against this version (made anew when it changed); none when the section is not cached. */
  recordOf(section: SectionWithNodes): SectionRecord | undefined;
}

function sameList(a: readonly string[], b: readonly string[] = []): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether a section is as its record saw it: the same heading reading (title, kinds, level), the
 * same layout and the same text. Comparing the text is a sequential read of memory, which on long
 * documents costs less than visiting each block of the section for its origin and place.
 */
function isCurrent(record: SectionRecord, section: Section, text: string): boolean {
  const at = section.start;
  return record.text.length === section.end - at && record.bodyStart === section.body.start - at && record.level === section.level
    && record.title === section.title && sameList(record.kinds, section.kinds) && sameList(record.candidateKinds, section.candidateKinds)
    && text.slice(at, section.end) === record.text;
}

/** A new record for a section as it is in this version. */
function recordFor(section: Section, text: string, run: object): SectionRecord {
  return {
    title: detached(section.title), kinds: section.kinds, candidateKinds: section.candidateKinds ?? [], level: section.level,
    bodyStart: section.body.start - section.start, text: detached(text.slice(section.start, section.end)),
    byRule: new Map(), checkedIn: run, checkedAt: section.start,
  };
}

/** What every section rule of one analysis shares: each section's record, checked on first use. */
export function sectionRun(text: string, people: readonly string[]): SectionRun {
  // Marks the records checked in this analysis (a section judged by several rules is compared once):
  // a token, not the text, so a record never holds a version's text.
  const run = {};
  const recordOf = (section: SectionWithNodes): SectionRecord | undefined => {
    // Only a heading section holds whole top-level blocks and the titleSpan/body/end layout checked here.
    if (section.form !== 'heading' || section.nodes.length === 0 || section.titleSpan.start !== section.start || section.body.end !== section.end) return undefined;
    const anchor = originOf(section.nodes[0]);
    let record = records.get(anchor);
    if (record && record.checkedIn === run && record.checkedAt === section.start) return record;
    if (!record || !isCurrent(record, section, text)) {
      record = recordFor(section, text, run);
      records.set(anchor, record);
    }
    record.checkedIn = run;
    record.checkedAt = section.start;
    return record;
  };
  return { peopleKey: peopleNames(people).key, recordOf };
}

/** Whether a report (its fix and suggestions too) stays inside [start, end]: only those are cached and moved with the section. */
function inside(report: Report, start: number, end: number): boolean {
  const within = (s: number, e: number) => start <= s && e <= end;
  if (!within(report.start, report.end)) return false;
  const fixes = [...(report.fix ? [report.fix] : []), ...(report.suggestions ?? [])];
  return fixes.every((fix) => fix.edits.every((edit) => within(edit.start, edit.end)));
}

/**
 * Runs one section rule: its choice of sections (and any report about the whole document), then
 * each section's cached reports where the section and the rule's settings are unchanged.
 */
export function runSectionRule(rule: AnyRule, context: RuleContext<object>, run: SectionRun, sink: FindingSink): void {
  const picked = rule.sectionsToCheck!(context);
  if (picked.length === 0) return;
  let settings = JSON.stringify([context.options, context.shared, run.peopleKey]);
  if (lastSettings.get(rule.id) === settings) settings = lastSettings.get(rule.id)!;
  else lastSettings.set(rule.id, settings);
  let judging: SectionContext<object> | undefined;
  for (const section of picked) {
    const record = run.recordOf(section);
    let reports = record?.byRule.get(rule.id);
    if (reports && reports.settings === settings) stats.hits++;
    else {
      stats.misses++;
      const found: Report[] = [];
      judging ??= sectionContextOf(context);
      rule.checkSection!(section, { ...judging, report: (r: Report) => found.push(r) });
      // A section not cached, or a report reaching outside it: judged again on every analysis.
      if (!record || !found.every((r) => inside(r, section.start, section.end))) {
        for (const r of found) sink.add(toFinding(r, rule.id, sink.severity));
        continue;
      }
      for (const r of found) ownReport(r);
      reports = { settings, relative: found.map((r) => shiftReport(r, -section.start)), placed: { at: section.start, severity: sink.severity, findings: found.map((r) => toFinding(r, rule.id, sink.severity)) } };
      record.byRule.set(rule.id, reports);
    }
    if (reports.relative.length === 0) continue;
    reports.placed = placedFindings(reports.placed, reports.relative, section.start, rule.id, sink.severity);
    for (const finding of reports.placed.findings) sink.add(finding);
  }
}

/** How many section judgements the section rules' caches answered and computed so far (tests check an edit re-judges few). */
export function sectionCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
