// YAML front matter: parsed leniently, with the position of the first error when it is invalid.
import { parseDocument } from 'yaml';
import type { Root } from './markdown';
import { startOffset, endOffset } from './markdown';
import type { FrontMatter } from '../model/types';

export function readFrontMatter(root: Root, text: string): FrontMatter | undefined {
  const node = root.children[0];
  if (node?.type !== 'yaml') return undefined;
  const start = startOffset(node);
  const end = endOffset(node);
  // The YAML text begins after the opening fence line.
  const bodyStart = text.indexOf('\n', start) + 1;
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    return { start, end, data: {}, error: { message: error.message.split('\n')[0], offset: bodyStart + (error.pos?.[0] ?? 0) } };
  }
  const data: unknown = doc.toJS();
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { start, end, data: {}, error: { message: 'Front matter should be a mapping of keys to values.', offset: bodyStart } };
  }
  return { start, end, data: (data ?? {}) as Record<string, unknown> };
}
