// Where a keystroke's time goes on the server path, stage by stage, in one process (no threads, no
// pipe): the engine's edit, the worker's headlines (made and packed against the last answer), their
// structured clone to the main thread and unpacking there, the diagnostics, the JSON-RPC framing
// (JSON.stringify and the UTF-8 buffer, as vscode-jsonrpc writes a message) and the client's
// JSON.parse. Medians per stage, typed as bench/generate.ts editor types; sizes of what crosses.
// Wall-clock medians of one process: for comparing two versions of these stages, not for the
// keystroke to diagnostics through the real server (bench/serverKeystroke.ts measures that).
//   npx esbuild bench/serverPath.ts --bundle --platform=node --outfile=out/bench/serverPath.js
//   node out/bench/serverPath.js [200,1500,timeline,actionTable] [keystrokes]
// Diagnostics as the VS Code client gets them (no docs link: it makes them from the rule id);
// LINKS=field: with each finding's codeDescription, as other editors get them.
import { deserialize, serialize } from 'node:v8';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/engine/analyze';
import { HeadlineMaker, HeadlineUnpacker, packHeadlines, type FindingHeadline } from '../server/src/analysis/headlines';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { IncrementalParser } from '../server/src/parsing/incremental';
import { configFor, DEFAULT_SETTINGS } from '../server/src/settings';
import { editor, generateLongSection, generatePostmortem } from './generate';
import { median } from './serverRounds';

const DOCUMENTS: Record<string, () => { text: string; inside?: string }> = {
  200: () => ({ text: generatePostmortem(200, 1) }),
  1500: () => ({ text: generatePostmortem(1500, 1) }),
  timeline: () => ({ text: generateLongSection('timeline'), inside: '## Timeline' }),
  actionTable: () => ({ text: generateLongSection('actionTable'), inside: '## Follow-up actions' }),
};

function stages(text: string, inside: string | undefined, keystrokes: number): Map<string, number[]> {
  const config = configFor(DEFAULT_SETTINGS);
  const parser = new IncrementalParser();
  const maker = new HeadlineMaker();
  const unpacker = new HeadlineUnpacker();
  const next = editor(text, inside);
  const out = new Map<string, number[]>();
  const add = (name: string, value: number) => (out.get(name) ?? out.set(name, []).get(name)!).push(value);
  let sent: FindingHeadline[] | undefined;
  let typed = text;
  const warmup = 10;
  for (let i = 0; i < warmup + keystrokes; i++) {
    if (i > 0) typed = next();
    const record = i >= warmup ? add : () => undefined;
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      record(name, now - t);
      t = now;
    };
    const analysis = analyze(typed, { config: config.config, parser });
    lap('engine edit');
    const made = maker.make(analysis.findings, analysis.text, analysis.lines);
    lap('headlines made');
    const packed = packHeadlines(made, sent, sent ? maker.origins : new Int32Array(0), maker.shift);
    sent = made;
    lap('headlines packed');
    const answer = serialize({ id: i, ok: true, findings: packed.fresh, reused: packed.plan, errors: analysis.errors, notices: analysis.notices });
    const received = deserialize(answer) as { findings: FindingHeadline[]; reused?: Int32Array };
    lap('answer cloned');
    const findings = unpacker.unpack({ fresh: received.findings, plan: received.reused });
    lap('headlines unpacked');
    const document = TextDocument.create('file:///bench.md', 'markdown', i + 1, typed);
    const items = toDiagnostics(document, { version: i + 1, config, headline: { findings, notices: analysis.notices } }, process.env.LINKS === 'field');
    lap('diagnostics');
    const json = JSON.stringify({ jsonrpc: '2.0', id: i, result: { kind: 'full', resultId: String(i), items } });
    const framed = Buffer.from(json, 'utf8');
    lap('framing');
    JSON.parse(framed.toString('utf8'));
    lap('client parse');
    record('findings', findings.length);
    record('fresh headlines', packed.fresh.length);
    record('answer KB', answer.length / 1024);
    record('report KB', framed.length / 1024);
  }
  return out;
}

const names = (process.argv[2] ?? 'actionTable,timeline,1500,200').split(',');
const keystrokes = Number(process.argv[3] ?? 40);
for (const name of names) {
  const { text, inside } = DOCUMENTS[name]();
  const measured = stages(text, inside, keystrokes);
  const row = [...measured].map(([stage, values]) => `${stage} ${median(values).toFixed(stage.endsWith('KB') || /findings|headlines$/.test(stage) ? 0 : 2)}`);
  console.log(`${name}: ${row.join(', ')}`);
}
