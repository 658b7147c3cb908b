// The layers (parsing → language → model → rules/config → engine → features/render → analysis →
// service → handlers; cli on the engine) are enforced by ESLint's no-restricted-imports. These cases
// lint a one-line module placed in each layer: an import from a layer above is an error, one from
// below is not, and a type-only import from above is allowed (it is erased at build time).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..', '..');

async function restricted(layer: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, 'server', 'src', layer, 'layerProbe.ts') });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const importing = (from: string) => `import { value } from '${from}';\nexport const probe = value;\n`;

describe('layers are enforced by ESLint', function () {
  this.timeout(60_000);

  const forbidden: Array<[string, string]> = [
    ['parsing', '../language/reader'],
    ['language', '../model/buildModel'],
    ['language', '../engine/analyze'],
    ['model', '../rules/registry'],
    ['model', '../config/resolve'],
    ['config', '../engine/analyze'],
    ['rules', '../engine/analyze'],
    ['engine', '../features/hover'],
    ['analysis', '../handlers/context'],
    ['analysis', '../service/languageService'],
    ['cli', '../handlers/diagnostics'],
    ['cli', '../analysis/host'],
    ['cli', '../service/languageService'],
    ['service', '../handlers/context'],
    ['trackers', '../service/languageService'],
  ];
  for (const [layer, from] of forbidden) {
    it(`${layer}/ may not import ${from}`, async () => {
      const messages = await restricted(layer, importing(from));
      assert.equal(messages.length, 1, `expected one restriction, got ${JSON.stringify(messages)}`);
      assert.match(messages[0], /sits below that layer/);
    });
  }

  const allowed: Array<[string, string]> = [
    ['language', '../parsing/markdown'],
    ['model', '../language/reader'],
    ['config', '../rules/registry'],
    ['engine', '../config/resolve'],
    ['analysis', '../engine/analyze'],
    ['cli', '../engine/analyze'],
    ['service', '../analysis/host'],
  ];
  for (const [layer, from] of allowed) {
    it(`${layer}/ may import ${from}`, async () => {
      assert.deepEqual(await restricted(layer, importing(from)), []);
    });
  }

  it('a type-only import from a layer above is allowed', async () => {
    assert.deepEqual(await restricted('model', "import type { Finding } from '../rules/types';\nexport type Probe = Finding;\n"), []);
  });

  it('only parsing/ imports the Markdown parser', async () => {
    const messages = await restricted('model', importing('remark-parse'));
    assert.equal(messages.length, 1);
    assert.deepEqual(await restricted('parsing', importing('remark-parse')), []);
  });
});
