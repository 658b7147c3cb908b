// The only module that imports the Markdown parser. Everything else sees mdast types from here,
// so the parser can be swapped or made incremental without touching a rule.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { linearCodeSpans } from './codeSpans';
import type { Root, RootContent, Nodes, Parents, Heading, List, ListItem, Table, TableRow, Paragraph, Html, Yaml } from 'mdast';

export type { Root, RootContent, Nodes, Parents, Heading, List, ListItem, Table, TableRow, Paragraph, Html, Yaml };

/** Code spans found in linear time (see codeSpans.ts): remark-parse reads its micromark extensions from the processor's data. */
function linearCodeSpansPlugin(this: ReturnType<typeof unified>): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), linearCodeSpans];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(linearCodeSpansPlugin);

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
 * Depth-first walk in document order; `visit` returns false to skip a node's children. `ancestors` is
 * one shared stack: read it during the call, do not keep it. Iterative, so a hostile document nested
 * thousands of levels deep cannot overflow the call stack.
 */
export function walk(node: Nodes, visit: (node: Nodes, ancestors: readonly Parents[]) => boolean | void, ancestors: Parents[] = []): void {
  // Each frame: a parent and the index of its next child to visit.
  const frames: Array<{ parent: Parents; next: number }> = [];
  const base = ancestors.length;
  const enter = (n: Nodes): void => {
    if (visit(n, ancestors) === false || !('children' in n)) return;
    ancestors.push(n);
    frames.push({ parent: n, next: 0 });
  };
  enter(node);
  while (frames.length > 0) {
    const top = frames[frames.length - 1];
    if (top.next >= top.parent.children.length) {
      frames.pop();
      ancestors.length = base + frames.length;
      continue;
    }
    enter(top.parent.children[top.next++] as Nodes);
  }
}
