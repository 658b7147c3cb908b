// The only module that imports the Markdown parser. Everything else sees mdast types from here,
// so the parser can be swapped or made incremental without touching a rule.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Nodes, Parents, Heading, List, ListItem, Table, TableRow, Paragraph, Html, Yaml } from 'mdast';

export type { Root, RootContent, Nodes, Parents, Heading, List, ListItem, Table, TableRow, Paragraph, Html, Yaml };

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export function startOffset(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

/**
 * Depth-first walk; `visit` returns false to skip a node's children. `ancestors` is one shared stack:
 * read it during the call, do not keep it.
 */
export function walk(node: Nodes, visit: (node: Nodes, ancestors: readonly Parents[]) => boolean | void, ancestors: Parents[] = []): void {
  if (visit(node, ancestors) === false) return;
  if ('children' in node) {
    ancestors.push(node);
    for (const child of node.children) walk(child as Nodes, visit, ancestors);
    ancestors.pop();
  }
}

/** The visible text of a node: text and inline code values, no markup. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
