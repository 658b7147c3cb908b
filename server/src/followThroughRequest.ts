// The follow-through report for an editor: the same data and HTML as `postmortem-lint report`, over
// the Markdown files the client found in the workspace (open documents read as they are in the
// editor), with the tracker states read in the background. One document is analysed per turn, so
// diagnostics and other requests are answered in between.
import type { ResolvedConfig } from './config/types';
import type { Interest } from './documents';
import { analyze } from './engine/analyze';
import { LineIndex } from './engine/lineIndex';
import type { Postmortem } from './model/types';
import { buildReport, type ReportInput } from './render/reportData';
import { reportHtml } from './render/reportHtml';
import { folderOf } from './service/fileSystem';
import type { FollowThroughParams, FollowThroughResult } from './trackerProtocol';
import { stateLookup } from './trackers/lookup';
import type { TrackerState } from './trackers/types';

export interface FollowThroughSources {
  /** The text of an open document, if open. */
  openText(uri: string): string | undefined;
  /** A file's text through the server's file system (Node, or the client's in a web worker). */
  readFile(uri: string): Promise<string>;
  /** A file's size, asked before reading it: a file over the limit is never read whole. */
  stat(uri: string): Promise<{ size: number } | undefined>;
  isPostmortem(uri: string, text: string): boolean;
  configFor(uri: string): Promise<ResolvedConfig>;
  maxFileSize(): number;
  trackerStates(uri: string): Record<string, TrackerState> | undefined;
  now(): Date;
  /**
   * The model of a text, analysed off the server's main thread (the editor's analysis host), so a
   * large or slow file cannot freeze the server; undefined skips the file (its analysis was stopped
   * or failed, or the request was cancelled). Without it, each file is analysed here in one go.
   */
  analyze?(text: string, config: ResolvedConfig, now: Date, token: Interest): Promise<Postmortem | undefined>;
}

async function textOf(uri: string, sources: FollowThroughSources): Promise<string | undefined> {
  const open = sources.openText(uri);
  if (open !== undefined) return open;
  try {
    const stat = await sources.stat(uri);
    if (!stat || stat.size > sources.maxFileSize()) return undefined;
    return await sources.readFile(uri);
  } catch {
    return undefined; // deleted since the client listed it
  }
}

const NOT_CANCELLED: Interest = { isCancellationRequested: false };

/** The report over the files the client listed; null when the request was cancelled (a newer drawing replaces it). */
export async function followThroughReport(params: FollowThroughParams, sources: FollowThroughSources, token: Interest = NOT_CANCELLED): Promise<FollowThroughResult | null> {
  const inputs: ReportInput[] = [];
  const links: Record<string, string> = {};
  let scale: readonly string[] | undefined;
  const now = sources.now();
  // A configuration file applies to a whole folder: resolve it once per folder.
  const configs = new Map<string, Promise<ResolvedConfig>>();
  const configFor = (uri: string) => {
    const folder = folderOf(uri);
    if (!configs.has(folder)) configs.set(folder, sources.configFor(uri));
    return configs.get(folder)!;
  };
  for (const { uri, label } of params.files ?? []) {
    if (token.isCancellationRequested) return null;
    const text = await textOf(uri, sources);
    if (text === undefined || text.length > sources.maxFileSize() || !sources.isPostmortem(uri, text)) continue;
    const config = await configFor(uri);
    scale ??= config.shared.severityScale;
    const states = sources.trackerStates(uri);
    const lookup = states && stateLookup(states, config.trackers ?? {});
    try {
      const model = sources.analyze ? await sources.analyze(text, config, now, token) : analyze(text, { config, now }).model;
      if (!model) continue;
      const lines = new LineIndex(text);
      inputs.push({ file: label, model, lineOf: (offset) => lines.line(offset) + 1, trackerState: lookup });
      links[label] = uri;
    } catch {
      // One document that cannot be read never stops the report.
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (token.isCancellationRequested) return null;
  const report = buildReport(inputs, now, scale ?? []);
  return { html: reportHtml(report, { scriptNonce: params.nonce }), links, postmortems: inputs.length };
}
