// ESLint (flat config): typescript-eslint's recommended rules over the extension, server, tests and scripts.
// Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// The layers: client/ (the extension and its webview) and server/ (the language server, engine, CLI) meet only in
// common/ (the protocol, the pure settings model and checks, small helpers). Nothing enforced this but a header comment
// before, and the client bundle came to carry the engine's parser, yaml and jsonc-parser.
const SERVER = {
  group: ['**/server/**', '../server', '../../server'],
  message: 'The client imports only common/ (and vscode, vscode-languageclient): move what both sides need to common/.',
};
const CLIENT = { group: ['**/client/**'], message: 'common/ is imported by both sides and imports neither.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names starting with _ are deliberate (destructuring to drop a field, a parameter kept for its position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Empty catch blocks say why in a comment; empty functions are no-op callbacks.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER] }] },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'common/ runs in the server and the webview too.' }],
          patterns: [
            SERVER,
            CLIENT,
            {
              group: ['vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver', 'vscode-languageserver/*'],
              message: 'common/ uses vscode-languageserver-protocol, which both sides have.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles among the project's modules (eslint-plugin-import-x: the maintained, flat-config fork of
    // eslint-plugin-import, whose no-cycle follows TypeScript's extensionless relative imports with its node resolver).
    files: ['client/**/*.ts', 'server/**/*.ts', 'common/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['client/webview/**/*.ts', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Tests read parsed JSON of any shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', 'esbuild.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
