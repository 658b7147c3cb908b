// The lint command: find the postmortems among the paths given (the editor's detection, .gitignore,
// --ignore, negated globs, config `ignores`), lint them, apply safe fixes when asked, print, and
// decide the exit code (errors or warnings beyond --max-warnings fail; info and hints never do).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findRepoRoot } from '../config/load';
import { gitlab, sarif } from './ciFormats';
import { decode, encode, refusalToRewrite } from './encoding';
import { expandPaths, isPostmortemInProject } from './files';
import { countSeverities, github, json, stylish, type FileResult, type PrintContext } from './format';
import { IgnoreRules } from './ignores';
import { ConfigCache, lintText, type LintOptions } from './lint';
import { addTrackerDrift, type LintedFile } from './lintTrackers';
import { writeIfUnchanged } from './safeWrite';
import { colorEnabled, escapeControl } from './terminal';
import { UsageError, type CliValues } from './usage';

const FORMATS: Record<string, (r: FileResult[], c: PrintContext) => string> = { stylish, json, github, sarif, gitlab };

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (n === -1) return Infinity;
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings expects a whole number (or -1 for no limit), got "${value}".`);
  return n;
}

interface Run {
  results: FileResult[];
  /** Files that could not be read or fixed: the run exits 2. */
  failures: string[];
  notes: string[];
  /** Files whose trackers are to be read (`--trackers`, or `trackers.enabled` in their configuration). */
  tracked: LintedFile[];
}

function lintPaths(args: string[], values: CliValues, configs: ConfigCache, options: LintOptions, root: string): Run {
  const run: Run = { results: [], failures: [], notes: [], tracked: [] };
  const cwd = process.cwd();
  const positive = args.filter((a) => !a.startsWith('!'));
  const negated = args.filter((a) => a.startsWith('!')).map((a) => a.slice(1));
  if (positive.length === 0) throw new UsageError('give the files or folders to lint (or --stdin). See --help.');
  const ignores = new IgnoreRules(root, cwd, [...(values.ignore ?? []), ...negated]);
  const { files, missing, ignored } = expandPaths(positive, undefined, ignores);
  if (missing.length) throw new UsageError(`no such file or folder, or nothing matched: ${missing.join(', ')}`);
  for (const file of ignored) run.notes.push(`${file}: skipped: ignored by .gitignore, --ignore or a !glob.`);
  let notPostmortems = 0;
  for (const file of files) {
    if (configs.ignored(file)) {
      if (positive.includes(file)) run.notes.push(`${file}: skipped: ignored by the configuration's "ignores".`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      run.failures.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      continue;
    }
    const { text, encoding } = decode(bytes);
    if (!values['all-markdown'] && !isPostmortemInProject(file, text, root)) {
      notPostmortems++;
      continue;
    }
    const refusal = options.fix ? refusalToRewrite(encoding) : undefined;
    if (encoding === 'binary') {
      (options.fix ? run.failures : run.notes).push(`${file}: skipped: ${refusalToRewrite(encoding)}.`);
      continue;
    }
    if (refusal) run.failures.push(`${file}: not fixed: it ${refusal}.`);
    let linted = lintText(text, file, configs, { ...options, fix: options.fix && !refusal });
    if (linted.fixed !== undefined) {
      const outcome = writeIfUnchanged(file, bytes, encode(linted.fixed, encoding));
      if (!outcome.ok) {
        run.failures.push(`${file}: not fixed: it ${outcome.reason}.`);
        linted = lintText(text, file, configs, { ...options, fix: false });
      }
    }
    if (trackersOn(values, configs, file)) run.tracked.push({ index: run.results.length, file, text: linted.analysis.text, items: linted.analysis.model.actionItems });
    run.results.push(linted.result);
  }
  if (run.results.length === 0 && notPostmortems > 0) {
    run.notes.push(`none of the ${notPostmortems} Markdown file${notPostmortems === 1 ? '' : 's'} given is a postmortem (by path, front matter \`type: postmortem\` or title); pass --all-markdown to lint every Markdown file.`);
  }
  return run;
}

function trackersOn(values: CliValues, configs: ConfigCache, file: string): boolean {
  return values.trackers ?? configs.forDocument(file).trackers?.enabled ?? false;
}

export async function lintCommand(args: string[], values: CliValues, now: Date): Promise<number> {
  const format = values.format ?? 'stylish';
  if (!FORMATS[format]) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}, got "${format}".`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  // A rule that throws loses its findings: name it, and fail the run (exit 2).
  const ruleFailures: string[] = [];
  const onRuleFailure = (file: string, ruleId: string, message: string) => void ruleFailures.push(`${file}: rule ${ruleId} failed: ${message}`);
  const options: LintOptions = { configPath: values.config, now, fix: !!values.fix, quiet: !!values.quiet, onRuleFailure };
  const configs = new ConfigCache(values.config);
  if (values.config) configs.forDocument('.');
  const root = findRepoRoot(process.cwd()) ?? process.cwd();
  let run: Run;
  if (values.stdin) {
    if (values.fix) throw new UsageError('--fix cannot rewrite standard input; lint a file instead.');
    const { text } = decode(readFileSync(0));
    const file = values['stdin-filename'] ?? '<stdin>';
    const linted = lintText(text, file, configs, options);
    run = { results: [linted.result], failures: [], notes: [], tracked: trackersOn(values, configs, file) ? [{ index: 0, file, text, items: linted.analysis.model.actionItems }] : [] };
  } else run = lintPaths(args, values, configs, options, root);
  if (run.tracked.length) run.notes.push(...await addTrackerDrift(run.results, run.tracked, configs, options));
  run.failures.push(...new Set(ruleFailures));

  const counts = countSeverities(run.results);
  const tooMany = counts.warning > maxWarnings
    ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'} found (maximum: ${maxWarnings}). Warnings fail the run by default: rewrite what they point at, or pass --max-warnings N to allow N.`
    : undefined;
  const output = values['output-file'];
  const context: PrintContext = { color: colorEnabled(output ? false : process.stdout.isTTY), root, version: PM_VERSION, tooManyWarnings: tooMany };
  const printed = FORMATS[format](run.results, context);
  if (output) {
    mkdirSync(dirname(resolve(output)), { recursive: true });
    writeFileSync(output, printed);
  } else process.stdout.write(printed);

  const say = (line: string): boolean => process.stderr.write(`postmortem-lint: ${escapeControl(line)}\n`);
  configs.warnings.forEach((w) => say(`warning: ${w}`));
  run.notes.forEach(say);
  run.failures.forEach(say);
  if (tooMany && (format !== 'stylish' || output)) say(tooMany);
  if (run.failures.length) return 2;
  return counts.error > 0 || tooMany ? 1 : 0;
}
