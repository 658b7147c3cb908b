// `npm run corpus`: runs the analyzer over real postmortems (../shared/corpus when present) and prints,
// per folder, what it recognised and what it reported. Skips cleanly when the folder is not there.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../server/src/engine/analyze';
import { RULES } from '../server/src/rules/registry';

const root = resolve(process.argv[2] ?? '../shared/corpus');
const NOW = new Date('2026-11-29T00:00:00Z');
const isPostmortemFile = (name: string) => /\.(?:md|markdown|mdx|qmd|md\.erb)$/i.test(name) && !/^(?:readme|license)/i.test(name);

if (!existsSync(root)) {
  console.log(`No corpus at ${root}; nothing to do.`);
  process.exit(0);
}

const folders = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
const ruleIds = RULES.map((r) => r.id);
const rows: Array<Record<string, string | number>> = [];
for (const folder of folders) {
  const files = readdirSync(join(root, folder)).filter(isPostmortemFile);
  const row: Record<string, string | number> = { folder, documents: files.length, sections: 0, 'timeline entries': 0, 'with a time': 0, 'action items': 0 };
  const byRule = new Map<string, number>();
  let ms = 0;
  for (const file of files) {
    const text = readFileSync(join(root, folder, file), 'utf8');
    const started = performance.now();
    const analysis = analyze(text, { now: NOW });
    ms += performance.now() - started;
    const { model } = analysis;
    (row.sections as number) += model.sections.filter((s) => s.kinds.length > 0).length;
    (row['timeline entries'] as number) += model.timeline.entries.length;
    (row['with a time'] as number) += model.timeline.entries.filter((e) => e.minutes !== undefined).length;
    (row['action items'] as number) += model.actionItems.length;
    for (const f of analysis.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    if (analysis.errors.length) console.error(`${folder}/${file}: ${analysis.errors.join('; ')}`);
  }
  for (const id of ruleIds) row[id] = byRule.get(id) ?? 0;
  row['ms (all files)'] = Math.round(ms);
  rows.push(row);
}

const columns = Object.keys(rows[0] ?? {});
console.log(`Corpus: ${root}\n`);
for (const column of columns) console.log(`${column.padEnd(24)} ${rows.map((r) => String(r[column]).padStart(10)).join(' ')}`);
