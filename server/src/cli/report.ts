// `postmortem-lint report PATHS --format html|json|markdown [--trackers]`: the follow-through report.
import { analyze } from '../engine/analyze';
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
}

/** Builds the report over documents the command already chose (the postmortems among the paths) and read. */
export async function reportCommand(documents: ReadonlyArray<{ file: string; text: string }>, configs: ConfigCache, options: ReportOptions): Promise<string> {
  const inputs: ReportInput[] = documents.map(({ file, text }) => {
    const analysis = analyze(text, { config: configs.forDocument(file), now: options.now });
    return { file, model: analysis.model, lineOf: (offset: number) => analysis.lines.line(offset) + 1 };
  });
  const files = documents.map((d) => d.file);
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
