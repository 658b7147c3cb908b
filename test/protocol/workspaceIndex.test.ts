// The real server's workspace index: files on disk read in its index worker exactly as `analyze`
// reads them, a file past the time budget skipped with a reason, and an open document listed with
// the items of the version being typed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze';
import { TestClient } from '../helpers/lspClient';
import { SPLITTER_DISAGREEMENTS } from '../helpers/splitterFixtures';

type Listed = { items: Array<{ uri: string; text: string; line: number }>; indexing: boolean };

describe('language server: the workspace index', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string) => pathToFileURL(join(dir, 'postmortems', name)).toString();
  const listed = () => client.connection.sendRequest<Listed>('postmortem/actionItems', {});
  async function until(check: (l: Listed) => boolean, what: string): Promise<Listed> {
    for (let i = 0; i < 300; i++) {
      const result = await listed();
      if (check(result)) return result;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const names = Object.keys(SPLITTER_DISAGREEMENTS).map((n, i) => [`${i}-${n.replace(/\W+/g, '-')}.md`, SPLITTER_DISAGREEMENTS[n]] as const);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-index-protocol-'));
    mkdirSync(join(dir, 'postmortems'));
    for (const [name, text] of names) writeFileSync(join(dir, 'postmortems', name), text);
    // remark takes many seconds over this on any machine we know: longer than the fixed budget below.
    writeFileSync(join(dir, 'postmortems', 'slow.md'), `# Postmortem\n\n## Action items\n\n- [ ] Slow. Owner: @slow\n\n${'*_'.repeat(20_000)}\n`);
    client = new TestClient({ POSTMORTEM_ANALYSIS_BUDGET_MS: '1500' });
    await client.initialize({ workspace: { configuration: true } }, pathToFileURL(dir).toString());
  });
  after(() => client.stop());

  it('lists exactly the items analyze finds in each file, and skips one past its budget with a reason', async () => {
    const result = await until((l) => !l.indexing && l.items.length > 0, 'the first pass');
    const expected = names.flatMap(([name, text]) => analyze(text).model.actionItems.map((a) => `${name} ${a.text}`));
    assert.deepEqual(result.items.map((i) => `${decodeURIComponent(i.uri.split('/').pop()!)} ${i.text}`).sort(), expected.sort());
    assert.ok(client.logs.some((l) => /slow\.md: reading its action items took longer than 1\.5 s/.test(l)), client.logs.join('\n'));
  });

  it('lists an open document\'s items from the version being typed, not the saved one', async () => {
    const [name, text] = names[0];
    const uri = uriOf(name);
    await client.open(uri, text);
    const typed = `${text}\n## Next steps\n\n- [ ] Typed, not saved. Owner: @typist\n`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: typed }] });
    const result = await until((l) => l.items.some((i) => i.text.startsWith('Typed, not saved')), 'the typed item');
    assert.deepEqual(result.items.filter((i) => i.uri === uri).map((i) => i.text), analyze(typed).model.actionItems.map((a) => a.text));
  });
});
