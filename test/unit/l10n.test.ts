// Localisation is a data change: every manifest string comes from package.nls.json and every client
// string from l10n/bundle.l10n.json, both current with the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { l10nBundle } from '../../scripts/l10nBundle';

const ROOT = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

describe('localisation', () => {
  it('every %key% of the manifest is in package.nls.json, and no key is unused', () => {
    const manifest = read('package.json');
    const nls = JSON.parse(read('package.nls.json'));
    const used = new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 30, `${used.size} keys`);
    for (const key of used) assert.equal(typeof nls[key], 'string', key);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('commands, settings and the walkthrough are all localised', () => {
    const contributes = JSON.parse(read('package.json')).contributes;
    const texts = [
      ...contributes.commands.flatMap((c: { title: string; category: string }) => [c.title, c.category]),
      ...Object.values(contributes.configuration.properties).map((p) => (p as { markdownDescription: string }).markdownDescription),
      ...contributes.walkthroughs.flatMap((w: { title: string; steps: Array<{ title: string; description: string }> }) => [w.title, ...w.steps.flatMap((s) => [s.title, s.description])]),
    ];
    for (const text of texts) assert.match(text, /^%[\w.-]+%$/);
  });

  it('l10n/bundle.l10n.json holds every vscode.l10n.t string of the client (run `npm run docs`)', () => {
    const bundle = l10nBundle(ROOT);
    assert.ok(Object.keys(bundle).length > 30);
    assert.deepEqual(JSON.parse(read('l10n/bundle.l10n.json')), bundle);
  });
});
