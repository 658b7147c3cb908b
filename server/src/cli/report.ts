// `postmortem-lint report PATHS --format html|json|markdown [--trackers]`: the follow-through report.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyze } from '../engine/analyze';
import { isPostmortemFile } from '../markdownFiles';
import type { ActionItem } from '../model/types';
import { buildReport, type ReportInput } from '../render/reportData';
import { reportHtml } from '../render/reportHtml';
import { reportMarkdown } from '../render/reportMarkdown';
import { checkItems } from '../trackers/check';
import { envFrom } from '../trackers/clients';
import { defaultCacheFile, FileCache } from '../trackers/fileCache';
import { TrackerHttp } from '../trackers/http';
import type { TrackerState } from '../trackers/types';
import type { ConfigCache } from './lint';

export interface ReportOptions {
  format: string;
  now: Date;
  trackers?: boolean;
  /** Count every Markdown file given, postmortem or not (as the lint command's --all-markdown). */
  allMarkdown?: boolean;
}

/** Reads files as given; one that cannot be read or parsed is skipped with a note, never fatal. */
export async function reportCommand(files: string[], configs: ConfigCache, options: ReportOptions): Promise<string> {
  const inputs: ReportInput[] = [];
  let notPostmortems = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`postmortem-lint: skipping ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      continue;
    }
    // A README or runbook beside the postmortems is not an incident: the editor's detection decides.
    if (!options.allMarkdown && !isPostmortemFile(relative(process.cwd(), resolve(file)), text)) {
      notPostmortems++;
      continue;
    }
    const config = configs.forDocument(file);
    const analysis = analyze(text, { config, now: options.now });
    inputs.push({ file, model: analysis.model, lineOf: (offset) => analysis.lines.line(offset) + 1 });
  }
  if (notPostmortems) process.stderr.write(`postmortem-lint: report: skipped ${notPostmortems} Markdown file${notPostmortems === 1 ? '' : 's'} that ${notPostmortems === 1 ? 'is' : 'are'} not a postmortem (pass --all-markdown to count every file).\n`);
  const wanted = options.trackers ?? (files.length > 0 && configs.forDocument(files[0]).trackers?.enabled) ?? false;
  if (wanted) await attachTrackerStates(inputs, configs);
  const scale = files.length ? configs.forDocument(files[0]).shared.severityScale : [];
  const report = buildReport(inputs, options.now, scale);
  return options.format === 'html' ? reportHtml(report) : options.format === 'markdown' ? reportMarkdown(report) : JSON.stringify(report, null, 2) + '\n';
}

async function attachTrackerStates(inputs: ReportInput[], configs: ConfigCache): Promise<void> {
  const all = inputs.flatMap((input) => input.model.actionItems.map((item) => ({ input, item })));
  const cache = new FileCache(defaultCacheFile(process.env));
  const results = await checkItems(all.map(({ input, item }) => ({ item, config: configs.forDocument(input.file).trackers ?? {} })), new TrackerHttp({ cache }), envFrom(process.env));
  cache.save();
  const states = new Map<ActionItem, TrackerState>();
  all.forEach(({ item }, i) => states.set(item, { state: results[i].trackerState, closedAt: results[i].trackerClosedAt ?? undefined }));
  for (const input of inputs) input.trackerState = (item) => states.get(item);
}
