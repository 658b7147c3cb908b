// Per-rule time of the whole-document rules (neither block nor item scoped) on a keystroke inside
// each bench document, with the engine's edit total: for comparing versions of the document rules'
// caches. Not part of `npm run bench`; build and run with
//   npx esbuild bench/documentRules.ts --bundle --platform=node --outfile=out/bench/documentRules.js
//   node out/bench/documentRules.js [edits] [200|1500|15000|timeline|actionTable]
// Prints, per document, each document rule's median and its 10th-90th percentile range (wall ms),
// their sum, and the engine edit's median (CPU ms), typed as bench/edit.ts types.
import { loadavg } from 'node:os';
import { analyze } from '../server/src/engine/analyze';
import { IncrementalParser } from '../server/src/parsing/incremental';
import { RULES } from '../server/src/rules/registry';
import { editor, generateLongSection, generatePostmortem } from './generate';

const DOCUMENTS: Array<{ label: string; text: string; inside?: string }> = [
  ...[200, 1500, 15000].map((lines) => ({ label: `${lines}`, text: generatePostmortem(lines, 1) })),
  { label: 'timeline', text: generateLongSection('timeline'), inside: '## Timeline' },
  { label: 'actionTable', text: generateLongSection('actionTable'), inside: '## Follow-up actions' },
];

/** The rules the engine runs over the whole document (no per-unit or per-item cache of their own). */
const DOCUMENT_RULES = RULES.filter((r) => r.scope !== 'block' && r.scope !== 'item').map((r) => r.id);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function summary(times: number[]): string {
  const sorted = times.slice().sort((a, b) => a - b);
  return `${percentile(sorted, 0.5).toFixed(3)} (${percentile(sorted, 0.1).toFixed(3)}-${percentile(sorted, 0.9).toFixed(3)})`;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const edits = Number(process.argv[2] ?? 40);
const only = process.argv[3];
console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${edits} edits per document`);
for (const { label, text, inside } of DOCUMENTS) {
  if (only && label !== only) continue;
  const parser = new IncrementalParser();
  const next = editor(text, inside);
  // Two warm-up versions: the first fills the caches, the second is the first edit.
  analyze(text, { parser });
  analyze(next(), { parser });
  const byRule = new Map<string, number[]>(DOCUMENT_RULES.map((id) => [id, []]));
  const sums: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < edits; i++) {
    const timings = new Map<string, number>();
    const t = process.cpuUsage();
    analyze(next(), { parser, timings });
    totals.push(cpuMs(t));
    let sum = 0;
    for (const id of DOCUMENT_RULES) {
      const ms = timings.get(id) ?? 0;
      byRule.get(id)!.push(ms);
      sum += ms;
    }
    sums.push(sum);
  }
  console.log(`${label}: document rules ${summary(sums)} ms, engine edit ${summary(totals)} ms (CPU)`);
  for (const [id, times] of byRule) console.log(`  ${id.padEnd(22)} ${summary(times)}`);
}
