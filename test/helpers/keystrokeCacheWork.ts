// How much of a cache one keystroke uses: for the tests that an edit in a long section re-reads as
// many units as in a short one (misses equal) while the rest come from the cache (hits grow).
import assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';

export interface CacheCounts {
  hits: number;
  misses: number;
}

const NOW = new Date('2026-11-29T00:00:00Z');

/**
 * Analyses `text`, then the text with one character typed just before `marker`, counting what the
 * cache's `stats` say changed over the second analysis. `check` sees that analysis's result.
 */
export function keystrokeCacheWork(text: string, marker: string, stats: () => CacheCounts, check?: (result: Analysis, edited: string) => void): CacheCounts {
  const parser = new IncrementalParser();
  analyze(text, { now: NOW, parser });
  const at = text.indexOf(marker);
  const edited = `${text.slice(0, at)}x${text.slice(at)}`;
  const before = stats();
  const result = analyze(edited, { now: NOW, parser });
  const after = stats();
  check?.(result, edited);
  return { misses: after.misses - before.misses, hits: after.hits - before.hits };
}

/** A keystroke in the middle of a document of `long` units costs the cache what one of `short` units does; the rest are hits. */
export function assertSameMisses(work: (units: number) => CacheCounts, short = 20, long = 200): void {
  const a = work(short);
  const b = work(long);
  assert.equal(b.misses, a.misses);
  assert.ok(b.hits > a.hits * 5, `${b.hits} vs ${a.hits}`);
}
