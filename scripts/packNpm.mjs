// `npm run pack:npm`: builds the `postmortem-lint` npm package in build/npm and packs it to
// build/postmortem-lint-VERSION.tgz. The repository's package.json stays the VS Code extension's
// manifest (its identity, postmortem-tools.postmortem, is what editors and tests know); the npm
// package gets its own manifest here. The CLI, the language server and the library are bundles of
// our code and its small dependencies; the English tagger and its model (about 4 MB) stay real
// dependencies, installed once, rather than copied into each of the three bundles.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'build', 'npm');
const extension = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

const SHARED_DEPENDENCIES = ['wink-nlp', 'wink-eng-lite-web-model'];
const common = {
  external: SHARED_DEPENDENCIES,
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning',
  define: { PM_VERSION: JSON.stringify(extension.version) }, absWorkingDir: root,
};
const node = { js: '#!/usr/bin/env node' };
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: join(stage, 'dist', 'cli.js'), banner: node }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: join(stage, 'dist', 'server.js'), banner: node }),
  esbuild.build({ ...common, entryPoints: ['server/src/workerThread.ts'], outfile: join(stage, 'dist', 'serverWorker.js') }),
  esbuild.build({ ...common, entryPoints: ['server/src/lib.ts'], outfile: join(stage, 'dist', 'lib.js') }),
]);

// Declarations for the library entry and the types it names.
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), 'server/src/lib.ts',
  '--declaration', '--emitDeclarationOnly', '--rootDir', 'server/src', '--outDir', join(stage, 'types'),
  '--target', 'ES2022', '--module', 'preserve', '--moduleResolution', 'bundler', '--strict', '--skipLibCheck', '--esModuleInterop', '--types', 'node', '--ignoreConfig'], { cwd: root, stdio: 'inherit' });

// Ship only the declaration files the library's types reach.
const reached = new Set();
const visit = (file) => {
  if (reached.has(file)) return;
  reached.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) visit(join(dirname(file), `${spec}.d.ts`));
};
visit(join(stage, 'types', 'lib.d.ts'));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(join(stage, 'types'))) if (!reached.has(file)) rmSync(file);

for (const path of ['README.md', 'LICENSE', 'CHANGELOG.md', 'schemas', 'docs/rules']) cpSync(join(root, path), join(stage, path), { recursive: true });

const manifest = {
  name: 'postmortem-lint',
  version: extension.version,
  description: 'Lint blameless incident postmortems in Markdown: blame language, shallow root causes, unowned action items, missing sections and broken timelines. CLI, language server and library.',
  license: extension.license,
  keywords: [...extension.keywords, 'lint', 'cli', 'language-server', 'lsp'],
  repository: extension.repository,
  homepage: extension.homepage,
  bin: { 'postmortem-lint': 'dist/cli.js', 'postmortem-language-server': 'dist/server.js' },
  main: './dist/lib.js',
  types: './types/lib.d.ts',
  exports: { '.': { types: './types/lib.d.ts', default: './dist/lib.js' }, './package.json': './package.json', './schema.json': './schemas/postmortemrc.schema.json' },
  files: ['dist/', 'types/', 'schemas/', 'docs/rules/', 'CHANGELOG.md'],
  dependencies: Object.fromEntries(SHARED_DEPENDENCIES.map((name) => [name, extension.devDependencies[name]])),
  engines: { node: extension.engines.node },
  sideEffects: false,
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', '..'], { cwd: stage, encoding: 'utf8' }))[0];
process.stdout.write(`${join(root, 'build', packed.filename)} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked)\n`);
