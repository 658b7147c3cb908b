// Block-scoped rules (scope: 'block') run per unit (a top-level block, list item or table row) with
// their reports cached per unit, relative to its start: an edit re-judges only the units it changed,
// and the reports of the others come back shifted. The key of a unit's reports holds everything a
// block rule may read besides the unit itself (see Rule.scope): the rule's options and the shared
// settings, the people the front matter lists, the section kinds over the unit, and the few
// characters after it. A unit's key is compared once per analysis, not once per rule: the record
// keeps the last key object while its parts stay equal, so each rule's check is one identity
// comparison.
import { detached } from '../parsing/detach';
import { readUnitSentences, peopleNames } from '../language/reader';
import type { Sentence } from '../language/types';
import type { Section } from '../model/types';
import { endOffset, startOffset, type Nodes } from '../parsing/markdown';
import { absolute, copyOf, originOf, type Unit } from '../parsing/units';
import { BLOCK_LOOKAHEAD, type AnyRule, type Finding, type Fix, type Report, type RuleContext, type Severity } from '../rules/types';

/** One unit's reports for one rule: relative to its start, and (reused while the unit stays put) as findings where they were last placed. */
interface UnitReports {
  /** The rule's settings and the unit's key they were judged with. */
  settings: string;
  unitKey: UnitKey;
  relative: Report[];
  placed: PlacedFindings;
}

/**
 * Cached reports as the findings they became: at `at`, with `severity`. Reused whole while both stay
 * (an edit after the unit, or one that only retyped its severity's setting back): the findings of
 * the rows before a keystroke in a long table are the previous version's objects, not two copies
 * each (a placed report, then its finding). Findings are never changed once made, so sharing is safe.
 */
export interface PlacedFindings {
  at: number;
  severity: Severity;
  findings: Finding[];
}

/** Where a unit's findings go: the rule's severity, and the engine's check of disable comments before it keeps one. */
export interface FindingSink {
  severity: Severity;
  add(finding: Finding): void;
}

/**
 * A report as a finding: its own fields in their order, then the rule and severity (what `{ ...report,
 * ruleId, severity }` gives, without the spread's slow path for the many shapes rules report in).
 */
export function toFinding(report: Report, ruleId: string, severity: Severity): Finding {
  const finding = copyOf(report) as Finding;
  finding.ruleId = ruleId;
  finding.severity = severity;
  return finding;
}

/**
 * The findings of cached reports (relative to their unit) for a unit at `at`: the last placed ones
 * when neither the place nor the severity moved, else placed again.
 */
export function placedFindings(last: PlacedFindings | undefined, relative: readonly Report[], at: number, ruleId: string, severity: Severity): PlacedFindings {
  if (last && last.at === at && last.severity === severity) return last;
  const findings = relative.map((r) => {
    // The shifted copy is new: it becomes the finding itself (the same fields in the same order as toFinding's).
    const finding = shiftReport(r, at) as Finding;
    finding.ruleId = ruleId;
    finding.severity = severity;
    return finding;
  });
  return { at, severity, findings };
}

/**
 * A unit's key: the section kinds over it and the characters after it. A new key object only when
 * one of them changed, so a rule's check of a unit's slot is one identity comparison.
 */
interface UnitKey {
  kinds: string;
  after: string;
}

/** One unit's record: its key when last judged, and each block rule's reports. */
interface UnitRecord {
  key: UnitKey;
  byRule: Map<string, UnitReports>;
}

/**
 * Per unit (by its original node): one record shared by the rules, so a keystroke looks each unit
 * up once, not once per rule (the lookups were most of the block rules' cost on a long table).
 */
const records = new WeakMap<object, UnitRecord>();
/** Per rule, the last settings: equal settings become the same string, so checking a unit's slot is one comparison. */
const lastSettings = new Map<string, string>();
const stats = { hits: 0, misses: 0 };

function shiftFix(fix: Fix, by: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) };
}

/** A report moved by `by` code units (its fix and suggestions too). */
export function shiftReport(report: Report, by: number): Report {
  const moved = copyOf(report);
  moved.start += by;
  moved.end += by;
  if (report.fix) moved.fix = shiftFix(report.fix, by);
  if (report.suggestions) moved.suggestions = report.suggestions.map((s) => shiftFix(s, by));
  return moved;
}

/**
 * The section kinds over a unit, as a key: kinds of sections that cover all of it, and for a
 * section that starts or ends inside it, where (relative to the unit's start).
 */
export function kindsKey(kinded: readonly Section[], start: number, end: number): string {
  let key = '';
  for (const s of kinded) {
    if (s.end <= start || s.start >= end) continue;
    key += s.start <= start && end <= s.end ? `${s.kinds.join(',')};` : `${Math.max(s.start, start) - start}-${Math.min(s.end, end) - start}:${s.kinds.join(',')};`;
  }
  return key;
}

