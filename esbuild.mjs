// Bundles the extension client, the language server, the CLI, the library and the webview into dist/,
// and (with --tests) each test file into out/. Flags: --production (minify), --watch, --tests.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  define: { PM_VERSION: JSON.stringify(pkg.version) },
};

// The web build: the engine's few Node imports (fs, path, url) become server/src/browser/nodeShims.ts;
// the client must need none (a Node import there fails the build).
const nodeShims = {
  name: 'node-shims',
  setup(build) {
    build.onResolve({ filter: /^node:(?:fs|fs\/promises|path|url)$/ }, () => ({ path: join(process.cwd(), 'server', 'src', 'browser', 'nodeShims.ts') }));
  },
};
const web = { platform: 'browser', target: 'es2022', define: { ...common.define, 'process.env.NODE_ENV': '"production"' } };

// The Node server's threads read the English model from a file of their own, required when a thread
// first tags (language/tagger.ts): the main thread and the index worker never compile its 3.5 MB.
const languageModelFile = {
  name: 'language-model-file',
  setup(build) {
    build.onResolve({ filter: /^wink-eng-lite-web-model$/ }, () => ({ path: './languageModel.js', external: true }));
  },
};

// Its data (a 3 MB JSON file) as a string for JSON.parse rather than as an object literal: compiling
// the literal cost each thread that tags 9 MB more memory.
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) => ({ contents: `module.exports = JSON.parse(${JSON.stringify(readFileSync(path, 'utf8'))});`, loader: 'js' }));
  },
};

const products = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [languageModelFile] },
  { entryPoints: ['server/src/workerThread.ts'], outfile: 'dist/serverWorker.js', plugins: [languageModelFile] },
  { entryPoints: ['node_modules/wink-eng-lite-web-model/dist/model.js'], outfile: 'dist/languageModel.js', plugins: [jsonAsString] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/lib.ts'], outfile: 'dist/lib.js' },
  { entryPoints: ['client/src/preview/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { entryPoints: ['client/src/preview/webview/style.css'], outfile: 'dist/webview.css', platform: 'browser' },
  { entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/client.js', format: 'cjs', ...web },
  // `worker`: packages with a DOM build (decode-named-character-reference uses document) pick their worker build.
  { entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browser/server.js', format: 'iife', plugins: [nodeShims], conditions: ['worker'], ...web },
];

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.(test|suite|index)\.ts$/.test(name) || name === 'index.ts' ? [path] : [];
  });
}

const builds = args.has('--tests')
  ? [{ entryPoints: [...testFiles('test'), 'scripts/generate.ts', 'scripts/corpus.ts', 'scripts/evalLanguage.ts', 'bench/run.ts', 'bench/report.ts'].filter((f) => { try { return statSync(f).isFile(); } catch { return false; } }), outdir: 'out', outbase: '.', external: ['vscode', 'mocha', 'playwright-core', 'commonmark-spec', 'eslint'] }]
  : products.filter((p) => {
      try { return statSync(p.entryPoints[0]).isFile(); } catch { return false; }
    });
// The Node server bundles require dist/languageModel.js at run time: without it every analysis
// worker would fail to start, so a missing model stops the build instead.
if (!args.has('--tests') && !builds.some((b) => b.outfile === 'dist/languageModel.js')) {
  throw new Error('node_modules/wink-eng-lite-web-model/dist/model.js not found: run npm install');
}

if (args.has('--watch')) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
