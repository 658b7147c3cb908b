// Activation time, as a user waits for it: evaluating the client bundle in a fresh Node process
// (with a stand-in for the vscode module: the part of activation this extension controls), and the
// language server from process start to its `initialize` result. Medians of fresh processes: a
// second require in the same process would only read the module cache.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TestClient } from '../test/helpers/lspClient';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The script a fresh process runs: stub `vscode`, require the bundle, print the milliseconds. */
const LOAD_CLIENT = `
const Module = require('node:module');
const original = Module._load;
const stub = new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
Module._load = (request, ...rest) => (request === 'vscode' ? stub : original(request, ...rest));
const start = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - start));
`;

/** Median time to evaluate dist/client.js in a fresh process, over `runs` processes. */
export function clientLoadMs(root: string, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['-e', LOAD_CLIENT, join(root, 'dist', 'client.js')], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`loading the client bundle failed: ${child.stderr}`);
    times.push(Number(child.stdout));
  }
  return median(times);
}

/** Median time from spawning the language server to its `initialize` result, over `runs` servers. */
export async function serverStartMs(runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const client = new TestClient();
    await client.initialize({});
    times.push(performance.now() - start);
    await client.stop();
  }
  return median(times);
}
