// Which documents are postmortems: a front-matter type, a postmortem's title, or a path the
// `postmortem.files` globs match.
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { NEAR_MISS_SPELLINGS } from './model/nearMiss';

const FRONT_MATTER_TYPE = /^---\r?\n(?:[^\n]*\n)*?type:\s*["']?post-?mortem["']?\s*\r?\n/i;
const FIRST_HEADING = /^#{1,6}[ \t]+(.+)$/m;
const OTHER_KIND_TYPE = new RegExp(String.raw`^---\r?\n(?:(?!---)[^\n]*\n)*?type:\s*["']?(?:${NEAR_MISS_SPELLINGS}|(?:security[-\s_]?)?incident(?:[-\s_](?:report|review))?)["']?\s*\r?\n`, 'i');
const POSTMORTEM_TITLE = /post-?mortem|incident (?:report|review|analysis)|after[- ]action|\bincident on\b|\bRCA\b|root cause analysis/i;

// Compiling globs costs more than matching them: keep the matchers of the last few settings (folders
// of a multi-root workspace may have different ones, and their documents alternate), newest last.
const MATCHERS_KEPT = 8;
const matchers = new Map<string, (path: string) => boolean>();

export function globMatcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let match = matchers.get(key);
  if (match) matchers.delete(key);
  else {
    match = picomatch(globs, { dot: true, nocase: true });
    if (matchers.size >= MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!);
  }
  matchers.set(key, match);
  return match;
}

/** How many compiled matchers are kept (for tests of the cache). */
export function cachedMatcherCount(): number {
  return matchers.size;
}

export function isPostmortem(uri: string, text: string, globs: string[]): boolean {
  const head = text.slice(0, 2000);
  if (FRONT_MATTER_TYPE.test(head)) return true;
  // The other kinds New Postmortem writes (and teams use) are write-ups of the same kind: a
  // near-miss, a security incident, an incident report or review. Read in front matter only.
  if (OTHER_KIND_TYPE.test(head)) return true;
  const heading = FIRST_HEADING.exec(text.slice(0, 5000));
  if (heading && POSTMORTEM_TITLE.test(heading[1])) return true;
  let path = uri;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a URL: match the string as it is.
  }
  const normalised = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return globs.length > 0 && globMatcher(globs)(normalised);
}
