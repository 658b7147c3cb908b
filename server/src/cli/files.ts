// Expands the CLI's path arguments: files as given, folders searched, globs matched. Walks never
// follow symbolic links (so a link loop or a link out of the tree is never entered), prune ignored
// folders, and skip the folders no postmortem lives in.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { isMarkdownPath, isPostmortemFile, MARKDOWN_EXTENSIONS, SKIPPED_FOLDERS } from '../markdownFiles';
import { rootRelative } from './ciFormats';
import type { IgnoreRules } from './ignores';

interface Walk {
  accept: (path: string) => boolean;
  ignores?: IgnoreRules;
  out: string[];
  /** Real paths of folders already walked: a second way into one is not taken. */
  seen: Set<string>;
}

function walkFolder(dir: string, walk: Walk): void {
  let real: string;
  let names: string[];
  try {
    real = realpathSync(dir);
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  if (walk.seen.has(real)) return;
  walk.seen.add(real);
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name) && !walk.ignores?.ignores(resolve(path), true)) walkFolder(path, walk);
    } else if (stat.isFile() && walk.accept(path) && !walk.ignores?.ignores(resolve(path), false)) walk.out.push(path);
  }
}

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing: a usage error. */
  missing: string[];
  /** Files named on the command line that an ignore rule skips. */
  ignored: string[];
}

/**
 * Files named on the command line are kept unless an ignore rule matches them; what a folder or a
 * glob finds is filtered by the ignore rules while walking.
 */
export function expandPaths(args: string[], extensions = MARKDOWN_EXTENSIONS, ignores?: IgnoreRules): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const ignored: string[] = [];
  for (const arg of args) {
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const match = picomatch(arg, { dot: false });
      const out: string[] = [];
      walkFolder(scan.base || '.', { accept: (p) => match(p) || match(relative('.', p)), ignores, out, seen: new Set() });
      if (out.length === 0) missing.push(arg);
      files.push(...out);
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
      const out: string[] = [];
      walkFolder(arg, { accept: (p) => isMarkdownPath(p, extensions), ignores, out, seen: new Set() });
      if (out.length === 0) missing.push(`${arg} (no ${extensions.join('/')} files in it)`);
      files.push(...out);
    } else if (ignores?.ignores(resolve(arg), false)) ignored.push(arg);
    else files.push(arg);
  }
  return { files: [...new Set(files)], missing, ignored };
}

/**
 * The editor's postmortem test, for a file in the project at `root`. The globs see the path from
 * the project folder including that folder's own name, as the editor sees a workspace folder: in a
 * repository named `post-mortems` every file is under `post-mortems/`. Folders above the project
 * do not count, so a checkout that lives under `~/incidents/` does not turn its README into one.
 */
export function isPostmortemInProject(file: string, text: string, root: string): boolean {
  const inside = rootRelative(file, root);
  return isPostmortemFile(inside === undefined ? resolve(file) : `${basename(root)}/${inside}`, text);
}
