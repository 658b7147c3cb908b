// Another document's keystroke to diagnostics while a hostile one is analysed, through the real
// server (started as VS Code starts it, default time budget). Issue: "answers other documents within
// 1 s while the hostile one is analysed". Not part of `npm run bench` (the slow inputs take the whole
// budget each); alone:
//   npx esbuild bench/hostile.ts --bundle --platform=node --outfile=out/bench/hostile.js
//   node out/bench/hostile.js [keystrokes per input]
import { loadavg } from 'node:os';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../test/helpers/lspClient';

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
const HOSTILE: Record<string, string> = {
  'lists nested 2,600 deep (5 KB)': `# Postmortem\n\n${'- '.repeat(2600)}x\n`,
  'block quotes nested 5,000 deep': `# Postmortem\n\n${'>'.repeat(5000)} x\n`,
  'a YAML alias bomb in the front matter': `---\n${BOMB}\n---\n\n# Postmortem\n`,
  '100 KB of nested brackets': `# Postmortem\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
  '40 KB of alternating *_': `# Postmortem\n\n${'*_'.repeat(20_000)}\n`,
};

const keystrokes = Number(process.argv[2] ?? 8);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function main(): Promise<void> {
  const client = new TestClient();
  await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  const pull = (uri: string) => client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const other = 'file:///bench/postmortems/other.md';
  await client.open(other, '# Incident\n\nIt was human error.\n');
  await pull(other);
  let version = 1;
  console.log(`Another document's keystroke to diagnostics while a hostile one is analysed — load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log('| hostile document | its diagnostics after | other document, median | other document, slowest | keystrokes answered meanwhile |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [i, [label, text]] of Object.entries(HOSTILE).entries()) {
    const uri = `file:///bench/postmortems/hostile-${i}.md`;
    const opened = performance.now();
    await client.open(uri, text);
    let done = 0;
    const hostile = pull(uri).then(() => (done = performance.now() - opened));
    const times: number[] = [];
    for (let k = 0; k < keystrokes && !done; k++) {
      version++;
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version }, contentChanges: [{ text: `# Incident\n\nIt was human error (${version}).\n` }] });
      await pull(other);
      if (!done) times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await hostile;
    const s = sorted(times);
    const ms = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(1)} ms`);
    console.log(`| ${label} | ${ms(done)} | ${ms(s[Math.floor(s.length / 2)])} | ${ms(s.at(-1))} | ${times.length} |`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await client.stop();
}

void main();
