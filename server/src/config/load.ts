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

/**
 * A configuration is a few rules and section names: a few KB. A larger one is not read (its YAML
 * parse would hold up every check of every document; 2 MB took over a second).
 */
export const CONFIG_MAX_CHARS = 256 * 1024;

export function parseConfigText(text: string, file: string): PostmortemConfig {
  if (text.length > CONFIG_MAX_CHARS) throw new ConfigError(file, `is ${Math.round(text.length / 1024)} KB; a configuration over ${CONFIG_MAX_CHARS / 1024} KB is not read, so the defaults apply.`);
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

/** A configuration file's text as read (any byte-order mark dropped), or the reason it could not be read. */
export function configFromFile(file: string, read: () => string): PostmortemConfig;
export function configFromFile(file: string, read: () => Promise<string>): Promise<PostmortemConfig>;
export function configFromFile(file: string, read: () => string | Promise<string>): PostmortemConfig | Promise<PostmortemConfig> {
  const unreadable = (error: unknown) => new ConfigError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  const parse = (text: string) => parseConfigText(text.replace(/^\uFEFF/, ''), file);
  let text: string | Promise<string>;
  try {
    text = read();
  } catch (error) {
    throw unreadable(error);
  }
  return typeof text === 'string' ? parse(text) : text.then(parse, (error: unknown) => Promise.reject(unreadable(error)));
}

export function readConfigFile(file: string): PostmortemConfig {
  return configFromFile(file, () => readFileSync(file, 'utf8'));
}

/**
 * The upward search for a configuration file, written once for every reader: it yields each name
 * to test ("does this exist?") and is answered with true or false, synchronously by the CLI and
 * asynchronously by the language service. In each folder it tries CONFIG_NAMES in order; it stops
 * at `stopAt`, at the root, and at a folder that holds `.git` (the repository root).
 * Returns the configuration file found, or undefined.
 */
export function* configSearch(folder: string, step: { join(dir: string, name: string): string; parent(dir: string): string | undefined }, stopAt?: string): Generator<string, string | undefined, boolean> {
  for (let dir = folder; ;) {
    for (const name of CONFIG_NAMES) {
      const candidate = step.join(dir, name);
      if (yield candidate) return candidate;
    }
    const parent = step.parent(dir);
    if (parent === undefined || parent === dir || dir === stopAt || (yield step.join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/** Runs configSearch, answering with an asynchronous existence test. */
export async function searchAsync(search: Generator<string, string | undefined, boolean>, exists: (name: string) => Promise<boolean>): Promise<string | undefined> {
  for (let next = search.next(); ; ) {
    if (next.done) return next.value;
    next = search.next(await exists(next.value));
  }
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
  const search = configSearch(resolve(folder), { join, parent: dirname }, stopAt === undefined ? undefined : resolve(stopAt));
  for (let next = search.next(); ; ) {
    if (next.done) return next.value;
    next = search.next(existsSync(next.value));
  }
}
