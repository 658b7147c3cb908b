// Expands the CLI's path arguments: files as given, folders searched, globs matched.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx', '.qmd'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

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
      if (!SKIP_DIRS.has(name)) walkFolder(path, accept, out);
    } else if (accept(path)) out.push(path);
  }
}

export function isMarkdownPath(path: string, extensions = MARKDOWN_EXTENSIONS): boolean {
  const lower = path.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
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
    if (stat.isDirectory()) walkFolder(arg, (p) => isMarkdownPath(p, extensions), files);
    else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
