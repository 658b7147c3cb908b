// What a heading means: normalise it (numbering, markup, parentheticals, dates, zones, "all times
// approximate", suffixes after a dash or colon), then compare words with the alias table. English
// puts the head of a noun phrase last ("Incident Timeline", "Preventive Actions") or first with a
// qualifier after it ("Impact on users", "Timeline of events"); questions name their section in
// their first words ("Why did it happen?"). A heading that holds an alias in any other way is
// ambiguous: it names no kind, but required-sections stays silent about the kinds it might mean.
import { SECTION_ALIASES } from './sectionNames';
import type { SectionKind } from './types';

export interface SectionMatch {
  kinds: SectionKind[];
  /** Kinds the heading may mean without saying so clearly: never reported missing, never checked as that kind. */
  candidates: SectionKind[];
}

interface Pattern {
  kind: SectionKind;
  words: string[];
  question: boolean;
}

const QUESTION_WORDS = new Set(['what', 'why', 'how', 'who', 'where', 'when']);
const QUALIFIERS = new Set(['of', 'for', 'on', 'in', 'to', 'during', 'from', 'at', 'by', 'with', 'per', 'and', 'following', 'after']);
/** Words that end a heading without changing what it names ("Root cause analysis", "Remediation steps"). */
const TRAILING_FILLERS = new Set(['analysis', 'assessment', 'detail', 'note', 'section', 'item', 'list', 'step', 'date', 'range', 'period', 'window']);
const ZONES = String.raw`utc|gmt|pst|pdt|pt|est|edt|et|cst|cdt|ct|mst|mdt|cet|cest|bst|ist|jst|aest|aedt`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MAX_GAP = 4;

function stem(word: string): string {
  if (word === 'learnt' || word === 'learned') return 'learn';
  if (word === 'preventative') return 'preventive';
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-cased heading words without numbering, markup, parentheticals, dates, zones or trailing punctuation. */
export function normalizeTitle(title: string): string {
  let s = title.toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`~]/g, '')
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .replace(/^\s*(?:(?:section|part|step|chapter)\s+)?(?:\d+(?:\.\d+)+\.?|\d+[.)]|[ivx]+[.)]|[a-h][.)])\s+/, '');
  // "Timeline - 2024-02-26 to 2024-03-06", "Root cause: the cache": the words before the dash or colon name the section.
  s = s.replace(/^(.*?\S)\s*(?:\s[-–—|]\s|:\s|\s[-–—]$).*$/, '$1');
  s = s
    .replace(new RegExp(String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\b\d{4}\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b`, 'g'), ' ')
    .replace(/\b(?:all\s+)?times?\s+(?:are\s+|in\s+|is\s+)*(?:approx|approximate|approximately|estimated|local)\b.*$|\ball times?\b.*$/, ' ')
    .replace(new RegExp(String.raw`\b(?:${ZONES})\b`, 'g'), ' ')
    .replace(/tl;dr/g, 'tldr')
    .replace(/n't\b/g, ' not').replace(/'re\b/g, ' are').replace(/'s\b/g, '')
    .replace(/\bfollow[\s-]?ups?\b/g, 'followup')
    .replace(/\s*(?:&|\/|,|\+)\s*/g, ' and ')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.replace(/^(?:and\s+)+|(?:\s+and)+$/g, '');
}

let patterns: Pattern[] | undefined;
function allPatterns(): Pattern[] {
  patterns ??= (Object.entries(SECTION_ALIASES) as Array<[SectionKind, ReadonlyArray<readonly [string, string]>]>).flatMap(([kind, aliases]) =>
    aliases.map(([alias]) => {
      const words = normalizeTitle(alias.replace(/\*/g, 'anywords')).split(' ').map((w) => (w === 'anywords' ? '*' : stem(w)));
      return { kind, words, question: QUESTION_WORDS.has(words[0]) };
    }));
  return patterns;
}

