// Block-scoped rules (scope: 'block') run per unit (a top-level block, list item or table row) with
// their reports cached per unit, relative to its start: an edit re-judges only the units it changed,
// and the reports of the others come back shifted. The key of a unit's reports holds everything a
// block rule may read besides the unit itself (see Rule.scope): the rule's options and the shared
// settings, the people the front matter lists, the section kinds over the unit, and the few
// characters after it. A unit's key is compared once per analysis, not once per rule: a changed key
// empties the record's verdicts, so each rule's check is one comparison with its settings' id.
import { detached } from '../parsing/detach';
import { readUnitSentences, peopleNames } from '../language/reader';
import type { Sentence } from '../language/types';
import type { Section } from '../model/types';
import { endOffset, startOffset, type Nodes } from '../parsing/markdown';
import { absolute, copyOf, originOf, type Unit } from '../parsing/units';
import { BLOCK_LOOKAHEAD, type AnyRule, type Finding, type Fix, type Report, type RuleContext, type Severity } from '../rules/types';

/**
 * One unit's reports for one rule, when it reported any: relative to its start, and (reused while the
 * unit stays put) as findings where they were last placed.
 */
interface UnitReports {
  /** The id of the rule's settings they were judged with (see `judgedSlots`). */
  settings: number;
  relative: Report[];
  placed: PlacedFindings;
}

/**
 * What a rule judged of a unit under its record's key, in the rule's slot: the id of the settings it
 * found nothing with (most units, most rules: one number, no object), or its reports. The slots live
 * in an array per record (one per block rule), emptied when the record's key changes: a keystroke
 * that leaves a unit alone finds each rule's verdict with one load and one comparison, instead of a
 * map lookup and two more objects per unit per rule (on a 500-row table those loads, each likely a
 * cache miss, were most of the block rules' time).
 */
type Judged = number | UnitReports;

/** Each distinct settings string's id, for ever (cleared when large: a cleared id is never given again, so that only costs misses). */
const settingsIds = new Map<string, number>();
let nextSettingsId = 1;

/** The id of a settings string: equal strings, equal ids. */
export function settingsId(settings: string): number {
  let id = settingsIds.get(settings);
  if (id === undefined) {
    if (settingsIds.size > 1000) settingsIds.clear();
    settingsIds.set(settings, (id = nextSettingsId++));
  }
  return id;
}

/** Numbers rules as first seen, from 0: each rule's slot in an array of verdicts (rules are few). */
export function slotNumbering(): (ruleId: string) => number {
  const slots = new Map<string, number>();
  return (ruleId) => {
    let slot = slots.get(ruleId);
    if (slot === undefined) slots.set(ruleId, (slot = slots.size));
    return slot;
  };
}

const slotOf = slotNumbering();

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
 * One unit's record: its key when last judged (the section kinds over it, interned, and the
 * characters after it; kept in the record itself, one object fewer to load per unit), and each
 * block rule's verdict under that key (by slot).
 */
interface UnitRecord {
  kinds: string;
  after: string;
  judged: Judged[];
}

/**
 * Per unit (by its original node): one record shared by the rules, so a keystroke looks each unit
 * up once, not once per rule (the lookups were most of the block rules' cost on a long table).
 */
const records = new WeakMap<object, UnitRecord>();
/** Kinds keys as one string each: a record's key compares by identity, without reading the strings. */
const kindsStrings = new Map<string, string>();

function interned(kinds: string): string {
  let same = kindsStrings.get(kinds);
  if (same === undefined) {
    if (kindsStrings.size > 1000) kindsStrings.clear();
    // Its own copy: kinds name the section kinds and offsets, but a key may outlive the text it was built beside.
    kindsStrings.set(kinds, (same = detached(kinds)));
  }
  return same;
}

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
  /** Per unit: each block rule's verdict under the unit's current key (its record's, see `records`). */
  unitJudged: Judged[][];
  sentencesOf(unit: Unit): Sentence[];
}

/** Whether every section in `open` covers the whole unit [start, end). */
function allCover(open: readonly Section[], start: number, end: number): boolean {
  for (const s of open) if (s.start > start || end > s.end) return false;
  return true;
}

/** Whether a section in `open` ends at or before `start`. */
function anyEnded(open: readonly Section[], start: number): boolean {
  for (const s of open) if (s.end <= start) return true;
  return false;
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
  const unitJudged: Judged[][] = new Array(units.length);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const start = startOffset(unit);
    const end = endOffset(unit);
    while (next < sections.length && sections[next].start < end) {
      open.push(sections[next++]);
      covering = undefined;
    }
    if (anyEnded(open, start)) {
      open = open.filter((s) => s.end > start);
      covering = undefined;
    }
    const kinds = allCover(open, start, end) ? (covering ??= interned(kindsKey(open, start, end))) : interned(kindsKey(open, start, end));
    const origin = originOf(unit);
    const record = records.get(origin);
    if (record && record.kinds === kinds && followedBy(text, end, record.after)) {
      unitJudged[i] = record.judged;
      continue;
    }
    // A new key: every verdict under the old one is void.
    const after = detached(text.slice(end, end + BLOCK_LOOKAHEAD));
    const judged: Judged[] = [];
    if (record) {
      record.kinds = kinds;
      record.after = after;
      record.judged = judged;
    } else records.set(origin, { kinds, after, judged });
    unitJudged[i] = judged;
  }
  const read = new Map<Unit, Sentence[]>();
  return {
    units, peopleKey: names.key, unitJudged,
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
  const settings = settingsId(JSON.stringify([context.options, context.shared, run.peopleKey]));
  const slot = slotOf(rule.id);
  const { units, unitJudged } = run;
  for (let i = 0; i < units.length; i++) {
    const judged = unitJudged[i];
    let verdict = judged[slot];
    // Judged before under these settings and this key, and nothing found: the common case, decided without the unit.
    if (verdict === settings) {
      stats.hits++;
      continue;
    }
    const unit = units[i];
    const base = startOffset(unit);
    if (typeof verdict === 'object' && verdict.settings === settings) stats.hits++;
    else {
      stats.misses++;
      const found: Report[] = [];
      const sentences = run.sentencesOf(unit);
      if (sentences.length > 0) rule.checkBlock!(sentences, Object.assign(Object.create(context) as RuleContext<object>, { report: (r: Report) => found.push(r) }));
      if (found.length === 0) {
        judged[slot] = settings;
        continue;
      }
      for (const r of found) ownReport(r);
      const relative = found.map((r) => shiftReport(r, -base));
      judged[slot] = verdict = { settings, relative, placed: { at: base, severity: sink.severity, findings: found.map((r) => toFinding(r, rule.id, sink.severity)) } };
    }
    verdict.placed = placedFindings(verdict.placed, verdict.relative, base, rule.id, sink.severity);
    for (const finding of verdict.placed.findings) sink.add(finding);
  }
}

/** How many unit judgements the block rules' caches answered and computed so far (tests check an edit re-judges few). */
export function blockCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}
