// The CLI's three commands: lint (default), timeline, actions.
import { readFileSync } from 'node:fs';
import { analyze } from '../engine/analyze';
import { outline } from '../features/outline';
import { timelineHtml, timelineSvg } from '../render/timelineSvg';
import { expandPaths } from './files';
import { github, json, sarif, stylish, type FileResult } from './format';
import { ConfigCache, lintFile, lintText, type LintOptions } from './lint';
import { actionRows, actionsCsv, actionsMarkdown, timelineReport, timelineText } from './reports';

export class UsageError extends Error {}

export interface CliValues {
  format?: string;
  config?: string;
  fix?: boolean;
  'max-warnings'?: string;
  stdin?: boolean;
  'stdin-filename'?: string;
  now?: string;
  quiet?: boolean;
}

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`--now expects a date as YYYY-MM-DD, got "${value}".`);
  return new Date(`${value}T00:00:00Z`);
}

function choose(format: string | undefined, allowed: string[], fallback: string): string {
  const f = format ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${f}".`);
  return f;
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function expandOrFail(paths: string[]): string[] {
  const { files, missing } = expandPaths(paths);
  if (missing.length) throw new UsageError(`no such file or folder, or nothing matched: ${missing.join(', ')}`);
  return files;
}

function printWarnings(configs: ConfigCache): void {
  for (const warning of configs.warnings) process.stderr.write(`postmortem-lint: warning: ${warning}\n`);
}

async function lintCommand(paths: string[], values: CliValues): Promise<number> {
  const format = choose(values.format, ['stylish', 'json', 'sarif', 'github'], 'stylish');
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings expects a whole number.');
  const options: LintOptions = { configPath: values.config, now: parseNow(values.now), fix: !!values.fix, quiet: !!values.quiet };
  const configs = new ConfigCache(values.config);
  if (values.config) configs.forDocument('.');
  const results: FileResult[] = [];
  if (values.stdin) {
    if (values.fix) throw new UsageError('--fix cannot rewrite standard input; lint a file instead.');
    const text = readFileSync(0, 'utf8');
    results.push(lintText(text, values['stdin-filename'] ?? '<stdin>', configs, options).result);
  } else {
    if (paths.length === 0) throw new UsageError('give the files or folders to lint (or --stdin). See --help.');
    for (const file of expandOrFail(paths)) results.push(lintFile(file, readInput(file), configs, options));
  }
  printWarnings(configs);
  const printers: Record<string, (r: FileResult[]) => string> = { stylish, json, sarif: (r) => sarif(r, PM_VERSION), github };
  process.stdout.write(printers[format](results));
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings && format === 'stylish') {
    process.stderr.write(`postmortem-lint found too many warnings (maximum: ${maxWarnings}).\n`);
  }
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

async function timelineCommand(paths: string[], values: CliValues): Promise<number> {
  if (paths.length !== 1) throw new UsageError('timeline takes exactly one FILE.');
  const format = choose(values.format, ['json', 'text', 'svg', 'html'], 'json');
  const configs = new ConfigCache(values.config);
  const config = configs.forDocument(paths[0]);
  const now = parseNow(values.now);
  const analysis = analyze(readInput(paths[0]), { config, now });
  if (format === 'svg' || format === 'html') {
    const drawing = outline(paths[0], analysis, config.shared.requiredSections, now);
    process.stdout.write(format === 'svg' ? timelineSvg(drawing) : timelineHtml(drawing));
    return 0;
  }
  const report = timelineReport(paths[0], analysis);
  process.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : timelineText(report));
  return 0;
}

async function actionsCommand(paths: string[], values: CliValues): Promise<number> {
  const format = choose(values.format, ['json', 'csv', 'markdown'], 'json');
  const now = parseNow(values.now);
  const configs = new ConfigCache(values.config);
  const rows = expandOrFail(paths.length ? paths : ['.']).flatMap((file) => actionRows(file, analyze(readInput(file), { config: configs.forDocument(file), now }), now));
  process.stdout.write(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : format === 'csv' ? actionsCsv(rows) : actionsMarkdown(rows));
  return 0;
}

export async function runCommand(positionals: string[], values: CliValues): Promise<number> {
  const [first, ...rest] = positionals;
  if (first === 'timeline') return timelineCommand(rest, values);
  if (first === 'actions') return actionsCommand(rest, values);
  return lintCommand(positionals, values);
}