/** Where `pattern` ends when it matches `words` from `i` (a `*` takes 0 to MAX_GAP words), or -1. */
function matchAt(pattern: string[], words: string[], i: number, p = 0): number {
  if (p === pattern.length) return i;
  if (pattern[p] === '*') {
    for (let gap = 0; gap <= MAX_GAP && i + gap <= words.length; gap++) {
      const end = matchAt(pattern, words, i + gap, p + 1);
      if (end !== -1) return end;
    }
    return -1;
  }
  return words[i] === pattern[p] ? matchAt(pattern, words, i + 1, p + 1) : -1;
}

/** The one kind a run of words clearly names, or the kinds it might mean. */
function resolve(words: string[]): { kind?: SectionKind; candidates: Set<SectionKind> } {
  const candidates = new Set<SectionKind>();
  if (words.length === 0) return { candidates };
  const ps = allPatterns();
  const pick = (found: Pattern[]) => {
    const kinds = new Set(found.map((p) => p.kind));
    if (kinds.size === 1) return { kind: found[0].kind, candidates };
    kinds.forEach((k) => candidates.add(k));
    return undefined;
  };
  const exact = ps.filter((p) => matchAt(p.words, words, 0) === words.length);
  const questions = ps.filter((p) => p.question && matchAt(p.words, words, 0) !== -1);
  const atStart = exact.length ? exact : questions;
  if (atStart.length) return pick(atStart) ?? { candidates };
  // The head last: the longest alias that ends the heading.
  let headLast: Pattern[] = [];
  for (let i = 1; i < words.length && headLast.length === 0; i++) headLast = ps.filter((p) => !p.question && matchAt(p.words, words, i) === words.length);
  if (headLast.length) return pick(headLast) ?? { candidates };
  // The head first, then a qualifier: "Impact on customers", "Timeline of events".
  const headFirst = ps.filter((p) => {
    const end = p.question ? -1 : matchAt(p.words, words, 0);
    return end > 0 && QUALIFIERS.has(words[end]);
  });
  if (headFirst.length) return pick(headFirst) ?? { candidates };
  for (let i = 0; i < words.length; i++) for (const p of ps) if (!p.question && matchAt(p.words, words, i) !== -1) candidates.add(p.kind);
  return { candidates };
}

function withoutFillers(words: string[]): string[] {
  let end = words.length;
  while (end > 1 && TRAILING_FILLERS.has(words[end - 1])) end--;
  return words.slice(0, end);
}

function matchWords(words: string[]): SectionMatch {
  // "Summary and impact", "Detection / Response": every part names a kind.
  const parts: string[][] = [[]];
  for (const w of words) {
    if (w === 'and') parts.push([]);
    else parts[parts.length - 1].push(w);
  }
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length > 1) {
    const kinds = nonEmpty.map((p) => resolve(p).kind ?? resolve(withoutFillers(p)).kind);
    if (kinds.every((k) => k !== undefined)) return { kinds: [...new Set(kinds as SectionKind[])], candidates: [] };
  }
  const whole = resolve(words);
  if (whole.kind) return { kinds: [whole.kind], candidates: [] };
  const trimmed = resolve(withoutFillers(words));
  if (trimmed.kind) return { kinds: [trimmed.kind], candidates: [] };
  return { kinds: [], candidates: [...new Set([...whole.candidates, ...trimmed.candidates])] };
}

const cache = new Map<string, SectionMatch>();

/** What a heading or bold label means. */
export function sectionMatch(title: string): SectionMatch {
  let found = cache.get(title);
  if (!found) {
    const normal = normalizeTitle(title);
    found = normal.length > 120 ? { kinds: [], candidates: [] } : matchWords(normal ? normal.split(' ').map(stem) : []);
    if (cache.size > 2000) cache.clear();
    cache.set(title, found);
  }
  return found;
}

/** The canonical kinds a heading names ("Summary and impact" names two); empty when unknown or ambiguous. */
export function kindsOf(title: string): SectionKind[] {
  return [...sectionMatch(title).kinds];
}
