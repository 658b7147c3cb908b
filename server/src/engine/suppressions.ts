// Inline comments that turn rules off: postmortem-disable / -enable / -disable-next-line /
// -disable-line / -disable-file, each with rule ids or none (all rules).
import { endOffset, startOffset, walk, type Nodes, type Root } from '../parsing/markdown';
import type { LineIndex } from './lineIndex';

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

type RuleSet = Set<string> | 'all';

interface Region {
  offset: number;
  enable: boolean;
  rules: RuleSet;
}

export interface Directive {
  kind: string;
  rules: string[];
  start: number;
  end: number;
}

function ruleSet(ids: string[]): RuleSet {
  return ids.length === 0 ? 'all' : new Set(ids);
}

function has(set: RuleSet | undefined, id: string): boolean {
  return set === 'all' || (set !== undefined && set.has(id));
}

export class Suppressions {
  private readonly regions: Region[] = [];
  private readonly lines = new Map<number, Set<string> | 'all'>();
  private file: Set<string> | 'all' | undefined;
  readonly directives: Directive[] = [];

  constructor(root: Root, private readonly index: LineIndex) {
    walk(root as Nodes, (node) => {
      if (node.type !== 'html') return;
      for (const m of node.value.matchAll(DIRECTIVE)) {
        const ids = m[2].split(/[\s,]+/).filter(Boolean);
        const start = startOffset(node) + m.index;
        this.directives.push({ kind: m[1], rules: ids, start, end: start + m[0].length });
        const rules = ruleSet(ids);
        if (m[1] === 'disable-file') this.file = this.merge(this.file, rules);
        else if (m[1] === 'disable' || m[1] === 'enable') this.regions.push({ offset: start, enable: m[1] === 'enable', rules });
        else {
          const line = index.line(m[1] === 'disable-line' ? start : endOffset(node)) + (m[1] === 'disable-next-line' ? 1 : 0);
          this.lines.set(line, this.merge(this.lines.get(line), rules));
        }
      }
    });
  }

  private merge(a: RuleSet | undefined, b: RuleSet): RuleSet {
    if (a === 'all' || b === 'all') return 'all';
    return new Set([...(a ?? []), ...b]);
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    if (has(this.file, ruleId) || has(this.lines.get(this.index.line(offset)), ruleId)) return true;
    let disabled = false;
    for (const region of this.regions) {
      if (region.offset > offset) break;
      if (has(region.rules, ruleId)) disabled = !region.enable;
    }
    return disabled;
  }
}
