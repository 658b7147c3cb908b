// `npm run corpus`: runs the analyzer over real postmortems (../shared/corpus when present) and prints,
// per folder, what it recognised and what it reported. Skips cleanly when the folder is not there.
//
// Besides the counts, it checks the reading against a reader's judgement made here, independently of
// the model (a few loose patterns, not the model's alias table or time parser):
// - a document "has a timeline" when 3+ of its lines start with a date or a time, or when a heading
//   that says "timeline" is followed by 3+ lines holding one;
// - the timeline is "recognised" when the model holds 3+ entries with a date or a time;
// - a section "a reader sees" is a heading or bold label whose words say what the section is;
//   it is "reported missing" when required-sections says that kind is absent.
// Every miss is listed with its document, so reading one is a command away.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../server/src/engine/analyze';
import { DEFAULT_REQUIRED_SECTIONS } from '../server/src/config/types';
import { SECTION_TITLES } from '../server/src/model/sectionNames';
import type { SectionKind } from '../server/src/model/types';
import { RULES } from '../server/src/rules/registry';

const root = resolve(process.argv[2] ?? '../shared/corpus');
const NOW = new Date('2026-11-29T00:00:00Z');
const isPostmortemFile = (name: string) => /\.(?:md|markdown|mdx|qmd|md\.erb)$/i.test(name) && !/^(?:readme|license)/i.test(name);

if (!existsSync(root)) {
  console.log(`No corpus at ${root}; nothing to do.`);
  process.exit(0);
}

// ---- the reader's judgement (deliberately independent of server/src/model) ----

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const STAMP = new RegExp([
  '\\d{4}-\\d{1,2}-\\d{1,2}', '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}', `(?:[a-z]+day,?\\s+)?${MONTH}\\s+\\d{1,2}`, `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}`,
  '\\d{1,2}[:.h]\\d{2}', '\\d{3,4}\\s*(?:h|utc|gmt|[a-z]{2,4}t)\\b', '\\d{1,2}\\s*[ap]\\.?m\\b',
].map((p) => `(?:${p})`).join('|'), 'i');
const LEADING_STAMP = new RegExp(`^(?:${STAMP.source})`, 'i');
/** Markup a line may start with before its date or time: heading marks, bullets, numbers, emphasis, brackets, pipes. */
const LINE_MARKUP = /^(?:\s|#+|>|[-*+](?=\s)|\d+[.)](?=\s)|\[[ xX]\](?=\s)|\||\*\*|__|[*_`[(~]|approx\.?|about|around)*/i;

const READER_KINDS: Record<string, RegExp> = {
  summary: /\b(?:summary|overview|tl;?dr|synopsis|what happened|executive)\b/,
  impact: /\b(?:impact|affected|blast radius)/,
  timeline: /\b(?:timeline|chronolog|sequence of events|key events)/,
  'root-cause': /\b(?:causes?|why\b|contributing|trigger)/,
  detection: /\b(?:detect|discover|identif|noticed)/,
  'what-went-well': /\b(?:went (?:well|right)|what worked)/,
  'action-items': /\b(?:actions?\b|follow.?ups?|remediat|next steps|corrective|preventa?ti|todos?\b|to do\b)/,
};

function readerTitles(text: string): string[] {
  const titles: string[] = [];
  for (const line of text.split('\n')) {
    // The document's own title (H1) names the incident, not a section.
    const heading = /^\s{0,3}#{2,6}\s+(.*)$/.exec(line);
    const label = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)([^*_]{2,80}?)(?:\*\*|__)/.exec(line);
    const title = heading?.[1] ?? label?.[1];
    if (title) titles.push(title.toLowerCase());
  }
  return titles;
}

function readerSections(text: string): Set<string> {
  const titles = readerTitles(text);
  // A reader sees a section when its name is a short title that says it in its first words
  // ("Issue Summary", "Customer impact"), not when a long bold lead mentions it in passing.
  const names = (t: string, re: RegExp) => {
    const m = re.exec(t);
    return m !== null && t.split(/\s+/).length <= 8 && t.slice(0, m.index).trim().split(/\s+/).filter(Boolean).length <= 2;
  };
  return new Set(Object.keys(READER_KINDS).filter((k) => titles.some((t) => names(t, READER_KINDS[k]))));
}

