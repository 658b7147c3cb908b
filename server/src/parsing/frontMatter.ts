// YAML front matter: parsed leniently, with the position of the first error when it is invalid.
import { parseDocument } from 'yaml';
import type { Root } from './markdown';
import { startOffset, endOffset } from './markdown';
import type { FrontMatter } from '../model/types';

// Front matter rarely changes while the body is edited: keep the last parse.
let last: { value: string; data: Record<string, unknown>; error?: { message: string; at: number } } | undefined;

function parseYaml(value: string): { data: Record<string, unknown>; error?: { message: string; at: number } } {
  if (last?.value === value) return last;
  const doc = parseDocument(value, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  let result: { data: Record<string, unknown>; error?: { message: string; at: number } };
  if (error) result = { data: {}, error: { message: error.message.split('\n')[0], at: error.pos?.[0] ?? 0 } };
  else {
    const data: unknown = doc.toJS();
    result = data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))
      ? { data: {}, error: { message: 'Front matter should be a mapping of keys to values.', at: 0 } }
      : { data: (data ?? {}) as Record<string, unknown> };
  }
  last = { value, ...result };
  return result;
}

export function readFrontMatter(root: Root, text: string): FrontMatter | undefined {
  const node = root.children[0];
  if (node?.type !== 'yaml') return undefined;
  const start = startOffset(node);
  const end = endOffset(node);
  // The YAML text begins after the opening fence line.
  const bodyStart = text.indexOf('\n', start) + 1;
  const { data, error } = parseYaml(node.value);
  return error ? { start, end, data: {}, error: { message: error.message, offset: bodyStart + error.at } } : { start, end, data };
}
