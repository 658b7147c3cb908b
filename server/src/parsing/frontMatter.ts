// YAML front matter: parsed leniently, with the position of the first error when it is invalid.
import { parseDocument } from 'yaml';
import type { Root } from './markdown';
import { startOffset, endOffset } from './markdown';
import type { FrontMatter } from '../model/types';

type Parsed = { data: Record<string, unknown>; error?: { message: string; at: number; limit?: boolean } };

/** Front matter is a few lines; anything larger is not worth the parser's time and memory. */
const MAX_FRONT_MATTER = 64 * 1024;
/** Aliases let a few bytes expand into gigabytes ("billion laughs"): real front matter uses a few. */
const MAX_ALIASES = 50;
// Front matter rarely changes while the body is edited: keep the last few parses (several open
// documents alternate, so one entry would miss every time).
const recent = new Map<string, Parsed>();
const RECENT_LIMIT = 16;

function parseYamlUncached(value: string): Parsed {
  if (value.length > MAX_FRONT_MATTER) return { data: {}, error: { message: `Front matter longer than ${MAX_FRONT_MATTER / 1024} KB is not read; keep it to a few fields.`, at: 0, limit: true } };
  try {
    const doc = parseDocument(value, { prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) return { data: {}, error: { message: error.message.split('\n')[0], at: error.pos?.[0] ?? 0 } };
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))
      ? { data: {}, error: { message: 'Front matter should be a mapping of keys to values.', at: 0 } }
      : { data: (data ?? {}) as Record<string, unknown> };
  } catch (e) {
    // The yaml library throws for alias bombs and other resource limits: a finding, never a crash.
    if (/alias/i.test(String(e))) return { data: {}, error: { message: `YAML aliases expand more than ${MAX_ALIASES} times, so they are not expanded.`, at: 0, limit: true } };
    return { data: {}, error: { message: String((e as Error)?.message ?? e).split('\n')[0], at: 0 } };
  }
}

function parseYaml(value: string): Parsed {
  let parsed = recent.get(value);
  if (parsed) return parsed;
  parsed = parseYamlUncached(value);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(value, parsed);
  return parsed;
}

export function readFrontMatter(root: Root, text: string): FrontMatter | undefined {
  const node = root.children[0];
  if (node?.type !== 'yaml') return undefined;
  const start = startOffset(node);
  const end = endOffset(node);
  // The YAML text begins after the opening fence line.
  const bodyStart = text.indexOf('\n', start) + 1;
  const { data, error } = parseYaml(node.value);
  return error ? { start, end, data: {}, error: { message: error.message, offset: bodyStart + error.at, ...(error.limit ? { limit: true } : {}) } } : { start, end, data };
}
