// Keystroke to diagnostics through the real server, as `npm run bench`'s server section measures it
// (as VS Code asks / a full report each time, alternating), for chosen documents only, with the
// server's CPU per keystroke (main thread / other threads): for comparing two builds of the server
// on a loaded machine, where wall-clock medians swing.
//   npx esbuild bench/serverKeystroke.ts --bundle --platform=node --outfile=out/bench/serverKeystroke.js
//   node out/bench/serverKeystroke.js [200,1500,15000,timeline,actionTable] [runs]
// Environment: PM_SERVER=path/to/server.js (another build, e.g. main's, copied with its dist/ siblings);
// PROF_DIR=dir (a --cpu-prof profile of each server thread, written when it exits); FEATURES=1 (the
// requests VS Code sends after a change, answered before each keystroke and counted in its time).
import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { SERVER } from '../test/helpers/lspClient';
import { serverProcessOptions } from '../server/src/serverLaunch';
import { parseMarkdown } from '../server/src/parsing/markdown';
import { editor, generateLongSection, generatePostmortem } from './generate';
import { threadCpu } from './threadCpu';

const DOCUMENTS: Record<string, { text: string; inside?: string }> = {
  200: { text: generatePostmortem(200, 1) },
  1500: { text: generatePostmortem(1500, 1) },
  15000: { text: generatePostmortem(15000, 1) },
  timeline: { text: generateLongSection('timeline'), inside: '## Timeline' },
  actionTable: { text: generateLongSection('actionTable'), inside: '## Follow-up actions' },
};

const middle = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

async function measure(text: string, runs: number, inside?: string) {
  const launch = serverProcessOptions();
  // PROF_DIR: a CPU profile of the server's threads (written when it exits).
  const prof = process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...launch.execArgv, ...prof, process.env.PM_SERVER ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...launch.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const client = { connection };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } }, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///bench/postmortems/generated.md';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  let version = 1;
  const next = editor(text, inside);
  let resultId: string | undefined;
  let unchanged = 0;
  // FEATURES=1: after each keystroke's diagnostics, the requests VS Code sends after a change (as bench/keystroke.ts).
  const features = async () => {
    if (!process.env.FEATURES) return;
    const document = { textDocument: { uri } };
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await Promise.all([
      connection.sendRequest('textDocument/documentSymbol', document),
      connection.sendRequest('textDocument/codeLens', document),
      connection.sendRequest('textDocument/codeAction', { ...document, range: cursor, context: { diagnostics: [], triggerKind: 2 } }),
    ]);
  };
  const keystroke = async (asVsCode: boolean) => {
    await features();
    version++;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next() }] });
    const report = await client.connection.sendRequest<{ kind: string; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: asVsCode ? resultId : undefined });
    if (asVsCode && report.kind === 'unchanged') unchanged++;
    resultId = report.resultId;
  };
  for (let i = 0; i < 4; i++) await keystroke(i % 2 === 0);
  unchanged = 0;
  const times = { vscode: [] as number[], full: [] as number[] };
  const before = threadCpu(child.pid);
  for (let i = 0; i < runs; i++) {
    for (const mode of ['vscode', 'full'] as const) {
      const start = performance.now();
      await keystroke(mode === 'vscode');
      times[mode].push(performance.now() - start);
    }
  }
  const after = threadCpu(child.pid);
  const cpu = { main: (after.main - before.main) / (2 * runs), others: (after.others - before.others) / (2 * runs) };
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await exited;
  connection.dispose();
  return { vscode: middle(times.vscode), full: middle(times.full), unchanged, cpu };
}

void (async () => {
  const names = (process.argv[2] ?? '200,1500,15000,timeline,actionTable').split(',');
  const runs = Number(process.argv[3] ?? 15);
  for (const name of names) {
    const { text, inside } = DOCUMENTS[name];
    parseMarkdown(text);
    const parses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      parseMarkdown(text);
      parses.push(performance.now() - t);
    }
    const parse = middle(parses);
    const n = name === '15000' ? 5 : runs;
    const k = await measure(text, n, inside);
    console.log(`${name}: as VS Code ${k.vscode.toFixed(2)} ms (${(k.vscode / parse).toFixed(2)}x, unchanged ${k.unchanged}/${n}), full ${k.full.toFixed(2)} ms (${(k.full / parse).toFixed(2)}x); parse ${parse.toFixed(1)} ms; server CPU per keystroke ${k.cpu.main.toFixed(1)} main + ${k.cpu.others.toFixed(1)} other threads`);
  }
})();
