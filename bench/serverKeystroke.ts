// Keystroke to diagnostics through the real server, as `npm run bench`'s server section measures it
// (bench/serverRounds.ts: as VS Code asks / a full report each time, and remark's parse of the
// document in the same rounds), for chosen documents only, with the server's CPU per keystroke (main
// thread / other threads): for comparing two builds of the server on a loaded machine, where
// wall-clock medians swing.
//   npx esbuild bench/serverKeystroke.ts --bundle --platform=node --outfile=out/bench/serverKeystroke.js
//   node out/bench/serverKeystroke.js [200,1500,15000,timeline,actionTable] [runs]
// Environment: PM_SERVER=path/to/server.js (another build, e.g. main's, copied with its dist/ siblings);
// PROF_DIR=dir (a --cpu-prof profile of each server thread, written when it exits); FEATURES=1 (the
// requests VS Code sends after a change, answered before each keystroke and counted in its time);
// WHOLE_TEXT=1 (each change sends the whole document, as the bench did before 2026-11-30).
import { generateLongSection, generatePostmortem } from './generate';
import { serverKeystrokes } from './serverRounds';

const DOCUMENTS: Record<string, () => { text: string; inside?: string }> = {
  200: () => ({ text: generatePostmortem(200, 1) }),
  1500: () => ({ text: generatePostmortem(1500, 1) }),
  15000: () => ({ text: generatePostmortem(15000, 1) }),
  timeline: () => ({ text: generateLongSection('timeline'), inside: '## Timeline' }),
  actionTable: () => ({ text: generateLongSection('actionTable'), inside: '## Follow-up actions' }),
};

void (async () => {
  const names = (process.argv[2] ?? '200,1500,15000,timeline,actionTable').split(',');
  const runs = Number(process.argv[3] ?? 15);
  for (const name of names) {
    const { text, inside } = DOCUMENTS[name]();
    const n = name === '15000' ? 5 : runs;
    const k = await serverKeystrokes(text, { runs: n, inside, server: process.env.PM_SERVER, profDir: process.env.PROF_DIR, features: !!process.env.FEATURES, wholeText: !!process.env.WHOLE_TEXT });
    console.log(`${name}: as VS Code ${k.vscode.toFixed(2)} ms (${(k.vscode / k.parse).toFixed(2)}x, unchanged ${k.unchanged}/${n}), full ${k.full.toFixed(2)} ms (${(k.full / k.parse).toFixed(2)}x); parse ${k.parse.toFixed(1)} ms (same rounds); server CPU per keystroke ${k.cpu.main.toFixed(1)} main + ${k.cpu.others.toFixed(1)} other threads; RSS ${k.rssMb.toFixed(0)} MB`);
  }
})();
