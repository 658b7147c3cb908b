// Documents full of backtick runs that open no code span, 10 KB to 1 MB: what each costs in remark's
// parse, in the one visible-text reading of the whole text as one fragment (whose code-span pattern
// scans for a closing run), in the whole analysis, and through the real server (open to
// diagnostics). For checking that the cost grows linearly with the size. Not part of `npm run bench`; build and run with
//   npm run build && npx esbuild bench/unclosedBackticks.ts --bundle --platform=node --outfile=out/bench/unclosedBackticks.js
//   node out/bench/unclosedBackticks.js [sizes in KB, e.g. 10,100,1000] [server]
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/engine/analyze';
import { parseMarkdown } from '../server/src/parsing/markdown';
import { visibleText } from '../server/src/parsing/visibleText';
import { TestClient } from '../test/helpers/lspClient';

/** Backtick runs whose length never repeats within `window` characters, so none closes another. */
function distinctRuns(size: number, lengths: (i: number) => number, separator: (i: number) => string): string {
  const parts: string[] = ['# Incident\n\n## Summary\n\n'];
  let length = parts[0].length;
  for (let i = 0; length < size; i++) {
    const part = '`'.repeat(lengths(i)) + separator(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('') + '\n';
}

const SHAPES: Record<string, (size: number) => string> = {
  // CommonMark's pathological case: runs of 1, 2, 3, ... backticks, each after a letter, on one line.
  'growing runs, one line': (size) => distinctRuns(size, (i) => i + 1, () => 'e'),
  // Runs of 1 to 70 backticks over and over: the next run of a length comes 2,555 characters later,
  // past the code-span scan's bound, so none closes and every run pays a whole scan.
  'cycling runs, wrapped lines': (size) => distinctRuns(size, (i) => (i % 70) + 1, (i) => (i % 8 === 7 ? ' word\n' : ' word ')),
  // One backtick in each paragraph of prose: remark reads each paragraph alone, the visible text
  // of a section reads them together.
  'one backtick per paragraph': (size) => distinctRuns(size, () => 1, () => ' an unclosed code span in a sentence of ordinary prose.\n\n'),
};

function least(fn: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function serverMs(client: TestClient, uri: string, text: string): Promise<number> {
  const start = performance.now();
  await client.open(uri, text);
  await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const ms = performance.now() - start;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return ms;
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '10,100,1000').split(',').map((kb) => Number(kb) * 1000);
  const client = process.argv[3] === 'server' ? new TestClient() : undefined;
  if (client) await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  let n = 0;
  for (const [shape, make] of Object.entries(SHAPES)) {
    console.log(shape);
    let before: number[] | undefined;
    for (const size of sizes) {
      const text = make(size);
      const runs = size >= 500_000 ? 1 : 3;
      const row = [
        least(() => parseMarkdown(text), runs),
        least(() => visibleText(text), runs),
        least(() => analyze(text), runs),
      ];
      if (client) row.push(await serverMs(client, `file:///bench/postmortems/backticks-${n++}.md`, text));
      const growth = before ? ` (x${row.map((ms, i) => (ms / before![i]).toFixed(1)).join(', x')} for x${(size / sizes[sizes.indexOf(size) - 1]).toFixed(0)} the text)` : '';
      console.log(`  ${(text.length / 1000).toFixed(0)} KB: parse ${row[0].toFixed(1)} ms, visible text ${row[1].toFixed(1)} ms, analyze ${row[2].toFixed(1)} ms${client ? `, server open to diagnostics ${row[3].toFixed(0)} ms` : ''}${growth}`);
      before = row;
    }
  }
  await client?.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
