// typescript-eslint's recommended rules over the TypeScript sources; generated output is ignored.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PARSER = ['unified', 'remark-*', 'micromark*', 'mdast-util-*'];
const above = {
  parsing: ['model', 'rules', 'engine', 'features', 'analysis', 'render', 'cli', 'config'],
  model: ['rules', 'engine', 'features', 'analysis', 'render', 'cli'],
  rules: ['engine', 'features', 'analysis', 'render', 'cli'],
  engine: ['features', 'analysis', 'render', 'cli'],
  features: ['analysis', 'cli'],
  render: ['features', 'analysis', 'cli'],
};
const serverFiles = ['startServer', 'server', 'documents', 'workspaceIndex', 'guard'];

function layerRules() {
  return Object.entries(above).map(([layer, forbidden]) => ({
    files: [`server/src/${layer}/**/*.ts`],
    rules: {
      // Type-only imports are erased at build time, so they may name a type declared higher up.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: forbidden.flatMap((f) => [`../${f}/*`, `../../${f}/*`]), message: `${layer}/ sits below that layer: import only from the layers beneath it.`, allowTypeImports: true },
          { group: serverFiles.flatMap((f) => [`../${f}`, `../../${f}`]), message: 'The language-server modules sit above every engine layer.', allowTypeImports: true },
          ...(layer === 'parsing' ? [] : [{ group: PARSER, message: 'Only parsing/ imports the Markdown parser.' }]),
        ],
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
  // Layers: parsing → model → rules → engine → features → server; render and cli sit on the engine.
  // Each layer imports only the ones below it, and only parsing/ imports the Markdown parser.
  ...layerRules(),
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', URL: 'readonly' } },
  },
);
