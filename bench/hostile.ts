// Another document's keystroke to diagnostics while a hostile one is analysed, through the real
// server (started as VS Code starts it, default time budget). Issue: "answers other documents within
// 1 s while the hostile one is analysed"; the protocol tests check the order (an answer arrives while
// the hostile one is pending), this puts a time on it. Part of `npm run bench`; alone:
//   node esbuild.mjs --tests && node out/bench/run.js hostile
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

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** One row per hostile input: its diagnostics' time, and the other document's keystrokes meanwhile. */
export interface HostileRow {
  label: string;
  hostileMs: number;
  otherMedianMs: number | undefined;
  otherSlowestMs: number | undefined;
  answered: number;
}

/** Up to `keystrokes` keystrokes (100 ms apart) in another document while each hostile one is analysed. */
export async function measureHostile(keystrokes = 8): Promise<HostileRow[]> {
  const client = new TestClient();
  await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  const pull = (uri: string) => client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  const other = 'file:///bench/postmortems/other.md';
  await client.open(other, '# Incident\n\nIt was human error.\n');
  await pull(other);
  let version = 1;
  const rows: HostileRow[] = [];
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
    rows.push({ label, hostileMs: done, otherMedianMs: s[Math.floor(s.length / 2)], otherSlowestMs: s.at(-1), answered: times.length });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await client.stop();
  return rows;
}
