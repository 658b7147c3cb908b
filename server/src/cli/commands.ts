// The CLI's three commands: lint (default), timeline, actions. `actions` reads the same postmortems lint does.
import { readFileSync } from 'node:fs';
import { findRepoRoot } from '../config/load';
import { analyze } from '../engine/analyze';
import { outline } from '../features/outline';
import { timelineHtml, timelineSvg } from '../render/timelineSvg';
import { decode } from './encoding';
import { expandPaths, isPostmortemInProject } from './files';
import { IgnoreRules } from './ignores';
import { ConfigCache } from './lint';
import { lintCommand } from './lintCommand';
import { reportCommand } from './report';
import { printTracked, trackersWanted, withTrackerStates } from './trackersOption';
import { actionRows, actionsCsv, actionsMarkdown, timelineReport, timelineText } from './reports';
import { parseNow, UsageError, type CliValues } from './usage';

export { UsageError, type CliValues } from './usage';

function choose(format: string | undefined, allowed: string[], fallback: string): string {
  const f = format ?? fallback;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got "${f}".`);
  return f;
}

function readInput(path: string): string {
  try {
    return decode(readFileSync(path)).text;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
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

/** The postmortems among the paths, found and detected as the lint command finds them. */
function postmortemTexts(paths: string[], values: CliValues): Array<{ file: string; text: string }> {
  const cwd = process.cwd();
  const root = findRepoRoot(cwd) ?? cwd;
  const ignores = new IgnoreRules(root, cwd, [...(values.ignore ?? []), ...paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1))]);
  const { files, missing } = expandPaths(paths.filter((p) => !p.startsWith('!')), undefined, ignores);
  if (missing.length) throw new UsageError(`no such file or folder, or nothing matched: ${missing.join(', ')}`);
  return files
    .map((file) => ({ file, text: readInput(file) }))
    .filter(({ file, text }) => values['all-markdown'] || isPostmortemInProject(file, text, root));
}

async function actionsCommand(paths: string[], values: CliValues): Promise<number> {
  const format = choose(values.format, ['json', 'csv', 'markdown'], 'json');
  const now = parseNow(values.now);
  const configs = new ConfigCache(values.config);
  const rows = postmortemTexts(paths.length ? paths : ['.'], values).flatMap(({ file, text }) => actionRows(file, analyze(text, { config: configs.forDocument(file), now }), now));
  if (trackersWanted(values.trackers, configs.forDocument(paths[0] ?? '.'))) {
    process.stdout.write(printTracked(format, await withTrackerStates(rows, (f) => configs.forDocument(f))));
    return 0;
  }
  process.stdout.write(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : format === 'csv' ? actionsCsv(rows) : actionsMarkdown(rows));
  return 0;
}

export async function runCommand(positionals: string[], values: CliValues): Promise<number> {
  const [first, ...rest] = positionals;
  if (first === 'timeline') return timelineCommand(rest, values);
  if (first === 'actions') return actionsCommand(rest, values);
  if (first === 'report') {
    const format = choose(values.format, ['html', 'json', 'markdown'], 'html');
    process.stdout.write(await reportCommand(postmortemTexts(rest.length ? rest : ['.'], values), new ConfigCache(values.config), { format, now: parseNow(values.now), trackers: values.trackers }));
    return 0;
  }
  return lintCommand(positionals, values, parseNow(values.now));
}
