// `node out/bench/report.js`: the follow-through report on generated workspaces (10 and 1,000
// postmortems), and a tracker re-run against the local fake tracker (cold vs ETag-revalidated).
// Prints medians and ratios; never fails on a time.
import { analyze } from '../server/src/engine/analyze';
import { buildReport, type ReportInput } from '../server/src/render/reportData';
import { reportHtml } from '../server/src/render/reportHtml';
import { readTrackerStates } from '../server/src/trackers/clients';
import { MemoryCache, TrackerHttp } from '../server/src/trackers/http';
import { findTrackerRef } from '../server/src/trackers/links';
import { FakeTrackers } from '../test/helpers/fakeTrackers';
import { generateWorkspace } from '../test/helpers/workspace';

const NOW = new Date('2026-01-01T00:00:00Z');

function medianOf(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const results: Record<number, { analyze: number; report: number; html: number }> = {};
  for (const count of [10, 1000]) {
    const docs = generateWorkspace(count);
    let inputs: ReportInput[] = [];
    const analyzeMs = medianOf(() => {
      inputs = docs.map(({ file, text }) => {
        const a = analyze(text, { now: NOW });
        return { file, model: a.model, lineOf: (o: number) => a.lines.line(o) + 1 };
      });
    }, count > 100 ? 3 : 15);
    let report = buildReport(inputs, NOW);
    const reportMs = medianOf(() => { report = buildReport(inputs, NOW); }, 15);
    let html = '';
    const htmlMs = medianOf(() => { html = reportHtml(report); }, 15);
    results[count] = { analyze: analyzeMs, report: reportMs, html: htmlMs };
    console.log(`${String(count).padStart(5)} postmortems: analyze ${analyzeMs.toFixed(1)} ms · build report ${reportMs.toFixed(2)} ms · HTML ${htmlMs.toFixed(2)} ms (${(html.length / 1024).toFixed(0)} KB)`);
  }
  const ratio = (k: 'analyze' | 'report' | 'html') => (results[1000][k] / results[10][k]).toFixed(0);
  console.log(`growth 10 → 1,000 (100× the postmortems): analyze ${ratio('analyze')}× · report ${ratio('report')}× · HTML ${ratio('html')}×`);

  const fake = await new FakeTrackers().start();
  const refs = Array.from({ length: 200 }, (_, i) => findTrackerRef(`octo/app#${i + 1}`)!);
  refs.forEach((r, i) => fake.issues.set(r.key, { state: i % 2 ? 'open' : 'closed', etag: `"e${i}"`, delayMs: 5 }));
  const config = { github: { apiUrl: fake.url } };
  const cache = new MemoryCache();
  for (const label of ['cold', 'revalidated']) {
    const before = fake.seen.length;
    const start = performance.now();
    await readTrackerStates(refs, new TrackerHttp({ cache }), config, {});
    const conditional = fake.seen.slice(before).filter((s) => s.headers['if-none-match']).length;
    console.log(`trackers, 200 issues, ${label}: ${(performance.now() - start).toFixed(0)} ms, ${fake.seen.length - before} requests (${conditional} conditional), max ${fake.maxInFlight} in flight`);
  }
  await fake.stop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
