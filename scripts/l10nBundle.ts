// The client's translatable strings: every vscode.l10n.t('...') literal in client/src, as the
// l10n/bundle.l10n.json that translators copy to bundle.l10n.<locale>.json. `npm run docs` writes it;
// a unit test fails when it is stale.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

export function l10nBundle(root: string): Record<string, string> {
  const strings = new Set<string>();
  for (const file of sources(join(root, 'client', 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(CALL)) strings.add(match[1].replace(/\\(.)/g, '$1'));
  }
  return Object.fromEntries([...strings].sort().map((s) => [s, s]));
}
