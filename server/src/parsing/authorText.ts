// What is not the author's own words: one list for every reader of prose (the prose mask the phrase
// rules scan, the sentence reader). Code, HTML (comments included), block quotes, front matter,
// definitions, images, footnote bodies and math are quoted material or not prose at all.
import type { Nodes } from './markdown';

export const NOT_AUTHOR_TEXT: ReadonlySet<string> = new Set(['code', 'html', 'yaml', 'toml', 'blockquote', 'definition', 'image', 'imageReference', 'footnoteDefinition', 'math']);

/** A bare URL or address turned into a link (its text is its address): a reference, not prose. */
export function isAutolink(node: Nodes): boolean {
  return node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url.replace(/^mailto:/, '');
}
