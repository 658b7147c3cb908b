// @handles used in the workspace's postmortems, for owner completion. Built lazily on first use,
// off the keystroke path, and dropped when files change.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPostmortem } from '../documents';
import { MARKDOWN_EXTENSIONS, isMarkdownPath } from '../cli/files';

const HANDLE = /(?:^|[\s([,;])(@[A-Za-z0-9][\w.-]*[\w])/g;
const MAX_FILES = 5000;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

export class OwnerIndex {
  private pending: Promise<string[]> | undefined;

  constructor(private readonly folders: () => string[], private readonly globs: () => string[], private readonly openTexts: () => string[]) {}

  invalidate(): void {
    this.pending = undefined;
  }

  async owners(): Promise<string[]> {
    this.pending ??= this.scan();
    const fromDisk = await this.pending;
    const fromOpen = this.openTexts().flatMap((t) => [...t.matchAll(HANDLE)].map((m) => m[1]));
    return [...new Set([...fromDisk, ...fromOpen])].sort();
  }

  private async scan(): Promise<string[]> {
    const found = new Set<string>();
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (files.length >= MAX_FILES) return;
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (SKIP.has(name) || name.startsWith('.')) continue;
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (info?.isDirectory()) await walk(path);
        else if (info && info.size < 1_000_000 && isMarkdownPath(path, MARKDOWN_EXTENSIONS)) files.push(path);
      }
    };
    for (const folder of this.folders()) {
      if (folder.startsWith('file:')) await walk(fileURLToPath(folder));
    }
    for (const file of files) {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (!isPostmortem(pathToFileURL(file).toString(), text, this.globs())) continue;
      for (const m of text.matchAll(HANDLE)) found.add(m[1]);
    }
    return [...found];
  }
}