/** Whether the text after `end` is `after` (up to BLOCK_LOOKAHEAD characters, or the text's end), without slicing it. */
function followedBy(text: string, end: number, after: string): boolean {
  return after.length === Math.min(BLOCK_LOOKAHEAD, text.length - end) && text.startsWith(after, end);
}

export interface BlockRun {
  units: readonly Unit[];
  /** What every unit's reports depend on besides itself, its key and the rule's settings: the people the front matter lists. */
  peopleKey: string;
  /** Per unit: what its reports depend on besides itself, the people and the rule's settings (the record's own key when unchanged). */
  unitKeys: UnitKey[];
  /** Per unit: its rules' reports (see `records`). */
  unitRecords: Map<string, UnitReports>[];
  sentencesOf(unit: Unit): Sentence[];
}

/** What every block rule of one analysis shares: the units, their keys and their sentences (read only on a miss). */
export function blockRun(units: readonly Unit[], text: string, kinded: readonly Section[], people: readonly string[]): BlockRun {
  const names = peopleNames(people);
  // Units and sections both in document order: a sweep keeps only the sections open at each unit.
  const sections = [...kinded].sort((a, b) => a.start - b.start);
  let next = 0;
  let open: Section[] = [];
  // The kinds of the open sections, for the units they all cover: one string per change of `open`,
  // not one per unit (most units of a long section lie wholly inside the same sections).
  let covering: string | undefined;
  const unitKeys: UnitKey[] = new Array(units.length);
  const unitRecords: Map<string, UnitReports>[] = new Array(units.length);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const start = startOffset(unit);
    const end = endOffset(unit);
    while (next < sections.length && sections[next].start < end) {
      open.push(sections[next++]);
      covering = undefined;
    }
    if (open.some((s) => s.end <= start)) {
      open = open.filter((s) => s.end > start);
      covering = undefined;
    }
    const kinds = open.every((s) => s.start <= start && end <= s.end) ? (covering ??= kindsKey(open, start, end)) : kindsKey(open, start, end);
    const origin = originOf(unit);
    const record = records.get(origin);
    if (record && record.key.kinds === kinds && followedBy(text, end, record.key.after)) {
      unitKeys[i] = record.key;
      unitRecords[i] = record.byRule;
      continue;
    }
    const key = { kinds: detached(kinds), after: detached(text.slice(end, end + BLOCK_LOOKAHEAD)) };
    const judged = record ?? { key, byRule: new Map() };
    if (record) record.key = key;
    else records.set(origin, judged);
    unitKeys[i] = key;
    unitRecords[i] = judged.byRule;
  }
  const read = new Map<Unit, Sentence[]>();
  return {
    units, peopleKey: names.key, unitKeys, unitRecords,
    sentencesOf(unit) {
      let sentences = read.get(unit);
      if (!sentences) read.set(unit, (sentences = readUnitSentences(absolute(unit as Nodes), text, names)));
      return sentences;
    },
  };
}

function ownFix(fix: Fix): void {
  fix.title = detached(fix.title);
  for (const edit of fix.edits) edit.newText = detached(edit.newText);
}

/** Makes a report fit to cache: its strings hold no slice of the document's text (see language/detach.ts). */
export function ownReport(report: Report): void {
  report.message = detached(report.message);
  if (report.fix) ownFix(report.fix);
  report.suggestions?.forEach(ownFix);
}

/** Runs one block rule over every unit: cached reports where the unit, its key and the rule's settings are unchanged. */
export function runBlockRule(rule: AnyRule, context: RuleContext<object>, run: BlockRun, sink: FindingSink): void {
  let settings = JSON.stringify([context.options, context.shared, run.peopleKey]);
  if (lastSettings.get(rule.id) === settings) settings = lastSettings.get(rule.id)!;
  else lastSettings.set(rule.id, settings);
  const { units, unitKeys, unitRecords } = run;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const base = startOffset(unit);
    let reports = unitRecords[i].get(rule.id);
    if (reports && reports.settings === settings && reports.unitKey === unitKeys[i]) stats.hits++;
    else {
      stats.misses++;
      const found: Report[] = [];
      const sentences = run.sentencesOf(unit);
      if (sentences.length > 0) rule.checkBlock!(sentences, Object.assign(Object.create(context) as RuleContext<object>, { report: (r: Report) => found.push(r) }));
      for (const r of found) ownReport(r);
      const relative = found.map((r) => shiftReport(r, -base));
      reports = { settings, unitKey: unitKeys[i], relative, placed: { at: base, severity: sink.severity, findings: found.map((r) => toFinding(r, rule.id, sink.severity)) } };
      unitRecords[i].set(rule.id, reports);
    }
    if (reports.relative.length === 0) continue;
    reports.placed = placedFindings(reports.placed, reports.relative, base, rule.id, sink.severity);
    for (const finding of reports.placed.findings) sink.add(finding);
  }
}

/** How many unit judgements the block rules' caches answered and computed so far (tests check an edit re-judges few). */
export function blockCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
