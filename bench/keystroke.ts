// Keystroke to diagnostics through the real server for the bench's generated documents, without the
// rest of `npm run bench` (a few minutes less; for measuring one change to the server). Two ways:
// - "pull": didChange + textDocument/diagnostic with the last result id, as `npm run bench` asks;
// - "with features": the same, then the requests VS Code sends after a change settles (document
//   symbols for the outline and breadcrumbs, code lenses, the code actions at the cursor), answered
//   before the next keystroke, so their cost on the server shows in the next keystroke's time.
// Wall-clock medians swing with the machine's load; the CPU time the server's threads spend per
// keystroke (Linux: /proc) swings less, and tells the main thread apart from the analysis workers.
// Alone:
//   npx esbuild bench/keystroke.ts --bundle --platform=node --outfile=out/bench/keystroke.js
//   node out/bench/keystroke.js [runs] [200,1500,15000]
import { threadCpu, type ThreadCpu } from './threadCpu';
import { TestClient } from '../test/helpers/lspClient';
import { editor, generatePostmortem } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface KeystrokeTimes {
  pull: number;
  withFeatures: number;
  /** The feature requests alone, once diagnostics are in. */
  features: number;
  /** CPU ms per keystroke of the server's main thread and of its other threads (analysis workers, V8's helpers), each way. */
  cpu: { pull: ThreadCpu; withFeatures: ThreadCpu };
}

export async function keystrokeTimes(text: string, runs: number): Promise<KeystrokeTimes> {
  const client = new TestClient();
  await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  const uri = 'file:///bench/postmortems/keystroke.md';
  await client.open(uri, text);
  const next = editor(text);
  let version = 1;
  let resultId: string | undefined;
  const times: Record<Exclude<keyof KeystrokeTimes, 'cpu'>, number[]> = { pull: [], withFeatures: [], features: [] };
  const keystroke = async (features: boolean) => {
    version++;
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next() }] });
    const report = await client.connection.sendRequest<{ resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
    resultId = report.resultId;
    const diagnosed = performance.now();
    if (!features) return times.pull.push(diagnosed - start);
    const document = { textDocument: { uri } };
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await Promise.all([
      client.connection.sendRequest('textDocument/documentSymbol', document),
      client.connection.sendRequest('textDocument/codeLens', document),
      client.connection.sendRequest('textDocument/codeAction', { ...document, range: cursor, context: { diagnostics: [], triggerKind: 2 } }),
    ]);
    times.withFeatures.push(diagnosed - start);
    times.features.push(performance.now() - diagnosed);
  };
  for (let i = 0; i < 4; i++) await keystroke(i % 2 === 0);
  for (const key of Object.keys(times) as Array<keyof typeof times>) times[key].length = 0;
  for (let i = 0; i < runs; i++) {
    await keystroke(false);
    await keystroke(true);
  }
  // CPU per keystroke, each way in a phase of its own (threads' CPU cannot be told apart by request).
  const cpu = {} as KeystrokeTimes['cpu'];
  const phase = Math.max(runs * 2, 20);
  for (const way of ['pull', 'withFeatures'] as const) {
    const before = threadCpu(client.pid);
    for (let i = 0; i < phase; i++) await keystroke(way === 'withFeatures');
    const after = threadCpu(client.pid);
    cpu[way] = { main: (after.main - before.main) / phase, others: (after.others - before.others) / phase };
  }
  await client.stop();
  return { pull: median(times.pull), withFeatures: median(times.withFeatures), features: median(times.features), cpu };
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 31);
  const sizes = (process.argv[3] ?? '200,1500,15000').split(',').map(Number);
  void (async () => {
    for (const lines of sizes) {
      const t = await keystrokeTimes(generatePostmortem(lines, 1), lines > 10000 ? Math.min(runs, 7) : runs);
      const cpu = (c: ThreadCpu) => `server CPU ${c.main.toFixed(1)} ms main thread + ${c.others.toFixed(1)} ms other threads`;
      console.log(`${lines} lines: keystroke to diagnostics ${t.pull.toFixed(2)} ms (${cpu(t.cpu.pull)}); with VS Code's follow-up requests ${t.withFeatures.toFixed(2)} ms, the requests themselves ${t.features.toFixed(2)} ms (${cpu(t.cpu.withFeatures)})`);
    }
  })();
}
