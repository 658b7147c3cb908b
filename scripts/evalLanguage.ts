// `npm run eval:language`: how well the language rules read sentences a blameless reviewer labeled.
// Input: a TSV (label, sentence, note) at ../shared/language/dev.tsv, or the path given. Each sentence
// is analysed as a one-paragraph document; a sentence "draws a finding" when any of the three
// language rules reports on it. Prints recall per label, recall over the three, the false-positive
// rate on NEUTRAL, and lists every miss and false positive. Skips cleanly when the file is absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../server/src/engine/analyze';

const file = resolve(process.argv[2] ?? '../shared/language/dev.tsv');
const LANGUAGE_RULES: Record<string, string> = {
  'no-blame-language': 'BLAME', 'no-counterfactual': 'COUNTERFACTUAL', 'no-hindsight-minimizer': 'HINDSIGHT',
};
const LABELS = ['BLAME', 'COUNTERFACTUAL', 'HINDSIGHT'];
const NOW = new Date('2026-11-29T00:00:00Z');

if (!existsSync(file)) {
  console.log(`No labeled sentences at ${file}; nothing to do.`);
  process.exit(0);
}

const rows = readFileSync(file, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim())
  .map((line) => { const [label, sentence] = line.split('\t'); return { label: label.trim().toUpperCase(), sentence: sentence ?? '' }; });

const stats = new Map<string, { total: number; hit: number; exact: number }>();
const misses: string[] = [];
const falsePositives: string[] = [];
const started = performance.now();
for (const { label, sentence } of rows) {
  const found = analyze(`${sentence}\n`, { now: NOW }).findings.filter((f) => f.ruleId in LANGUAGE_RULES);
  const kinds = new Set(found.map((f) => LANGUAGE_RULES[f.ruleId]));
  const s = stats.get(label) ?? { total: 0, hit: 0, exact: 0 };
  s.total++;
  if (found.length) s.hit++;
  if (kinds.has(label)) s.exact++;
  stats.set(label, s);
  const said = found.map((f) => `${f.ruleId}: ${sentence.slice(f.start, f.end)}`).join(' | ');
  if (label === 'NEUTRAL' && found.length) falsePositives.push(`  ${sentence}\n      -> ${said}`);
  if (LABELS.includes(label) && !found.length) misses.push(`  [${label}] ${sentence}`);
}
const elapsed = performance.now() - started;

const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`Language eval: ${file} (${rows.length} sentences, ${elapsed.toFixed(0)} ms)\n`);
console.log('label           n    recall (any language rule)   recall (the label\'s own rule)');
let total = 0; let hit = 0;
for (const label of LABELS) {
  const s = stats.get(label) ?? { total: 0, hit: 0, exact: 0 };
  total += s.total; hit += s.hit;
  console.log(`${label.padEnd(15)} ${String(s.total).padStart(3)}  ${pct(s.hit, s.total).padStart(10)}                   ${pct(s.exact, s.total).padStart(10)}`);
}
const neutral = stats.get('NEUTRAL') ?? { total: 0, hit: 0, exact: 0 };
console.log(`${'ALL THREE'.padEnd(15)} ${String(total).padStart(3)}  ${pct(hit, total).padStart(10)}`);
console.log(`${'NEUTRAL FP'.padEnd(15)} ${String(neutral.total).padStart(3)}  ${pct(neutral.hit, neutral.total).padStart(10)}`);
console.log(`\nMisses (${misses.length}):\n${misses.join('\n')}`);
console.log(`\nFalse positives (${falsePositives.length}):\n${falsePositives.join('\n')}`);
