// Finds and reads .postmortemrc.json / .postmortemrc.yaml from a document's folder upward.
// Configuration is data only: no JavaScript config files, so a workspace cannot run code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PostmortemConfig } from './types';

export const CONFIG_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml', '.postmortemrc'];

export class ConfigError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
  }
}

export function parseConfigText(text: string, file: string): PostmortemConfig {
  let data: unknown;
  try {
    data = file.endsWith('.json') || /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, `not valid ${file.endsWith('.json') ? 'JSON' : 'JSON or YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, 'the configuration must be an object with keys such as "rules" and "requiredSections".');
  return data as PostmortemConfig;
}

export function readConfigFile(file: string): PostmortemConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return parseConfigText(text.replace(/^\uFEFF/, ''), file);
}

/** The nearest folder at or above `folder` that holds `.git` (a folder, or a file in worktrees). */
export function findRepoRoot(folder: string): string | undefined {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where the upward search for a configuration file ends: the repository root, or, outside a
 * repository, the working directory when the folder lies inside it (else the folder itself).
 * A `.postmortemrc` in a home folder or at `/` must not silently steer a checkout's lint.
 */
export function configSearchBoundary(folder: string, cwd = process.cwd()): string {
  const repo = findRepoRoot(folder);
  if (repo) return repo;
  const from = relative(resolve(cwd), resolve(folder));
  return from === '' || (!from.startsWith('..') && !isAbsolute(from)) ? resolve(cwd) : resolve(folder);
}

/** The nearest configuration file at or above `folder`, not above `stopAt` nor above a repository root. */
export function findConfigFile(folder: string, stopAt?: string): string | undefined {
  let dir = resolve(folder);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === stop || existsSync(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}
