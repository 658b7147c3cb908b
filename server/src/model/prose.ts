// The author's own words, with the same offsets as the source: everything else blanked to spaces.
// Code, inline code, HTML (comments included), block quotes, front matter and bare URLs are quoted
// material, not the author's analysis, so language rules never read them.
import { endOffset, startOffset, walk, type Nodes, type Root } from '../parsing/markdown';
import { UnitCache, unitsOf, type Unit } from '../parsing/units';
import { isAutolink, NOT_AUTHOR_TEXT } from '../parsing/authorText';

// Inline code too: the mask is for phrase matching, and code is never the author's phrasing.
const SKIP = new Set([...NOT_AUTHOR_TEXT, 'inlineCode']);

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

/** The mask of one unit's own range: its author's text kept, the rest blanked. */
function unitMask(unit: Unit, base: number, text: string): string {
  const parts: string[] = [];
  let cursor = base;
  walk(unit as Nodes, (node) => {
    if (SKIP.has(node.type)) return false;
    if (isAutolink(node)) return false;
    if (node.type !== 'text') return undefined;
    const start = startOffset(node);
    const end = endOffset(node);
    if (start < cursor) return undefined;
    parts.push(blank(text.slice(cursor, start)), text.slice(start, end));
    cursor = end;
    return undefined;
  });
  parts.push(blank(text.slice(cursor, endOffset(unit))));
  return parts.join('');
}

const byUnit = new UnitCache<string>();

/** The prose mask, assembled from each unit's cached mask: an edit walks only the units it changed. */
export function proseMask(root: Root, text: string): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const unit of unitsOf(root)) {
    const start = startOffset(unit);
    if (start < cursor) continue;
    parts.push(blank(text.slice(cursor, start)), byUnit.get(unit, '', (u, base) => unitMask(u, base, text)));
    cursor = endOffset(unit);
  }
  parts.push(blank(text.slice(cursor)));
  return parts.join('');
}

/**
 * The prose mask of one node's range (a unit, or a list item inside one), from the same cache: what
 * the whole mask holds there, as long as no ancestor of the node is quoted material (a list item in
 * a block quote is blanked in the whole mask, not here).
 */
export function nodeProse(node: Unit, text: string): string {
  return byUnit.get(node, '', (u, base) => unitMask(u, base, text));
}
