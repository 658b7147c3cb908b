// The CLI's response cache on disk, so that a second run sends only conditional requests.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CacheEntry, ResponseCache } from './http';

const MAX_ENTRIES = 5000;

export function defaultCacheFile(env: NodeJS.ProcessEnv): string {
  const dir = env.POSTMORTEM_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'postmortem');
  return join(dir, 'trackers.json');
}

export class FileCache implements ResponseCache {
  private readonly entries: Map<string, CacheEntry>;
  private dirty = false;

  constructor(private readonly file: string) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      data = undefined; // no cache yet, or a damaged one: start afresh
    }
    this.entries = new Map(data && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data as Record<string, CacheEntry>).filter(([, e]) => typeof e?.etag === 'string' && e.value) : []);
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.dirty = true;
  }

  /** Writes the newest entries; a cache that cannot be written only costs the next run its savings. */
  save(): void {
    if (!this.dirty) return;
    const kept = [...this.entries].slice(-MAX_ENTRIES);
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(kept)));
      renameSync(`${this.file}.tmp`, this.file);
    } catch {
      // best effort
    }
  }
}
