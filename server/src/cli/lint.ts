// `postmortem-lint [paths]`: lint files, print findings, optionally apply safe fixes in place.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findConfigFile, readConfigFile } from '../config/load';
import { resolveConfig } from '../config/resolve';
import type { ResolvedConfig } from '../config/types';
import { analyze, type Analysis } from '../engine/analyze';
import { applyFixes } from '../engine/applyEdits';
import type { Fix } from '../rules/types';
import type { CliFinding, FileResult } from './format';

export interface LintOptions {
  configPath?: string;
  now: Date;
  fix: boolean;
  quiet: boolean;
}

export class ConfigCache {
  private readonly byFile = new Map<string, ResolvedConfig>();
  readonly warnings = new Set<string>();

  constructor(private readonly explicit?: string) {}

  /** Throws ConfigError for an unreadable or malformed configuration file. */
  forDocument(file: string): ResolvedConfig {
    const configFile = this.explicit ?? findConfigFile(dirname(resolve(file)));
    const key = configFile ?? '';
    let config = this.byFile.get(key);
    if (!config) {
      config = resolveConfig([configFile ? readConfigFile(configFile) : undefined]);
      config.warnings.forEach((w) => this.warnings.add(configFile ? `${configFile}: ${w}` : w));
      this.byFile.set(key, config);
    }
    return config;
  }
}

export function toCliFindings(analysis: Analysis, quiet: boolean): CliFinding[] {
  return analysis.findings
    .filter((f) => !quiet || f.severity === 'error')
    .map((f) => {
      const start = analysis.lines.position(f.start);
      const end = analysis.lines.position(f.end);
      return { ruleId: f.ruleId, severity: f.severity, message: f.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    });
}

/** Applies safe fixes until none apply (at most 10 passes); returns the analysis of the final text. */
export function fixText(text: string, lint: (t: string) => Analysis): { text: string; analysis: Analysis } {
  let analysis = lint(text);
  for (let pass = 0; pass < 10; pass++) {
    const fixes = analysis.findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) break;
    const next = applyFixes(analysis.text, fixes);
    if (next.applied === 0 || next.text === analysis.text) break;
    analysis = lint(next.text);
  }
  return { text: analysis.text, analysis };
}

export function lintText(text: string, file: string, configs: ConfigCache, options: LintOptions): { result: FileResult; fixed?: string } {
  const config = configs.forDocument(file);
  const lint = (t: string): Analysis => analyze(t, { config, now: options.now });
  if (!options.fix) {
    const analysis = lint(text);
    return { result: { file, findings: toCliFindings(analysis, options.quiet) } };
  }
  const { text: fixed, analysis } = fixText(text, lint);
  // A fix that left the document in a state a rule cannot read is not clean: keep the original.
  if (analysis.errors.length > 0) return { result: { file, findings: toCliFindings(lint(text), options.quiet) } };
  return { result: { file, findings: toCliFindings(analysis, options.quiet) }, fixed: fixed !== text ? fixed : undefined };
}

/** Lints a file whose text the caller has read (so an unreadable file is reported once, by the caller). */
export function lintFile(file: string, text: string, configs: ConfigCache, options: LintOptions): FileResult {
  const { result, fixed } = lintText(text, file, configs, options);
  // Only the file that was linted is ever written, and only when a fix changed it.
  if (fixed !== undefined) writeFileSync(file, fixed);
  return result;
}
