// The library entry of the `postmortem-lint` npm package: the engine with no editor, no server
// and no file system. Text in; findings, the model, the timeline and the action items out.
import { fixText, toCliFindings } from './cli/lint';
import { actionRows, timelineReport } from './cli/reports';
import type { ActionRow, TimelineReport } from './cli/reportTypes';
import { resolveConfig } from './config/resolve';
import { analyze, type Analysis } from './engine/analyze';
import { isPostmortemFile } from './markdownFiles';
import type { Postmortem } from './model/types';
import { RULES, ruleDocsUrl } from './rules/registry';

export type { ActionItem, Postmortem, Section, Timeline, TimelineEntry } from './model/types';
export type { ActionRow, TimelineReport } from './cli/reportTypes';

// The public types are spelled out here rather than imported from the engine, so the declaration
// files stand alone (no mdast types needed); the compiler checks they fit the engine's.
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Category = 'blameless' | 'depth' | 'action-items' | 'completeness' | 'timeline' | 'metadata';
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?] | { severity?: SeveritySetting; options?: Record<string, unknown> };

/** The same shape as a .postmortemrc file. */
export interface PostmortemConfig {
  rules?: Record<string, RuleSetting>;
  requiredSections?: string[];
  allowedPhrases?: string[];
  blamePhrases?: string[];
  severityScale?: string[];
  timezone?: string;
  /** Paths the CLI skips, as .gitignore patterns relative to the configuration file's folder. */
  ignores?: string[];
  /** Where action items' issues live; tokens never go here (they come from the environment). */
  trackers?: {
    enabled?: boolean;
    github?: { repository?: string; url?: string; apiUrl?: string };
    gitlab?: { url?: string; project?: string };
    jira?: { url?: string; projects?: string[] };
    shortRefs?: 'github' | 'gitlab';
  };
}

export interface LintOptions {
  /** The same shape as a .postmortemrc file: rules, requiredSections, allowedPhrases, ... */
  config?: PostmortemConfig;
  /** The date overdue checks compare with (default: now). */
  now?: Date;
  /** The name reports carry (default: "<text>"). */
  fileName?: string;
}

export interface LintFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintResult {
  findings: LintFinding[];
  /** Sections, timeline, action items and front matter, each with its source offsets. */
  model: Postmortem;
  /** Problems in the configuration (unknown rules, bad values): it was applied as far as possible. */
  configWarnings: string[];
}

export interface RuleInfo {
  id: string;
  category: Category;
  description: string;
  defaultSeverity: Severity;
  docs: string;
}

function run(text: string, options: LintOptions): { analysis: Analysis; configWarnings: string[] } {
  const config = resolveConfig([options.config]);
  return { analysis: analyze(text, { config, now: options.now ?? new Date() }), configWarnings: config.warnings };
}

const publicFindings = (analysis: Analysis): LintFinding[] => toCliFindings(analysis, false).map(({ snippet: _snippet, ...f }) => f);

/** Lints one postmortem's Markdown. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const { analysis, configWarnings } = run(text, options);
  return { findings: publicFindings(analysis), model: analysis.model, configWarnings };
}

/** Applies every safe fix (never a wording change); returns the new text and what is left to fix. */
export function fix(text: string, options: LintOptions = {}): { text: string; findings: LintFinding[] } {
  const config = resolveConfig([options.config]);
  const fixed = fixText(text, (t) => analyze(t, { config, now: options.now ?? new Date() }));
  return { text: fixed.text, findings: publicFindings(fixed.analysis) };
}

/** The timeline as data: entries with ISO times and milestones, and the incident's durations. */
export function timeline(text: string, options: LintOptions = {}): TimelineReport {
  return timelineReport(options.fileName ?? '<text>', run(text, options).analysis);
}

/** The action items with owner, due date, status, tracker and whether they are overdue. */
export function actionItems(text: string, options: LintOptions = {}): ActionRow[] {
  const now = options.now ?? new Date();
  return actionRows(options.fileName ?? '<text>', run(text, { ...options, now }).analysis, now);
}

/** True when the editor and the CLI would check this file as a postmortem (path relative to the project). */
export function isPostmortem(path: string, text: string): boolean {
  return isPostmortemFile(path, text);
}

/** Every rule with its default severity and documentation link. */
export function rules(): RuleInfo[] {
  return RULES.map((r) => ({ id: r.id, category: r.category, description: r.description, defaultSeverity: r.defaultSeverity, docs: ruleDocsUrl(r.id) }));
}
