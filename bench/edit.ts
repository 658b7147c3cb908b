// The engine's one-character edit inside each bench document, alone (no server), in CPU time, with
// per-rule times: for profiling the keystroke path. Not part of `npm run bench`; build and run with
//   npx esbuild bench/edit.ts --bundle --platform=node --outfile=out/bench/edit.js
//   node out/bench/edit.js [runs] [200|1500|15000|timeline|actionTable] [edits]
// (`edits`: no remark parse between edits, for `node --cpu-prof out/bench/edit.js 300 actionTable edits`).
import { analyze } from '../server/src/engine/analyze';
import { IncrementalParser } from '../server/src/parsing/incremental';
import { parseMarkdown, walk } from '../server/src/parsing/markdown';
import { copyCount, movedCopies } from '../server/src/parsing/windows';
import { editor, generateLongSection, generatePostmortem } from './generate';

const DOCUMENTS: Array<{ label: string; text: string; inside?: string; top?: boolean }> = [
  ...[200, 1500, 15000].map((lines) => ({ label: `${lines}`, text: generatePostmortem(lines, 1) })),
  // An edit near the top moves every block below it: what reusing them costs.
  { label: '15000top', text: generatePostmortem(15000, 1), top: true },
  { label: 'timeline', text: generateLongSection('timeline'), inside: '## Timeline' },
  { label: 'actionTable', text: generateLongSection('actionTable'), inside: '## Follow-up actions' },
];

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(times: number[]): number {
  const sorted = times.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const runs = Number(process.argv[2] ?? 30);
const only = process.argv[3];
/** `edit.js 300 actionTable edits`: edits only, for a CPU profile of the keystroke path. */
const editsOnly = process.argv[4] === 'edits';
/**
 * Typing in the Summary, the first section: each version one character longer, so every block
 * below moves (the alternating editor replaces one character, which moves nothing).
 */
function topEditor(text: string): () => string {
  const at = text.indexOf('## Summary') + 15;
  let typed = '';
  return () => text.slice(0, at) + (typed += 'y') + text.slice(at);
}

for (const { label, text, inside, top } of DOCUMENTS) {
  if (only && label !== only) continue;
  const parser = new IncrementalParser();
  analyze(text, { parser });
  const next = top ? topEditor(text) : editor(text, inside);
  const copiesBefore = copyCount.nodes;
  const parse: number[] = [];
  const edit: number[] = [];
  const rules = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    // CPU time of this process (user + system): steadier than wall time on a shared machine.
    let t = process.cpuUsage();
    if (!editsOnly || i === 0) parseMarkdown(text);
    parse.push(cpuMs(t));
    const timings = new Map<string, number>();
    const phases = new Map<string, number>();
    t = process.cpuUsage();
    analyze(next(), { parser, timings, phases });
    edit.push(cpuMs(t));
    for (const [id, ms] of [...phases, ...timings]) rules.set(id, [...(rules.get(id) ?? []), ms]);
  }
  const p = median(parse);
  const e = median(edit);
  const medians = [...rules].map(([id, t]) => [id, median(t)] as const);
  const slow = medians.filter(([, t]) => t > 0.3).map(([id, t]) => `${id} ${t.toFixed(1)}`).join(', ');
  // The rules alone, costliest first (the phases before them are the first four entries).
  const costliest = medians.slice(4).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id, t]) => `${id} ${t.toFixed(1)}`).join(', ');
  console.log(`${label} (CPU time): parse ${p.toFixed(1)} ms, edit ${e.toFixed(1)} ms = ${(e / p).toFixed(3)}×, ${((copyCount.nodes - copiesBefore) / runs).toFixed(0)} node copies per edit  [${slow}]`);
  console.log(`  top rules (wall ms per edit, median): ${costliest}`);
}

// Reuse alone: moving the top-level blocks after the Summary (what an edit near the top of the
// document reuses), against the number of nodes in them (what a deep copy would copy).
for (const { label, text, top } of DOCUMENTS) {
  if ((only && label !== only) || !top) continue;
  const root = new IncrementalParser().parse(text);
  const moved = root.children.slice(root.children.findIndex((c) => c.type === 'heading' && c.position!.start.offset! > text.indexOf('## Summary')));
  let nodes = 0;
  for (const block of moved) walk(block, () => void nodes++);
  const times: number[] = [];
  const copies = copyCount.nodes;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    movedCopies(moved, 1 + (i % 2), 0);
    times.push(cpuMs(t));
  }
  console.log(`${label} reuse (CPU time): ${median(times).toFixed(2)} ms to move ${moved.length} blocks holding ${nodes} nodes, ${((copyCount.nodes - copies) / runs).toFixed(0)} node copies`);
}
