// Inline comments that turn rules off: postmortem-disable / -enable / -disable-next-line /
// -disable-line / -disable-file, each with rule ids or none (all rules).
import { endOffset, startOffset, walk, type Nodes, type Root } from '../parsing/markdown';
import { UnitCache, unitsOf, type Unit } from '../parsing/units';
import type { LineIndex } from './lineIndex';

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

/** Where a directive can start: what DIRECTIVE matches always begins with. */
const DIRECTIVE_OPENING = /<!--\s*postmortem-/;

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

/** A directive found in one unit, offsets relative to the unit's start (`nodeEnd`: the end of its HTML node). */
interface FoundDirective extends Directive {
  nodeEnd: number;
}

/** The directives of one unit's HTML nodes (comments sit anywhere: between blocks, inside items). */
function unitDirectives(unit: Unit, base: number): FoundDirective[] {
  const found: FoundDirective[] = [];
  walk(unit as Nodes, (node) => {
    if (node.type !== 'html') return;
    for (const m of node.value.matchAll(DIRECTIVE)) {
      const start = startOffset(node) + m.index - base;
      found.push({ kind: m[1], rules: m[2].split(/[\s,]+/).filter(Boolean), start, end: start + m[0].length, nodeEnd: endOffset(node) - base });
    }
  });
  return found;
}

const directivesByUnit = new UnitCache(unitDirectives);

export class Suppressions {
  private readonly regions: Region[] = [];
  private readonly lines = new Map<number, Set<string> | 'all'>();
  private file: Set<string> | 'all' | undefined;
  readonly directives: Directive[] = [];

  /**
   * `text`, when given, is the text the tree was parsed from: without a directive's opening in it
   * no unit needs a look (most documents have none; looking costs two cache lookups per unit).
   */
  constructor(root: Root, private readonly index: LineIndex, text?: string) {
    if (text !== undefined && !DIRECTIVE_OPENING.test(text)) return;
    for (const unit of unitsOf(root)) {
      const base = startOffset(unit);
      for (const found of directivesByUnit.get(unit)) {
        const start = base + found.start;
        const directive = { kind: found.kind, rules: found.rules, start, end: base + found.end };
        this.directives.push(directive);
        const rules = ruleSet(directive.rules);
        if (found.kind === 'disable-file') this.file = this.merge(this.file, rules);
        else if (found.kind === 'disable' || found.kind === 'enable') this.regions.push({ offset: start, enable: found.kind === 'enable', rules });
        else {
          const line = index.line(found.kind === 'disable-line' ? start : base + found.nodeEnd) + (found.kind === 'disable-next-line' ? 1 : 0);
          this.lines.set(line, this.merge(this.lines.get(line), rules));
        }
      }
    }
  }

  private merge(a: RuleSet | undefined, b: RuleSet): RuleSet {
    if (a === 'all' || b === 'all') return 'all';
    return new Set([...(a ?? []), ...b]);
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    if (this.directives.length === 0) return false;
    if (has(this.file, ruleId) || has(this.lines.get(this.index.line(offset)), ruleId)) return true;
    let disabled = false;
    for (const region of this.regions) {
      if (region.offset > offset) break;
      if (has(region.rules, ruleId)) disabled = !region.enable;
    }
    return disabled;
  }
}
