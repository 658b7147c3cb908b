// Configuration as written in .postmortemrc files and editor settings, and as the engine uses it.
import type { Severity, SharedSettings } from '../rules/types';

export type SeveritySetting = Severity | 'off';

/** A rule's entry: a severity, [severity, options], or { severity, options }. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?] | { severity?: SeveritySetting; options?: Record<string, unknown> };

export interface PostmortemConfig {
  rules?: Record<string, RuleSetting>;
  requiredSections?: string[];
  allowedPhrases?: string[];
  blamePhrases?: string[];
  severityScale?: string[];
  timezone?: string;
  /** Paths the CLI skips, as .gitignore patterns relative to the configuration file's folder. */
  ignores?: string[];
  trackers?: TrackersConfig;
}

/** Where action items' issues live. Tokens never go here: they come from the environment. */
export interface TrackersConfig {
  /** Check trackers (the CLI's --trackers turns it on too). */
  enabled?: boolean;
  /** `repository` is what a bare #123 means; `url` is a GitHub Enterprise web address. */
  github?: { repository?: string; url?: string; apiUrl?: string };
  gitlab?: { url?: string; project?: string };
  jira?: { url?: string; projects?: string[] };
  /** What owner/repo#123 names when both could apply. */
  shortRefs?: 'github' | 'gitlab';
}

export interface ResolvedRule {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  shared: SharedSettings;
  timezone?: string;
  ignores: string[];
  trackers?: TrackersConfig;
  /** Things in the configuration the user should hear about (unknown rule ids, bad values). */
  warnings: string[];
}

export const DEFAULT_REQUIRED_SECTIONS = ['summary', 'impact', 'timeline', 'root-cause', 'detection', 'what-went-well', 'action-items'];
export const DEFAULT_SEVERITY_SCALE = ['SEV-0', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'high', 'major', 'medium', 'moderate', 'minor', 'low'];
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
