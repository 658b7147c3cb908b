import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLAMEFUL, ROOT, tempFolder } from './cliHarness';

type Message = { id?: number; method?: string; result?: { capabilities?: object }; params?: { diagnostics?: Array<{ code?: unknown }> } };

/**
 * Starts the server over stdio, initializes it, opens `text` and resolves with the initialize result
 * and the rule ids of the first non-empty diagnostics published: the analysis runs in the server's
 * worker bundle, so a package missing that bundle or the language model publishes none of them.
 */
function firstDiagnostics(bin: string, text: string): Promise<{ capabilities?: object; codes: unknown[] }> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [bin, '--stdio']);
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let buffer = Buffer.alloc(0);
    let capabilities: object | undefined;
    server.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString('latin1'))?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8')) as Message;
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1 && message.result) {
          capabilities = message.result.capabilities;
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///consumer/incident-postmortem.md', languageId: 'markdown', version: 1, text } } });
        } else if (message.id !== undefined && message.method) {
          send({ id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.diagnostics?.length) {
          server.kill();
          resolve({ capabilities, codes: message.params.diagnostics.map((d) => d.code) });
        }
      }
    });
    server.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

describe('the postmortem-lint npm package', function () {
  this.timeout(180_000);
  let tarball = '';
  let consumer = '';

  before(() => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'packNpm.mjs')], { cwd: ROOT, encoding: 'utf8' });
    tarball = out.trim().split(' ')[0];
    consumer = tempFolder('pm-npm-');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // Offline: the package and its two dependencies (the tagger and its model) come from the npm
    // cache that installing this repository filled.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, encoding: 'utf8' });
  });

  it('packs under 1.5 MB with only what runs', () => {
    assert.ok(statSync(tarball).size < 1.5 * 1024 * 1024, `${statSync(tarball).size} bytes`);
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    assert.ok(listed.includes('package/dist/cli.js') && listed.includes('package/types/lib.d.ts') && listed.includes('package/docs/rules/no-blame-language.md'));
    assert.deepEqual(listed.filter((f) => /\.map$|\/test\/|\/src\/|\.ts$/.test(f) && !f.endsWith('.d.ts')), []);
  });

  it('installs offline and runs postmortem-lint', () => {
    const bin = join(consumer, 'node_modules', '.bin', 'postmortem-lint');
    assert.match(execFileSync(bin, ['--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+\n$/);
    writeFileSync(join(consumer, 'incident-postmortem.md'), BLAMEFUL);
    const r = spawnSync(bin, ['incident-postmortem.md', '--format', 'json'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.ok(JSON.parse(r.stdout)[0].findings.some((f: { ruleId: string }) => f.ruleId === 'no-blame-language'));
  });

  it('runs postmortem-language-server over stdio and publishes its analysis', async () => {
    const { capabilities, codes } = await firstDiagnostics(join(consumer, 'node_modules', 'postmortem-lint', 'dist', 'server.js'), BLAMEFUL);
    assert.ok(capabilities);
    assert.ok(codes.includes('no-blame-language'), `published: ${codes.join(', ')}`);
  });

  it('exports a typed library: lint, fix, timeline, actionItems (CommonJS and ESM)', () => {
    const script = `const pm = require('postmortem-lint');
      const text = ${JSON.stringify(BLAMEFUL)};
      const r = pm.lint(text, { now: new Date('2026-06-01') });
      console.log(JSON.stringify({ rules: r.findings.map((f) => f.ruleId), sections: r.model.sections.length, items: pm.actionItems(text).length, timeline: typeof pm.timeline(text).metrics, fixed: pm.fix(text).text.includes('## Timeline') }));`;
    const cjs = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: consumer, encoding: 'utf8' }));
    assert.ok(cjs.rules.includes('no-blame-language'));
    assert.ok(cjs.sections >= 3);
    assert.equal(cjs.items, 1);
    assert.equal(cjs.timeline, 'object');
    assert.equal(cjs.fixed, true);
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "import { lint } from 'postmortem-lint'; console.log(typeof lint);"], { cwd: consumer, encoding: 'utf8' });
    assert.equal(esm.trim(), 'function');
    writeFileSync(join(consumer, 'use.ts'), [
      "import { lint, type LintFinding, type PostmortemConfig } from 'postmortem-lint';",
      "const config: PostmortemConfig = { rules: { 'no-blame-language': 'error' } };",
      "const findings: LintFinding[] = lint('# Postmortem', { config }).findings;",
      'export const lines: number[] = findings.map((f) => f.line);',
    ].join('\n'));
    // No skipLibCheck: the shipped declarations must stand alone.
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [] }, files: ['use.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
