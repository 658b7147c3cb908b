// Runs the bundled CLI in a folder and builds throwaway repositories for the CLI tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, writeFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export function runCli(args: string[], cwd: string, options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: options.input, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function tempFolder(prefix = 'pm-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → text or bytes) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function gitInit(root: string): void {
  const r = spawnSync('git', ['init', '-q', root], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** Every file's bytes (links as their target text), to prove that nothing else changed. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === '.git') continue;
      const path = join(dir, name);
      const stat = lstatSync(path);
      const key = relative(root, path);
      if (stat.isSymbolicLink()) out.set(key, `link -> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) walk(path);
      else out.set(key, readFileSync(path).toString('base64'));
    }
  };
  walk(root);
  return out;
}

/** A postmortem (by its title) with blame wording, an unowned action item and no timeline. */
export const BLAMEFUL = [
  '# Postmortem: database failover',
  '',
  '## Summary',
  '',
  'The primary database failed over at 14:02 UTC and writes failed for 12 minutes.',
  '',
  '## Root cause',
  '',
  'Human error: the operator forgot to renew the certificate.',
  '',
  '## Action items',
  '',
  '- Add an alert on certificate expiry',
  '',
].join('\n');
