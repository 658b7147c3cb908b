#!/usr/bin/env node
// The npm bin started by another editor (`node dist/server.js --stdio`, without the VS Code client's
// flags and environment) on a Node that has process.execve (22.15+; setup.sh installs Node 24):
// the server must restart in place with the memory settings (same pid, the initialize request
// written before the restart still answered). Usage: node test/e2e/relaunch.mjs NODE
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const node = process.argv[2];
const child = spawn(node, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '' } });
let out = '';
child.stdout.on('data', (chunk) => (out += chunk));
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
const failures = [];
for (let i = 0; i < 100 && !out.includes('"id":1'); i++) await new Promise((r) => setTimeout(r, 100));
if (!out.includes('"serverInfo"')) failures.push('no answer to initialize');
const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
if (!cmdline.some((a) => a.startsWith('--max-semi-space-size='))) failures.push(`not restarted with the flags: ${cmdline.join(' ')}`);
for (const name of ['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']) if (!environ.some((e) => e.startsWith(`${name}=`))) failures.push(`not restarted with ${name}`);
if (out.includes('Started without its memory settings')) failures.push('logged that it runs without the settings');
child.kill();
if (failures.length > 0) {
  console.error(`relaunch: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`relaunch: ${node} restarted the server in place (pid ${child.pid}) with ${cmdline.filter((a) => a.startsWith('--')).join(' ')}`);
