// Memory the engine's caches keep after many keystrokes on the 15,000-line document: the heap
// (after a full GC) grows by about the document's size per keystroke when a cached string is a slice
// of one version's text (V8 keeps the whole text alive behind it). Not part of `npm run bench`:
//   npx esbuild bench/retained.ts --bundle --platform=node --outfile=out/bench/retained.js
//   node --expose-gc out/bench/retained.js [keystrokes]
import { analyze } from '../server/src/engine/analyze';
import { IncrementalParser } from '../server/src/parsing/incremental';
import { generatePostmortem } from './generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const keystrokes = Number(process.argv[2] ?? 40);
const NOW = new Date('2026-11-29T00:00:00Z');
let text = generatePostmortem(15000, 1);
const parser = new IncrementalParser();
let kept = analyze(text, { parser, now: NOW });

const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

// Spread-out edits, each inside another block's prose (after "The " of a sentence), as a writer
// revising the document would make them; every version keeps the earlier edits.
const spots: number[] = [];
for (let at = text.indexOf('The '); at >= 0 && spots.length < keystrokes; at = text.indexOf('The ', at + Math.floor(text.length / keystrokes))) spots.push(at);
const before = heapMb();
const times: number[] = [];
spots.reverse().forEach((at) => {
  text = `${text.slice(0, at + 4)}x${text.slice(at + 4)}`;
  const started = performance.now();
  kept = analyze(text, { parser, now: NOW });
  times.push(performance.now() - started);
});
const after = heapMb();
times.sort((a, b) => a - b);
// A string with any character past Latin-1 takes two bytes per character.
const docMb = (text.length * ([...text].some((c) => c.charCodeAt(0) > 0xff) ? 2 : 1)) / 2 ** 20;
console.log(`${spots.length} keystrokes on a ${docMb.toFixed(2)} MB document: heap ${before.toFixed(1)} → ${after.toFixed(1)} MB, ` +
  `${((after - before) / spots.length * 1024).toFixed(0)} KB kept per keystroke (${((after - before) / docMb).toFixed(1)} document texts); ` +
  `median edit ${times[Math.floor(times.length / 2)].toFixed(0)} ms, ${kept.findings.length} findings`);
