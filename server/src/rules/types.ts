// The shape every rule takes. Rules see the model, the mdast, the text and their options, and
// report findings with offsets; they never build LSP types, read settings or touch a connection.
import type { Root } from '../parsing/markdown';
import type { SectionWithNodes } from '../model/sections';
import type { TrackersConfig } from '../config/types';
import type { ActionItem, Postmortem, Section } from '../model/types';
import type { TrackerState } from '../trackers/types';
import type { Sentence } from '../language/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'blameless' | 'depth' | 'action-items' | 'completeness' | 'timeline' | 'metadata';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A change the writer can apply: `title` names it in the quick-fix menu. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** A safe fix: fix-all and `--fix` may apply it without asking. */
  fix?: Fix;
  /** Alternatives the writer chooses between; never applied automatically. */
  suggestions?: Fix[];
}

export type Report = Omit<Finding, 'ruleId' | 'severity'>;

export interface RuleContext<O> {
  text: string;
  root: Root;
  model: Postmortem;
  /** Sections with their mdast nodes. */
  sections: SectionWithNodes[];
  /** The text with everything that is not the author's own prose (code, quotes, URLs, HTML, markup) blanked to spaces: same offsets. */
  prose: string;
  options: O;
  /** The clock for date checks (injected so tests and `--now` control it). */
  now: Date;
  /** Shared settings that several rules read. */
  shared: SharedSettings;
  /** The innermost section that contains an offset. */
  sectionAt(offset: number): Section | undefined;
  /** The canonical kinds of every section (and enclosing section) that contains an offset. */
  kindsAt(offset: number): Set<string>;
  report(finding: Report): void;
  /** Tracker configuration, and the states of linked issues when the caller read them (never read here: no network on this path). */
  trackers: { config: TrackersConfig; state?: (item: ActionItem) => TrackerState | undefined };
}

export interface SharedSettings {
  requiredSections: string[];
  allowedPhrases: string[];
  blamePhrases: string[];
  severityScale: string[];
}

export interface RuleExamples {
  valid: string[];
  invalid: string[];
}

export interface Rule<O extends object = object> {
  id: string;
  category: Category;
  description: string;
  defaultSeverity: Severity;
  /** Default option values; their types are the options' types. */
  defaultOptions: O;
  /** JSON-schema properties for the options, shipped in the config schema. */
  optionsSchema?: Record<string, unknown>;
  fixable: boolean;
  hasSuggestions: boolean;
  /** How a blameless postmortem says it: shown in hovers and docs. */
  rationale: string;
  examples: RuleExamples;
  check(context: RuleContext<O>): void;
  /**
   * `block`: the rule judges prose one block at a time (a top-level block, a list item or a table
   * row) in `checkBlock`, and the engine caches its reports per block, so an edit re-runs it only on
   * the blocks it changed. `checkBlock` may read only the block's sentences, `context.text` inside
   * the block and up to BLOCK_LOOKAHEAD characters after it, its options, `context.shared`,
   * `context.kindsAt` inside the block and the people the front matter lists (the cache key holds
   * exactly these). `check` stays the same judgement over the whole document.
   */
  scope?: 'document' | 'block' | 'item' | 'section';
  checkBlock?(sentences: readonly Sentence[], context: RuleContext<O>): void;
  /**
   * `item`: the rule judges one action item at a time in `checkItem`, reading only what ItemContext
   * gives (the item, the text inside it, its options and the document-wide values there); the engine
   * caches its reports per item, keyed by all of those, so an edit re-runs it only on the items it
   * changed. `check` stays the same judgement over every item (see rules/itemScope.ts).
   */
  checkItem?(item: ActionItem, context: ItemContext<O>): void;
  /**
   * `section`: the rule picks the sections it judges from `context.sections` in `sectionsToCheck` (a
   * cheap choice: kinds, the near-miss flag; it may report there what concerns the document as a
   * whole, such as a missing section) and judges each picked section alone in `checkSection`, reading only
   * what SectionContext gives. The engine caches each section's reports relative to its start, keyed
   * by the section's text, its units and shape, the rule's options, the shared settings and the
   * people the front matter lists, so an edit re-judges only the sections it changed. `check` stays
   * the same judgement over the whole document (see rules/sectionScope.ts).
   */
  sectionsToCheck?(context: RuleContext<O>): readonly SectionWithNodes[];
  checkSection?(section: Section, context: SectionContext<O>): void;
}

/** What a section-scoped rule may read besides the section (the engine's cache key holds each of these). */
export interface SectionContext<O> {
  /** The document's text: read only inside the section. */
  text: string;
  options: O;
  shared: SharedSettings;
  /** The sentences inside [start, end) (a span inside the section), read with the people the front matter lists. */
  sentencesIn(start: number, end: number): Sentence[];
  /** Offsets inside the section only (its start to its end). */
  report(finding: Report): void;
}

/** What an item-scoped rule may read besides the item (the engine's cache key holds each of these). */
export interface ItemContext<O> {
  /** The document's text: read only inside the item. */
  text: string;
  /** The prose mask (see RuleContext.prose) between two offsets inside the item. */
  proseOf(start: number, end: number): string;
  options: O;
  /** Today's date (YYYY-MM-DD) in the document's zone, or the local one: rules never read the clock. */
  today: string;
  /** The incident's date (YYYY-MM-DD), when the document gives one. */
  incidentDate?: string;
  trackers: TrackersConfig;
  report(finding: Report): void;
}

/** How far past its block a block-scoped rule may read the text (a suggestion that removes the spaces after a word). */
export const BLOCK_LOOKAHEAD = 8;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
