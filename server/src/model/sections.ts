// Finds the sections of a postmortem: headings at any level, and bold labels such as
// "- **Impact**: ..." that some teams use instead of headings.
import { endOffset, startOffset, type ListItem, type Nodes, type Paragraph, type Root, type RootContent } from '../parsing/markdown';
import { detached } from '../parsing/detach';
import { absolute, shiftBelow, UnitCache } from '../parsing/units';
import { visibleTextOf } from '../parsing/visibleText';
import { sectionMatch, type SectionMatch } from './sectionMatch';
import { readLeadingTime } from './timeExpression';
import type { Section } from './types';

/** A section and the mdast nodes of its body (kept out of the serialisable model). */
export interface SectionWithNodes extends Section {
  nodes: RootContent[];
}

/** What a heading says: its title, the section kinds that names, and whether it starts with a time (a timeline entry's heading). */
interface HeadingReading {
  title: string;
  match: SectionMatch;
  time: boolean;
}

/**
 * Read once per heading (a unit: its text never changes while it lives), not on every keystroke:
 * a document of many sections read each title, and each following heading's time, per version.
 */
const headings = new UnitCache<HeadingReading>();

/** How many heading readings the cache answered and made so far (tests check a keystroke makes none for headings it left alone). */
export function headingCacheStats(): { hits: number; misses: number } {
  return { hits: headings.hits, misses: headings.misses };
}

function headingReading(node: RootContent, text: string): HeadingReading {
  // A top-level block: its own position is always current (see units.ts), and its source is all the reading needs.
  return headings.get(node, '', (unit) => {
    // Its own string: a slice would keep the whole version's text alive as long as the heading lives.
    const title = detached(visibleTextOf(unit, text, { blocks: true }));
    return { title, match: sectionMatch(title), time: readLeadingTime(title) !== undefined };
  });
}

function isTimeHeading(node: RootContent, text: string): boolean {
  return node.type === 'heading' && headingReading(node, text).time;
}

function headingSections(root: Root, text: string): SectionWithNodes[] {
  const children = root.children;
  const sections: SectionWithNodes[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const { title, match: { kinds, candidates } } = headingReading(node, text);
    // Entry headings drift in level ("## Feb 9, 12:00" inside "## Timeline"): keep them in the timeline.
    const keepTimeHeadings = kinds.includes('timeline');
    let stop = index + 1;
    for (; stop < children.length; stop++) {
      const next = children[stop];
      if (next.type === 'heading' && next.depth <= node.depth && !(keepTimeHeadings && isTimeHeading(next, text))) break;
    }
    const end = stop < children.length ? startOffset(children[stop]) : text.length;
    sections.push({
      title, kinds: [...kinds], ...(candidates.length ? { candidateKinds: candidates } : {}), level: node.depth, form: 'heading',
      start: startOffset(node), end,
      titleSpan: { start: startOffset(node), end: endOffset(node) },
      body: { start: endOffset(node), end },
      nodes: children.slice(index + 1, stop),
    });
  });
  return sections;
}

/**
 * "**Impact**: text" or "**Review actions**" at the start of a paragraph: the label and where it
 * ends. `unit`: the paragraph's unit (itself at the top level), whose shift its children lack.
 */
function boldLabel(paragraph: Paragraph, text: string, unit: Nodes = paragraph): { title: string; end: number } | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'strong') return undefined;
  const shift = shiftBelow(unit).offset;
  const title = visibleTextOf(first, text, {}, shift).replace(/:$/, '');
  let end = endOffset(first) + shift;
  const after = /^\s*:/.exec(text.slice(end, end + 3));
  if (after) end += after[0].length;
  return { title, end };
}

/**
 * "- **Identified**:" as the last item of a list, with its text in the blocks after the list:
 * those blocks (up to the next heading or list of labels) are the section's body.
 */
function trailingBody(root: Root, item: ListItem): RootContent[] {
  const index = root.children.findIndex((n) => n.type === 'list' && n.children[n.children.length - 1] === item);
  if (index === -1 || item.children.length > 1) return [];
  const out: RootContent[] = [];
  for (const next of root.children.slice(index + 1)) {
    if (next.type === 'heading' || next.type === 'yaml') break;
    // A list with another marker ("* x" after "- **Resolution**:") is content; a list of labels is not.
    const first = next.type === 'list' ? next.children[0]?.children[0] : undefined;
    if (next.type === 'list' && first?.type === 'paragraph' && first.children[0]?.type === 'strong') break;
    out.push(next);
  }
  return out;
}

/** "**Timeline:**" alone in a paragraph labels the blocks after it, up to the next heading or label. */
function blocksAfterLabel(siblings: readonly Nodes[], index: number, text: string): RootContent[] {
  const out: RootContent[] = [];
  for (const next of siblings.slice(index + 1)) {
    if (next.type === 'heading' || next.type === 'yaml' || next.type === 'thematicBreak') break;
    if (next.type === 'paragraph') {
      const label = boldLabel(next, text);
      if (label && (endOffset(next) <= label.end || sectionMatch(label.title).kinds.length > 0)) break;
    }
    out.push(next as RootContent);
  }
  return out;
}

function labelSections(root: Root, text: string): SectionWithNodes[] {
  const sections: SectionWithNodes[] = [];
  const visit = (nodes: readonly Nodes[], depth: number): void => {
    for (const [index, node] of nodes.entries()) {
      if (node.type === 'list' && depth < 3) visit(node.children, depth + 1);
      if (node.type !== 'listItem' && node.type !== 'paragraph') continue;
      const paragraph = node.type === 'listItem' ? node.children[0] : node;
      if (paragraph?.type !== 'paragraph') continue;
      const label = boldLabel(paragraph, text, node);
      const kinds = label ? sectionMatch(label.title).kinds : [];
      if (!label || kinds.length === 0) continue;
      const start = startOffset(node);
      const bare = endOffset(paragraph) + (paragraph === node ? 0 : shiftBelow(node).offset) <= label.end;
      const after = !bare ? [] : node.type === 'listItem' ? trailingBody(root, node) : blocksAfterLabel(nodes, index, text);
      const end = after.length ? endOffset(after[after.length - 1]) : endOffset(node);
      sections.push({
        title: label.title, kinds: [...kinds], level: 7, form: 'label', start, end,
        titleSpan: { start, end: label.end },
        body: { start: label.end, end },
        // A label item's body is below the item: with current positions (the item may be moved).
        nodes: [...(node.type === 'listItem' ? absolute(node as ListItem).children.slice(1) as RootContent[] : []), ...after],
      });
    }
  };
  visit(root.children as Nodes[], 0);
  return sections;
}

export function findSections(root: Root, text: string): SectionWithNodes[] {
  return [...headingSections(root, text), ...labelSections(root, text)].sort((a, b) => a.start - b.start);
}
