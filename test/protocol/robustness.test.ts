import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

describe('language server on odd input', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  const pull = async (uri: string): Promise<Diagnostic[]> => (await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-odd-'));
    mkdirSync(join(dir, 'postmortems'));
    client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } }, pathToFileURL(dir).toString());
  });
  after(() => client.stop());

  it('counts UTF-16 code units: emoji before a finding', async () => {
    const uri = pathToFileURL(join(dir, 'postmortems', 'emoji.md')).toString();
    await client.open(uri, '# 😀 Incident\n\n😀😀 𝔘 It was human error.\n');
    const d = (await pull(uri)).find((x) => x.code === 'no-blame-language')!;
    assert.deepEqual(d.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 26 } });
  });

  it('reports a 10 MB document once, skips it, and stays responsive', async () => {
    const big = pathToFileURL(join(dir, 'postmortems', 'big.md')).toString();
    await client.open(big, `# Incident\n\n${'It was human error. '.repeat(500_000)}\n`);
    const items = await pull(big);
    assert.deepEqual(items.map((d) => d.code), ['too-large']);
    const small = pathToFileURL(join(dir, 'postmortems', 'small.md')).toString();
    await client.open(small, '# Incident\n\nIt was human error.\n');
    assert.ok((await pull(small)).some((d) => d.code === 'no-blame-language'));
  });

  it('survives NUL bytes, binary content and invalid front matter', async () => {
    const uri = pathToFileURL(join(dir, 'postmortems', 'binary.md')).toString();
    await client.open(uri, '---\ntitle: [\n---\n\u0000\u0001\uFFFE# x\n\u0000 human error\n');
    const items = await pull(uri);
    assert.ok(items.some((d) => d.code === 'front-matter'));
  });

  it('says clearly when .postmortemrc is malformed, uses the defaults, and names unknown rules', async () => {
    const sub = join(dir, 'team');
    mkdirSync(join(sub, 'postmortems'), { recursive: true });
    writeFileSync(join(sub, '.postmortemrc.json'), '{ "rules": { "no-blame-language": ');
    const uri = pathToFileURL(join(sub, 'postmortems', 'a.md')).toString();
    await client.open(uri, '# Incident\n\nIt was human error.\n');
    const items = await pull(uri);
    assert.ok(items.some((d) => d.code === 'config' && /not valid JSON/.test(String(d.message))));
    assert.ok(items.some((d) => d.code === 'no-blame-language'), 'defaults still apply');
    await client.waitFor(() => client.messages.some((m) => /not valid JSON/.test(m)), 'an error message');

    const other = join(dir, 'other');
    mkdirSync(join(other, 'postmortems'), { recursive: true });
    writeFileSync(join(other, '.postmortemrc.yaml'), 'rules:\n  no-such-rule: error\n');
    await client.open(pathToFileURL(join(other, 'postmortems', 'b.md')).toString(), '# Incident\n');
    await pull(pathToFileURL(join(other, 'postmortems', 'b.md')).toString());
    await client.waitFor(() => client.messages.some((m) => /Unknown rule "no-such-rule"/.test(m)), 'a warning naming the rule');
  });
});
