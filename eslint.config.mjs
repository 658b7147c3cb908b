// typescript-eslint's recommended rules over the TypeScript sources; generated output is ignored.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PARSER = ['unified', 'remark-*', 'micromark*', 'mdast-util-*'];
const SERVER = ['service', 'handlers'];
const above = {
  parsing: ['language', 'model', 'rules', 'engine', 'features', 'analysis', 'render', 'cli', 'config', 'trackers', ...SERVER],
  // Reading English (sentences, clauses, people) sits on the parsed tree and below the model that uses it.
  language: ['model', 'rules', 'engine', 'features', 'analysis', 'render', 'cli', 'config', 'trackers', ...SERVER],
  model: ['rules', 'engine', 'features', 'analysis', 'render', 'cli', 'config', 'trackers', ...SERVER],
  rules: ['engine', 'features', 'analysis', 'render', 'cli', ...SERVER],
  // Configuration resolves against the rule registry and the section names; the engine reads it.
  config: ['engine', 'features', 'analysis', 'render', 'cli', ...SERVER],
  engine: ['features', 'analysis', 'render', 'cli', ...SERVER],
  features: ['analysis', 'cli', ...SERVER],
  render: ['features', 'analysis', 'cli', ...SERVER],
  // Off-thread analysis runs the engine in workers for the language service; it knows no connection,
  // and no feature: the worker thread's entry hands it the feature queries it answers.
  analysis: ['features', 'render', 'cli', ...SERVER],
  // The language service: documents in, results out. It may use the server's own modules (documents,
  // settings, the index) but never the connection, the handlers or the entry points.
  service: ['handlers', 'cli'],
  // Tracker clients and their configuration sit beside the engine: the editor's handlers and the CLI use them.
  trackers: ['handlers', 'service', 'cli'],
  // The command line runs the engine in its own process: never the language server's layers.
  cli: ['analysis', ...SERVER],
};
const serverFiles = ['startServer', 'server', 'browserServer', 'documents', 'checkedVersions', 'postmortemKind', 'workspaceIndex', 'guard'];
const entryFiles = ['startServer', 'server', 'browserServer', 'guard'];

function layerRules() {
  return Object.entries(above).map(([layer, forbidden]) => ({
    files: [`server/src/${layer}/**/*.ts`],
    rules: {
      // Type-only imports are erased at build time, so they may name a type declared higher up.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: forbidden.flatMap((f) => [`../${f}/*`, `../../${f}/*`]), message: `${layer}/ sits below that layer: import only from the layers beneath it.`, allowTypeImports: true },
          { group: (layer === 'service' ? entryFiles : serverFiles).flatMap((f) => [`../${f}`, `../../${f}`]), message: 'The language-server modules sit above every engine layer.', allowTypeImports: true },
          ...(layer === 'parsing' ? [] : [{ group: PARSER, message: 'Only parsing/ imports the Markdown parser.' }]),
        ],
        ...(layer === 'service' ? { paths: [{ name: 'vscode-languageserver', message: 'The language service has no connection: only handlers/ talk LSP (types are fine).', allowTypeImports: true }] } : {}),
      }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'build/**', 'node_modules/**', '.vscode-test/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Layers: parsing → language → model → rules, config → engine → features, render, analysis (side by
  // side, each on the engine) → service → handlers/server; cli sits on the engine.
  // test/unit/layers.test.ts checks these rules bite.
  // Each layer imports only the ones below it, and only parsing/ imports the Markdown parser.
  ...layerRules(),
  {
    // handlers/ talks to the connection: only the entry points wire it, so the modules beside them
    // (documents, the index, the tracker protocol and report) may not import it.
    files: ['server/src/*.ts'],
    ignores: entryFiles.map((f) => `server/src/${f}.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['./handlers/*'], message: 'handlers/ sits above the server modules: only the entry points import it.', allowTypeImports: true }] }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', URL: 'readonly' } },
  },
);