function readerHasTimeline(text: string): boolean {
  const lines = text.split('\n');
  const leading = lines.filter((l) => LEADING_STAMP.test(l.replace(LINE_MARKUP, ''))).length;
  if (leading >= 3) return true;
  const heading = lines.findIndex((l) => /^\s{0,3}#{1,6}\s.*timeline/i.test(l));
  if (heading === -1) return false;
  const level = /#+/.exec(lines[heading])![0].length;
  let count = 0;
  for (const line of lines.slice(heading + 1)) {
    const h = /^\s{0,3}(#{1,6})\s/.exec(line);
    if (h && h[1].length <= level) break;
    if (STAMP.test(line)) count++;
  }
  return count >= 3;
}

// ---- the run ----

const TITLE_TO_KIND = new Map(Object.entries(SECTION_TITLES).map(([k, t]) => [t.toLowerCase(), k as SectionKind]));
const folders = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
const ruleIds = RULES.map((r) => r.id);
const rows: Array<Record<string, string | number>> = [];
const misses: string[] = [];
for (const folder of folders) {
  const files = readdirSync(join(root, folder)).filter(isPostmortemFile).sort();
  const row: Record<string, string | number> = {
    folder, documents: files.length, 'has a timeline': 0, 'recognised': 0, 'sections seen': 0, 'reported missing': 0, crashes: 0,
    sections: 0, 'timeline entries': 0, 'with a time': 0, 'action items': 0,
  };
  const add = (key: string, n = 1) => (row[key] = (row[key] as number) + n);
  const byRule = new Map<string, number>();
  let ms = 0;
  for (const file of files) {
    const name = `${folder}/${file}`;
    const text = readFileSync(join(root, folder, file), 'utf8');
    const started = performance.now();
    let analysis: ReturnType<typeof analyze>;
    try {
      analysis = analyze(text, { now: NOW });
    } catch (error) {
      add('crashes');
      misses.push(`crash     ${name}: ${String(error)}`);
      continue;
    }
    ms += performance.now() - started;
    const { model } = analysis;
    add('sections', model.sections.filter((s) => s.kinds.length > 0).length);
    add('timeline entries', model.timeline.entries.length);
    add('with a time', model.timeline.entries.filter((e) => e.minutes !== undefined).length);
    add('action items', model.actionItems.length);
    for (const f of analysis.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    if (analysis.errors.length) {
      add('crashes');
      misses.push(`crash     ${name}: ${analysis.errors.join('; ')}`);
    }
    if (readerHasTimeline(text)) {
      add('has a timeline');
      const dated = model.timeline.entries.filter((e) => e.minutes !== undefined || (e as { date?: string }).date !== undefined).length;
      if (dated >= 3) add('recognised');
      else misses.push(`timeline  ${name}: ${dated} dated entries${model.timeline.section ? ` under "${model.timeline.section.title}"` : ', no timeline section'}`);
    }
    const seen = readerSections(text);
    const reported = new Set(analysis.findings.filter((f) => f.ruleId === 'required-sections')
      .map((f) => TITLE_TO_KIND.get(/has no (.+?) section/.exec(f.message)?.[1] ?? '')));
    for (const kind of DEFAULT_REQUIRED_SECTIONS) {
      if (!seen.has(kind)) continue;
      add('sections seen');
      if (reported.has(kind as SectionKind)) {
        add('reported missing');
        misses.push(`section   ${name}: ${kind} reported missing`);
      }
    }
  }
  for (const id of ruleIds) row[id] = byRule.get(id) ?? 0;
  row['ms (all files)'] = Math.round(ms);
  rows.push(row);
}

const total: Record<string, string | number> = { folder: 'total' };
for (const column of Object.keys(rows[0] ?? {}).slice(1)) total[column] = rows.reduce((sum, r) => sum + Number(r[column]), 0);
rows.push(total);
const columns = Object.keys(rows[0] ?? {});
console.log(`Corpus: ${root}\n`);
for (const column of columns) console.log(`${column.padEnd(24)} ${rows.map((r) => String(r[column]).padStart(9)).join(' ')}`);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '-');
console.log(`\nTimelines recognised: ${total.recognised} of ${total['has a timeline']} (${pct(Number(total.recognised), Number(total['has a timeline']))}); ` +
  `sections a reader sees reported missing: ${total['reported missing']} of ${total['sections seen']} (${pct(Number(total['reported missing']), Number(total['sections seen']))}); crashes: ${total.crashes}`);
if (misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
