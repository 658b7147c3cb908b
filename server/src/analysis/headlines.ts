// A finding as diagnostics read it (its headline: no fixes), with its identity: a fingerprint of the
// text it names and its ordinal among its twins (code actions use both to tell a stale diagnostic's
// finding apart from a neighbour that moved into its place). Made once per version where the
// analysis ran, reusing what the previous version computed for the text the edit did not touch: a
// keystroke hashes the findings it reached, not every finding of the document. And what crosses
// from an analysis worker to the main thread: only the headlines that changed, the others named by
// their place in the previous answer (a 500-row action table has about 950 findings, and cloning
// them all, messages included, on every keystroke cost more than the rest of the answer).
import type { Range } from 'vscode-languageserver';
import type { LineIndex } from '../engine/lineIndex';
import type { Finding } from '../rules/types';
import { lspRange } from './positions';

/**
 * A finding as diagnostics read it: its fix and suggestions stay where the analysis ran. `range` is
 * its LSP range (placed from the analysis's line index), `named` the fingerprint of the text it
 * names and `twin` "k/n": the k-th (from 0) of n findings of its rule, message and named text.
 */
export type FindingHeadline = Omit<Finding, 'fix' | 'suggestions'> & { range?: Range; named?: string; twin?: string };

/** A short fingerprint of a finding's text: its length and a 32-bit FNV-1a hash. */
export function namedTextKey(text: string, start: number, end: number): string {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${end - start}:${(hash >>> 0).toString(36)}`;
}

/** Compared a block at a time (native string equality) before the last block is walked character by character. */
const BLOCK = 512;

/** How many leading characters two texts share. */
export function commonPrefix(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let p = 0;
  while (p + BLOCK <= most && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < most && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** How many trailing characters two texts share, leaving at least `prefix` of each alone. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const most = Math.min(a.length, b.length) - prefix;
  let s = 0;
  while (s + BLOCK <= most && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < most && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** "k/n" for each finding: its place among the findings of the same rule, message and named text. */
function twinOrdinals(headlines: FindingHeadline[]): void {
  // Keyed by the short fingerprint first: no key string is built from a (long) message per finding.
  const groups = new Map<string, Array<{ ruleId: string; message: string; members: FindingHeadline[] }>>();
  for (const h of headlines) {
    let list = groups.get(h.named!);
    if (!list) groups.set(h.named!, (list = []));
    let group = list.find((g) => g.ruleId === h.ruleId && g.message === h.message);
    if (!group) list.push((group = { ruleId: h.ruleId, message: h.message, members: [] }));
    group.members.push(h);
  }
  for (const list of groups.values()) {
    for (const { members } of list) members.forEach((h, k) => (h.twin = `${k}/${members.length}`));
  }
}

/** Two headlines say the same in every field; the range compared by identity (the maker keeps an unchanged one's). */
const sameHeadline = (a: FindingHeadline, b: FindingHeadline) =>
  a.start === b.start && a.end === b.end && a.range === b.range && a.ruleId === b.ruleId && a.severity === b.severity && a.message === b.message && a.named === b.named && a.twin === b.twin;

/**
 * Makes each version's headlines, keeping the last version's so that a finding over text the edit
 * left alone keeps its fingerprint instead of hashing its text again. `origins[i]`: the index of the
 * last version's headline over the same text that headline i comes from, or -1.
 */
export class HeadlineMaker {
  private last: { text: string; headlines: FindingHeadline[] } | undefined;
  /** Findings whose text was hashed, since the maker was made: for tests. */
  hashed = 0;
  /** Headlines that are the last version's object itself (nothing about them changed), since the maker was made: for tests. */
  reused = 0;
  origins: Int32Array = new Int32Array(0);
  /** Offsets moved by the last edit: what a headline after it adds to its origin's. */
  shift = 0;

  make(findings: readonly Finding[], text: string, lines: LineIndex): FindingHeadline[] {
    const last = this.last;
    const prefix = last ? commonPrefix(last.text, text) : 0;
    const suffix = last ? commonSuffix(last.text, text, prefix) : 0;
    const shift = last ? text.length - last.text.length : 0;
    /** Where the unchanged tail starts in this version. */
    const tail = text.length - suffix;
    const previous = last?.headlines ?? [];
    /**
     * The first of the last version's headlines that may share text with the next finding: findings
     * are sorted by start, and the start they had (theirs before the edit, theirs minus the shift
     * after it) never decreases, so one pass over both lists finds every origin.
     */
    let from = 0;
    const origins = new Int32Array(findings.length).fill(-1);
    const headlines = findings.map((f, i): FindingHeadline => {
      let named: string | undefined;
      let range: Range | undefined;
      const moved = f.start >= tail ? shift : f.end <= prefix ? 0 : undefined;
      if (moved !== undefined) {
        const start = f.start - moved;
        while (from < previous.length && previous[from].start < start) from++;
        // Several findings may name the same text: the origin is the one of the same rule and message.
        for (let j = from; j < previous.length && previous[j].start === start; j++) {
          const p = previous[j];
          if (p.end !== f.end - moved) continue;
          named = p.named;
          // Before the edit, lines and columns are as they were (the character after the end too:
          // a \r there ends a line or not depending on whether a \n follows it).
          if (moved === 0 && p.range && f.end < prefix) range = p.range;
          if (origins[i] < 0 || (p.ruleId === f.ruleId && p.message === f.message)) origins[i] = j;
          if (p.ruleId === f.ruleId && p.message === f.message) break;
        }
      }
      if (named === undefined) {
        named = namedTextKey(text, f.start, f.end);
        this.hashed++;
      }
      return { ruleId: f.ruleId, severity: f.severity, message: f.message, start: f.start, end: f.end, range: range ?? lspRange(text, lines, f.start, f.end), named };
    });
    twinOrdinals(headlines);
    // A headline equal to its origin in every field is that origin itself: the new one dies young,
    // and what outlives the keystroke (this list, the answer packed against it) holds no copy of the
    // findings the edit left alone, so the worker's next scavenge has fewer objects to move.
    for (let i = 0; i < headlines.length; i++) {
      const p = origins[i] >= 0 ? previous[origins[i]] : undefined;
      if (p && sameHeadline(p, headlines[i])) {
        headlines[i] = p;
        this.reused++;
      }
    }
    this.last = { text, headlines };
    this.origins = origins;
    this.shift = shift;
    return headlines;
  }

  /** Forgets the last version (what the next one reuses): its answer did not reach the main thread. */
  reset(): void {
    this.last = undefined;
    this.origins = new Int32Array(0);
  }
}

/**
 * Headlines as they cross threads: `fresh` holds those that changed; `plan` has three numbers per
 * headline, in order: the index in the previous answer it repeats (-1: the next fresh one), and the
 * offset and line shift to apply to it. Without a plan (nothing repeated), `fresh` is every headline.
 */
export interface PackedHeadlines {
  fresh: FindingHeadline[];
  plan?: Int32Array;
}

const sameRangeShifted = (a: Range, b: Range, lines: number) =>
  a.start.line === b.start.line + lines && a.end.line === b.end.line + lines && a.start.character === b.start.character && a.end.character === b.end.character;

/** Packs a version's headlines against the previous answer's (`origins` and `shift` as HeadlineMaker made them). */
export function packHeadlines(headlines: FindingHeadline[], previous: readonly FindingHeadline[] | undefined, origins: Int32Array, shift: number): PackedHeadlines {
  const plan = new Int32Array(headlines.length * 3).fill(-1);
  const fresh: FindingHeadline[] = [];
  headlines.forEach((h, i) => {
    const j = origins[i] ?? -1;
    const p = j >= 0 ? previous?.[j] : undefined;
    const moved = p ? h.start - p.start : 0;
    const lines = p && h.range && p.range ? h.range.start.line - p.range.start.line : 0;
    const same = p && (moved === 0 || moved === shift) && p.end + moved === h.end && p.ruleId === h.ruleId && p.severity === h.severity && p.message === h.message
      && p.named === h.named && p.twin === h.twin && !!h.range && !!p.range && sameRangeShifted(h.range, p.range, lines);
    if (same) {
      plan[i * 3] = j;
      plan[i * 3 + 1] = moved;
      plan[i * 3 + 2] = lines;
    } else {
      plan[i * 3 + 1] = plan[i * 3 + 2] = 0;
      fresh.push(h);
    }
  });
  return fresh.length === headlines.length ? { fresh } : { fresh, plan };
}

/**
 * The main thread's side: turns each answer back into the whole list, from the previous one it
 * unpacked. A headline repeated without a shift is the previous answer's object itself.
 */
export class HeadlineUnpacker {
  private previous: FindingHeadline[] = [];

  unpack({ fresh, plan }: PackedHeadlines): FindingHeadline[] {
    if (!plan) return (this.previous = fresh);
    const out: FindingHeadline[] = [];
    let k = 0;
    for (let i = 0; i < plan.length; i += 3) {
      const p = plan[i] >= 0 ? this.previous[plan[i]] : undefined;
      if (!p) {
        out.push(fresh[k++]);
        continue;
      }
      const [moved, lines] = [plan[i + 1], plan[i + 2]];
      if (moved === 0 && lines === 0) out.push(p);
      else {
        const r = p.range!;
        const range = lines === 0 ? r : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
        out.push({ ...p, start: p.start + moved, end: p.end + moved, range });
      }
    }
    this.previous = out;
    return out;
  }
}
