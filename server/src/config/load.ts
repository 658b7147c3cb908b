// Finds and reads .postmortemrc.json / .postmortemrc.yaml from a document's folder upward.
// Configuration is data only: no JavaScript config files, so a workspace cannot run code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The nearest configuration file at or above `folder`, or undefined. */
export function findConfigFile(folder: string, stopAt?: string): string | undefined {
  let dir = folder;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === stopAt) return undefined;
    dir = parent;
  }
}
