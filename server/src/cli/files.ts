// Expands the CLI's path arguments: files as given, folders searched, globs matched.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';
import { isMarkdownPath, MARKDOWN_EXTENSIONS, SKIPPED_FOLDERS } from '../markdownFiles';


function walkFolder(dir: string, accept: (path: string) => boolean, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name)) walkFolder(path, accept, out);
    } else if (accept(path)) out.push(path);
  }
}

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: a usage error. */
  missing: string[];
}

export function expandPaths(args: string[], extensions = MARKDOWN_EXTENSIONS): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (picomatch.scan(arg).isGlob) {
      const { base } = picomatch.scan(arg);
      const match = picomatch(arg, { dot: false });
      const found: string[] = [];
      walkFolder(base || '.', (p) => match(p) || match(relative('.', p)), found);
      if (found.length === 0) missing.push(arg);
      files.push(...found);
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walkFolder(arg, (p) => isMarkdownPath(p, extensions), found);
      if (found.length === 0) missing.push(`${arg} (no ${extensions.join('/')} files in it)`);
      files.push(...found);
    } else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
