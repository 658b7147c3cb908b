// Which paths the CLI skips: .gitignore files (read with the `ignore` library, the same semantics
// git uses), .git/info/exclude, --ignore patterns and negated path arguments (`!drafts/**`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const toPosix = (p: string): string => p.split(sep).join('/');

function readPatterns(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export class IgnoreRules {
  private readonly perFolder = new Map<string, Ignore | null>();
  private readonly user: Ignore;

  /**
   * @param root the repository root (or the working directory): .gitignore files are read from
   *   here down, and --ignore patterns are relative to `cwd`.
   */
  constructor(private readonly root: string, private readonly cwd: string, patterns: string[]) {
    this.user = ignore().add(patterns);
    const exclude = readPatterns(join(root, '.git', 'info', 'exclude'));
    if (exclude) this.perFolder.set(join(root, '.git', 'info'), ignore().add(exclude));
  }

  private gitignoreIn(folder: string): Ignore | null {
    let rules = this.perFolder.get(folder);
    if (rules === undefined) {
      const text = existsSync(join(folder, '.gitignore')) ? readPatterns(join(folder, '.gitignore')) : undefined;
      rules = text === undefined ? null : ignore().add(text);
      this.perFolder.set(folder, rules);
    }
    return rules;
  }

  /** True when `path` (absolute) is git-ignored or matches a user pattern; folders get a trailing slash. */
  ignores(path: string, isFolder: boolean): boolean {
    const slash = isFolder ? '/' : '';
    const fromCwd = toPosix(relative(this.cwd, path));
    if (fromCwd && !fromCwd.startsWith('..') && this.user.ignores(fromCwd + slash)) return true;
    const fromRoot = relative(this.root, path);
    if (!fromRoot || fromRoot.startsWith('..')) return false;
    let ignored = false;
    const exclude = this.perFolder.get(join(this.root, '.git', 'info'));
    if (exclude) ignored = exclude.ignores(toPosix(fromRoot) + slash);
    // Deeper .gitignore files override shallower ones, as in git.
    const folders: string[] = [];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      folders.unshift(dir);
      if (dir === this.root || dirname(dir) === dir) break;
    }
    for (const folder of folders) {
      const rules = this.gitignoreIn(folder);
      if (!rules) continue;
      const verdict = rules.test(toPosix(relative(folder, path)) + slash);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}
