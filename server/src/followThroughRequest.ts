// The follow-through report for an editor: the same data and HTML as `postmortem-lint report`, over
// the Markdown files the client found in the workspace (open documents read as they are in the
// editor), with the tracker states read in the background. One document is analysed per turn, so
// diagnostics and other requests are answered in between.
import type { ResolvedConfig } from './config/types';
import { analyze } from './engine/analyze';
import { buildReport, type ReportInput } from './render/reportData';
import { reportHtml } from './render/reportHtml';
import type { FollowThroughParams, FollowThroughResult } from './trackerProtocol';
import { stateLookup } from './trackers/lookup';
import type { TrackerState } from './trackers/types';

export interface FollowThroughSources {
  /** The text of an open document, if open. */
  openText(uri: string): string | undefined;
  /** A file's text through the server's file system (Node, or the client's in a web worker). */
  readFile(uri: string): Promise<string>;
  isPostmortem(uri: string, text: string): boolean;
  configFor(uri: string): Promise<ResolvedConfig>;
  maxFileSize(): number;
  trackerStates(uri: string): Record<string, TrackerState> | undefined;
  now(): Date;
}

async function textOf(uri: string, sources: FollowThroughSources): Promise<string | undefined> {
  const open = sources.openText(uri);
  if (open !== undefined) return open;
  try {
    return await sources.readFile(uri);
  } catch {
    return undefined; // deleted since the client listed it
  }
}

export async function followThroughReport(params: FollowThroughParams, sources: FollowThroughSources): Promise<FollowThroughResult> {
  const inputs: ReportInput[] = [];
  const links: Record<string, string> = {};
  let scale: readonly string[] | undefined;
  const now = sources.now();
  // A configuration file applies to a whole folder: resolve it once per folder.
  const configs = new Map<string, Promise<ResolvedConfig>>();
  const configFor = (uri: string) => {
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    if (!configs.has(folder)) configs.set(folder, sources.configFor(uri));
    return configs.get(folder)!;
  };
  for (const { uri, label } of params.files ?? []) {
    const text = await textOf(uri, sources);
    if (text === undefined || text.length > sources.maxFileSize() || !sources.isPostmortem(uri, text)) continue;
    const config = await configFor(uri);
    scale ??= config.shared.severityScale;
    const states = sources.trackerStates(uri);
    const lookup = states && stateLookup(states, config.trackers ?? {});
    try {
      const analysis = analyze(text, { config, now });
      inputs.push({ file: label, model: analysis.model, lineOf: (offset) => analysis.lines.line(offset) + 1, trackerState: lookup });
      links[label] = uri;
    } catch {
      // One document that cannot be read never stops the report.
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const report = buildReport(inputs, now, scale ?? []);
  return { html: reportHtml(report, { scriptNonce: params.nonce }), links, postmortems: inputs.length };
}
