// `postmortem-lint [paths]`: lint files, print findings, optionally apply safe fixes in place.
import { dirname, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { configSearchBoundary, findConfigFile, readConfigFile } from '../config/load';
import { resolveConfig } from '../config/resolve';
import type { ResolvedConfig } from '../config/types';
import { analyze, type Analysis, type AnalyzeOptions } from '../engine/analyze';
import { applyFixes } from '../engine/applyEdits';
import type { Fix } from '../rules/types';
import type { CliFinding, FileResult } from './format';

export interface LintOptions {
  configPath?: string;
  now: Date;
  fix: boolean;
  quiet: boolean;
  /** Told of each rule that threw on a file (the run then exits 2). */
  onRuleFailure?: (file: string, ruleId: string, message: string) => void;
  /** Tracker states read beforehand (`--trackers`): action-item-drift compares against them. */
  trackerState?: AnalyzeOptions['trackerState'];
}

export class ConfigCache {
  private readonly byFile = new Map<string, { config: ResolvedConfig; ignores: Ignore; folder: string }>();
  readonly warnings = new Set<string>();

  constructor(private readonly explicit?: string, private readonly cwd = process.cwd()) {}

  private entry(file: string) {
    const folder = dirname(resolve(file));
    const configFile = this.explicit ?? findConfigFile(folder, configSearchBoundary(folder, this.cwd));
    const key = configFile ?? '';
    let entry = this.byFile.get(key);
    if (!entry) {
      const config = resolveConfig([configFile ? readConfigFile(configFile) : undefined]);
      config.warnings.forEach((w) => this.warnings.add(configFile ? `${configFile}: ${w}` : w));
      entry = { config, ignores: ignore().add(config.ignores), folder: configFile ? dirname(resolve(configFile)) : resolve(this.cwd) };
      this.byFile.set(key, entry);
    }
    return entry;
  }

  /** Throws ConfigError for an unreadable or malformed configuration file. */
  forDocument(file: string): ResolvedConfig {
    return this.entry(file).config;
  }

  /** True when the `ignores` of the configuration that applies to `file` match it. */
  ignored(file: string): boolean {
    const { ignores, folder } = this.entry(file);
    const path = relative(folder, resolve(file));
    return !!path && !path.startsWith('..') && ignores.ignores(path.split(sep).join('/'));
  }
}

export function toCliFindings(analysis: Analysis, quiet: boolean): CliFinding[] {
  return analysis.findings
    .filter((f) => !quiet || f.severity === 'error')
    .map((f) => {
      const start = analysis.lines.position(f.start);
      const end = analysis.lines.position(f.end);
      return {
        ruleId: f.ruleId, severity: f.severity, message: f.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
        snippet: analysis.text.slice(f.start, Math.min(f.end, f.start + 200)),
      };
    });
}

/** The line ending most lines of `text` use: inserted text follows it. */
export function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function withEol(fix: Fix, eol: string): Fix {
  return eol === '\n' ? fix : { ...fix, edits: fix.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, eol) })) };
}

/** Applies safe fixes until none apply (at most 10 passes); returns the analysis of the final text. */
export function fixText(text: string, lint: (t: string) => Analysis): { text: string; analysis: Analysis } {
  const eol = dominantEol(text);
  let analysis = lint(text);
  for (let pass = 0; pass < 10; pass++) {
    const fixes = analysis.findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined).map((f) => withEol(f, eol));
    if (fixes.length === 0) break;
    const next = applyFixes(analysis.text, fixes);
    if (next.applied === 0 || next.text === analysis.text) break;
    analysis = lint(next.text);
  }
  return { text: analysis.text, analysis };
}

export interface Linted {
  result: FileResult;
  fixed?: string;
  /** The analysis the result came from (of the fixed text when fixed). */
  analysis: Analysis;
}

export function lintText(text: string, file: string, configs: ConfigCache, options: LintOptions): Linted {
  const config = configs.forDocument(file);
  const lint = (t: string): Analysis => analyze(t, { config, now: options.now, trackerState: options.trackerState });
  const reportFailures = (analysis: Analysis) => analysis.errors.forEach((e) => options.onRuleFailure?.(file, e.ruleId, e.message));
  if (!options.fix) {
    const analysis = lint(text);
    reportFailures(analysis);
    return { result: { file, findings: toCliFindings(analysis, options.quiet) }, analysis };
  }
  const { text: fixed, analysis } = fixText(text, lint);
  // A fix that left the document in a state a rule cannot read is not clean: keep the original.
  if (analysis.errors.length > 0) {
    const original = lint(text);
    reportFailures(original.errors.length ? original : analysis);
    return { result: { file, findings: toCliFindings(original, options.quiet) }, analysis: original };
  }
  return { result: { file, findings: toCliFindings(analysis, options.quiet) }, fixed: fixed !== text ? fixed : undefined, analysis };
}
