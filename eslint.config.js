import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layer rules of DEVELOPERS.md: who may import what. */
const ban = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ group: [p.group], message: p.message })) },
  ],
});
const noFrameworks = { group: 'react', message: 'domain/ is pure TypeScript' };
const hf = { group: 'hyperformula', message: 'only src/engine may import hyperformula' };
const dx = { group: 'dexie', message: 'only src/storage may import dexie' };
const grid = { group: 'ag-grid-*', message: 'only src/ui may import AG Grid' };
const ui = { group: '**/ui/*', message: 'lower layers never import the UI' };

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'coverage', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/domain/**'],
    rules: ban([
      noFrameworks,
      { group: 'react-dom', message: 'domain/ is pure' },
      hf,
      dx,
      grid,
      ui,
      { group: '**/engine/*', message: 'domain/ is the bottom layer' },
      { group: '**/storage/*', message: 'domain/ is the bottom layer' },
      { group: '**/io/*', message: 'domain/ is the bottom layer' },
      { group: '**/app/*', message: 'domain/ is the bottom layer' },
    ]),
  },
  {
    files: ['src/engine/**'],
    rules: ban([
      noFrameworks,
      dx,
      grid,
      ui,
      { group: '**/storage/*', message: 'engine/ knows no storage' },
      { group: '**/app/*', message: 'engine/ sits below app/' },
    ]),
  },
  {
    files: ['src/storage/**'],
    rules: ban([
      noFrameworks,
      hf,
      grid,
      ui,
      { group: '**/engine/*', message: 'storage/ knows no engine' },
      { group: '**/app/*', message: 'storage/ sits below app/' },
    ]),
  },
  {
    files: ['src/io/**'],
    rules: ban([
      noFrameworks,
      dx,
      grid,
      ui,
      { group: '**/storage/*', message: 'io/ knows no storage' },
      { group: '**/app/*', message: 'io/ sits below app/' },
    ]),
  },
  { files: ['src/app/**'], rules: ban([noFrameworks, hf, dx, grid, ui]) },
  {
    files: ['src/ui/**'],
    rules: ban([
      hf,
      dx,
      { group: '**/storage/*', message: 'ui/ goes through app/' },
      { group: '**/engine/*', message: 'ui/ goes through app/' },
    ]),
  },
  {
    files: ['src/server/**'],
    ignores: ['src/server/*.test.ts', 'src/server/testkit.ts'],
    rules: ban([
      noFrameworks,
      dx,
      hf,
      grid,
      ui,
      { group: '**/storage/**', message: 'server/ runs on domain only (tests may use the client)' },
      { group: '**/app/*', message: 'server/ runs on domain only' },
      { group: '**/engine/*', message: 'server/ runs on domain only' },
      { group: '**/io/*', message: 'server/ runs on domain only' },
    ]),
  },
  {
    files: ['src/cli/**'],
    rules: ban([
      noFrameworks,
      dx,
      grid,
      ui,
      { group: '**/storage/*', message: 'cli/ runs without a browser' },
      { group: '**/app/*', message: 'cli/ is built on domain + engine + io' },
    ]),
  },
);
