// Keystroke to diagnostics through the real server over stdio, as `npm run bench` and
// bench/serverKeystroke.ts measure it. Each round types one character as VS Code sends it (the changed
// range only: the server declares incremental sync), pulls diagnostics as VS Code asks (with the last
// result id, so the server may answer "unchanged") and again for a full report, and times remark's
// parse of the same document in this process. The parse is the ratio's denominator: measured in the
// same rounds as the keystrokes, load that drifts during a run moves both alike (measured apart, the
// 200-line document's parse varied from 16 ms to 36 ms between runs, and its ratio with it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER } from '../test/helpers/lspClient';
import { parseMarkdown } from '../server/src/parsing/markdown';
import { RULE_DOCS_FROM_CODE } from '../server/src/protocol';
import { serverProcessOptions } from '../server/src/serverLaunch';
import { editor } from './generate';
import { threadCpu, type ThreadCpu } from './threadCpu';

export interface RoundOptions {
  runs: number;
  /** The heading of the section the edit lands in (bench/generate.ts editor). */
  inside?: string;
  /** Another build's dist/server.js (its dist/ siblings beside it); this repository's by default. */
  server?: string;
  /** Sends the whole text with each change, as the bench did before 2026-11-30 (not what VS Code sends). */
  wholeText?: boolean;
  /** Answers the requests VS Code sends after a change (symbols, code lenses, code actions) before each keystroke, counted in its time. */
  features?: boolean;
  /** Writes a --cpu-prof profile of each server thread here when the server exits. */
  profDir?: string;
}

export interface ServerKeystrokes {
  /** Medians, ms: keystroke to diagnostics as VS Code asks, with a full report, and remark's parse of the document in the same rounds. */
  vscode: number;
  full: number;
  parse: number;
  /** How many of the `runs` reports asked as VS Code asks were answered "unchanged". */
  unchanged: number;
  /** The server's CPU ms per keystroke, main thread and other threads (analysis workers, V8's helpers). */
  cpu: ThreadCpu;
  /** The server's resident memory at the end, MB. */
  rssMb: number;
}

/** The resident memory of a process, in MB (Linux; 0 elsewhere). */
export function rssOf(pid: number | undefined): number {
  try {
    return pid ? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024 : 0;
  } catch {
    return 0;
  }
}

export const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

/** The one change that turns `before` into `after`, as an editor sends it: the replaced range (in `before`) and the new text. */
export function changeBetween(before: TextDocument, after: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const old = before.getText();
  let prefix = 0;
  const most = Math.min(old.length, after.length);
  while (prefix < most && old.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && old.charCodeAt(old.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { range: { start: before.positionAt(prefix), end: before.positionAt(old.length - suffix) }, text: after.slice(prefix, after.length - suffix) };
}

export async function serverKeystrokes(text: string, options: RoundOptions): Promise<ServerKeystrokes> {
  const launch = serverProcessOptions();
  const prof = options.profDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profDir}`] : [];
  const child = spawn(process.execPath, [...launch.execArgv, ...prof, options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...launch.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  // As the VS Code client initializes: it takes docs links, and makes them itself from each finding's code (protocol.ts RULE_DOCS_FROM_CODE).
  const capabilities = { textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true } } };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null, initializationOptions: { [RULE_DOCS_FROM_CODE]: true } });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///bench/postmortems/generated.md';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  let shown = TextDocument.create(uri, 'markdown', 1, text);
  const next = editor(text, options.inside);
  let resultId: string | undefined;
  let unchanged = 0;
  const document = { textDocument: { uri } };
  const features = () => {
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return Promise.all([
      connection.sendRequest('textDocument/documentSymbol', document),
      connection.sendRequest('textDocument/codeLens', document),
      connection.sendRequest('textDocument/codeAction', { ...document, range: cursor, context: { diagnostics: [], triggerKind: 2 } }),
    ]);
  };
  /** One keystroke, timed from the change sent to the diagnostics received (the change is worked out before). */
  const keystroke = async (asVsCode: boolean): Promise<number> => {
    const typed = next();
    const change = options.wholeText ? { text: typed } : changeBetween(shown, typed);
    shown = TextDocument.create(uri, 'markdown', shown.version + 1, typed);
    const start = performance.now();
    if (options.features) await features();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: shown.version }, contentChanges: [change] });
    const report = await connection.sendRequest<{ kind: string; resultId?: string }>('textDocument/diagnostic', { ...document, previousResultId: asVsCode ? resultId : undefined });
    const took = performance.now() - start;
    if (asVsCode && report.kind === 'unchanged') unchanged++;
    resultId = report.resultId;
    return took;
  };
  parseMarkdown(text);
  for (let i = 0; i < 4; i++) await keystroke(i % 2 === 0);
  unchanged = 0;
  const times = { vscode: [] as number[], full: [] as number[], parse: [] as number[] };
  let serverCpu = { main: 0, others: 0 };
  for (let i = 0; i < options.runs; i++) {
    // The server's CPU is counted over its keystrokes only, not while this process parses.
    const start = performance.now();
    parseMarkdown(text);
    times.parse.push(performance.now() - start);
    // Not timed: the measured keystrokes follow a keystroke, as they did before the parse was
    // interleaved (right after a parse, this process's garbage and the server's idle spell made the
    // next keystroke 1.5-2x slower than the one after it).
    await keystroke(false);
    const from = threadCpu(child.pid);
    times.vscode.push(await keystroke(true));
    times.full.push(await keystroke(false));
    const to = threadCpu(child.pid);
    serverCpu = { main: serverCpu.main + to.main - from.main, others: serverCpu.others + to.others - from.others };
  }
  const rssMb = rssOf(child.pid);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  const perKeystroke = 2 * options.runs;
  return { vscode: median(times.vscode), full: median(times.full), parse: median(times.parse), unchanged, cpu: { main: serverCpu.main / perKeystroke, others: serverCpu.others / perKeystroke }, rssMb };
}
