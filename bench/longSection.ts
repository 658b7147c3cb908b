// The engine's keystroke inside a long section, alone (no server): for measuring one change to the
// engine without the rest of `npm run bench`. Not part of `npm run bench`; build and run with
//   npx esbuild bench/longSection.ts --bundle --platform=node --outfile=out/bench/longSection.js
//   node out/bench/longSection.js [rounds] [200,1500,15000,timeline,actionTable] [alternate|typing]
// Two ways to type:
// - "alternate" (bench/generate.ts editor's old way): each version replaces the last character
//   typed, so the length never changes and nothing after the edit moves;
// - "typing" (as npm run bench types): each version one character longer, as a person types, so
//   every unit after the edit moves on each keystroke (what `movedCopies` costs is printed per keystroke for this way).
// Medians of wall time, in interleaved rounds (remark parse, full analysis, edit) as bench/run.ts
// measures them, so the caches and the collector see the same mix.
import { analyze } from '../server/src/engine/analyze';
import { IncrementalParser } from '../server/src/parsing/incremental';
import { parseMarkdown, type Root, type RootContent } from '../server/src/parsing/markdown';
import { copyCount, movedCopies } from '../server/src/parsing/windows';
import { editor, generateLongSection, generatePostmortem } from './generate';

const DOCUMENTS: Array<{ label: string; text: () => string; inside?: string }> = [
  ...[200, 1500, 15000].map((lines) => ({ label: `${lines}`, text: () => generatePostmortem(lines, 1) })),
  { label: 'timeline', text: () => generateLongSection('timeline'), inside: '## Timeline' },
  { label: 'actionTable', text: () => generateLongSection('actionTable'), inside: '## Follow-up actions' },
];

const rounds = Number(process.argv[2] ?? 21);
const only = process.argv[3]?.split(',');
const way = process.argv[4] === 'typing' ? 'typing' : 'alternate';
/** `edits` as a fifth argument: no parse or full analysis between edits, for `node --cpu-prof`. */
const editsOnly = process.argv[5] === 'edits';

/** Where the bench's editor types (the same place for both ways). */
function editOffset(text: string, inside?: string): number {
  const base = editor(text, inside)();
  let at = 0;
  while (base.charCodeAt(at) === text.charCodeAt(at)) at++;
  return at;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** The units a keystroke at `at` moves, as the parser moves them: top-level blocks after it, and the items or rows after it in its list or table. */
function movedBy(root: Root, at: number): { blocks: RootContent[]; inner: RootContent[] } {
  const children = root.children;
  const j = children.findIndex((c) => (c.position?.end.offset ?? 0) > at);
  const container = children[j];
  const inner = container && (container.type === 'list' || container.type === 'table')
    ? (container.children as RootContent[]).filter((c) => (c.position?.start.offset ?? 0) > at)
    : [];
  return { blocks: children.slice(j + 1), inner };
}

for (const { label, text: make, inside } of DOCUMENTS) {
  if (only && !only.includes(label)) continue;
  const text = make();
  const at = editOffset(text, inside);
  const next = editor(text, inside, way === 'alternate');
  const parser = new IncrementalParser();
  analyze(text, { parser });
  const times: Record<'parse' | 'full' | 'edit', number[]> = { parse: [], full: [], edit: [] };
  const phases = new Map<string, number[]>();
  const copies = copyCount.nodes;
  const large = text.length > 500_000;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    if (!editsOnly || r === 0) parseMarkdown(text);
    times.parse.push(performance.now() - t);
    if (!editsOnly && (!large || r % 4 === 0)) {
      t = performance.now();
      analyze(text);
      times.full.push(performance.now() - t);
    }
    const steps = new Map<string, number>();
    t = performance.now();
    analyze(next(), { parser, phases: steps, timings: steps });
    times.edit.push(performance.now() - t);
    for (const [name, ms] of steps) phases.set(name, [...(phases.get(name) ?? []), ms]);
  }
  const parse = median(times.parse);
  const edit = median(times.edit);
  const steps = [...phases].map(([name, ms]) => [name, median(ms)] as const).filter(([, ms]) => ms >= 0.1);
  console.log(`${label} (${way}): parse ${parse.toFixed(1)} ms, full ${(median(times.full) ?? 0).toFixed(1)} ms, edit ${edit.toFixed(2)} ms = ${(edit / parse).toFixed(3)}×, ${((copyCount.nodes - copies) / rounds).toFixed(0)} node copies per edit`);
  console.log(`  steps over 0.1 ms (median): ${steps.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}`);
  // What moving the units after the edit costs on one keystroke of the typing way: each keystroke
  // moves the copies the one before made (as the parser does while a person types).
  let { blocks, inner } = movedBy(new IncrementalParser().parse(text), at);
  const moves: number[] = [];
  for (let r = 0; r < 201; r++) {
    const t = performance.now();
    inner = movedCopies(inner, 1, 0);
    blocks = movedCopies(blocks, 1, 0);
    moves.push(performance.now() - t);
  }
  const units = inner.length + blocks.reduce((n, b) => n + (b.type === 'list' || b.type === 'table' ? 1 + b.children.length : 1), 0);
  console.log(`  movedCopies per typed keystroke: ${(median(moves) * 1000).toFixed(0)} µs for ${units} units (${inner.length} items or rows after the edit in its block, ${blocks.length} top-level blocks after it)`);
}
