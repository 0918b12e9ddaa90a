import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules of DEVELOPERS.md, as allow-lists: each layer names the packages and the other layers
 * it may import (statically or with `import()`); anything else is an error. Files sit at most one
 * folder deep inside their layer (`ui/grid`, `io/export`).
 */
/** Packages only tests (and the test kits named in `testFiles`) may import. */
const TEST_ONLY = ['vitest', 'fast-check', 'fake-indexeddb/auto', 'node:util'];
/** Regex source for a literal text; `/` is written \x2F (esquery's regex literals cannot hold it). */
const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\//g, '\\x2F');
const SL = '\\x2F';
/** A regex matching import sources the layer may NOT use (depth: folders below the layer). */
function forbidden({ layers, packages, shared = [] }, depth) {
  const up = (n) => `(?:\\.\\.${SL}){${n}}`;
  const inLayer = depth === 0 ? `\\.${SL}` : `(?:\\.${SL}|\\.\\.${SL}(?!\\.\\.))`;
  const dirs = (xs) => xs.map((l) => `${l}${SL}`).join('|');
  // other layers are siblings of this one under src/; shared folders sit beside src/
  const outward =
    [
      layers.length ? `${up(depth + 1)}(?:${dirs(layers)})` : '',
      shared.length ? `${up(depth + 2)}(?:${dirs(shared)})` : '',
    ]
      .filter(Boolean)
      .join('|') || '(?!)';
  const pkgs = packages.map((p) => `${esc(p)}(?:${SL}|$)`).join('|') || '(?!)';
  return `^(?!${inLayer}|${outward}|(?:${pkgs}))`;
}
function layer(name, allowed) {
  const tests = {
    ...allowed,
    layers: [...allowed.layers, ...(allowed.testLayers ?? [])],
    packages: [...allowed.packages, ...(allowed.testPackages ?? [])],
    shared: [...(allowed.shared ?? []), ...(allowed.testShared ?? [])],
  };
  return [0, 1].flatMap((depth) => [
    rules(
      name,
      allowed,
      depth,
      depth === 0 ? `src/${name}/*.{ts,tsx}` : `src/${name}/*/**/*.{ts,tsx}`,
    ),
    rules(name, tests, depth, [
      depth === 0 ? `src/${name}/*.test.ts` : `src/${name}/*/**/*.test.ts`,
      ...(depth === 0 ? (allowed.testFiles ?? []).map((f) => `src/${name}/${f}`) : []),
    ]),
  ]);
}
function rules(name, allowed, depth, files) {
  const re = forbidden(allowed, depth);
  const names = [...allowed.layers, ...allowed.packages].join(', ') || 'itself';
  const message = `${name}/ may import only: ${names}`;
  return {
    files: [files].flat(),
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: re, message }] }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/${re}/]`, message },
        {
          selector: "ImportExpression:not([source.type='Literal'])",
          message: 'import() takes a literal path (the layer rules must see it)',
        },
      ],
    },
  };
}
const node = [
  'node:fs',
  'node:path',
  'node:os',
  'node:worker_threads',
  'node:child_process',
  'node:url',
];
const RULES = {
  domain: { layers: [], packages: [], testPackages: [...TEST_ONLY, 'node:fs', 'node:path'] },
  engine: {
    layers: ['domain'],
    packages: ['hyperformula'],
    testPackages: TEST_ONLY,
    // the recalculation order is checked against a frozen copy of HyperFormula's (tests/support)
    testShared: ['tests'],
  },
  storage: {
    layers: ['domain'],
    packages: ['dexie', 'fractional-indexing', 'yjs', 'y-indexeddb', '@hocuspocus/provider'],
    testPackages: TEST_ONLY,
  },
  io: {
    layers: ['domain', 'engine'],
    packages: ['@e965/xlsx', 'fflate', 'write-excel-file', 'vietnamese-conversion', ...node],
    testPackages: TEST_ONLY,
    shared: ['tests'],
    // tests may run a file through the CLI's checks (the same reading the command line does)
    testLayers: ['cli'],
    testShared: ['bench'],
  },
  app: {
    layers: ['domain', 'engine', 'storage', 'io'],
    packages: [...node, 'fflate'],
    testPackages: TEST_ONLY,
    shared: ['fixtures', 'tests'],
    // the kits the property and numbering tests share
    testFiles: ['randomSteps.ts', 'randomSeeds.ts', 'randomForm.ts', 'numberingKit.ts'],
  },
  ui: {
    layers: ['domain', 'app', 'io'],
    packages: [
      'react',
      'react-dom',
      'ag-grid-community',
      'ag-grid-react',
      '@ag-grid-community/locale',
      'echarts',
    ],
    testPackages: TEST_ONLY,
    // the grid's renderers are checked against frozen copies of the React ones (tests/support)
    testShared: ['tests'],
  },
  cli: {
    // the command line also starts the collaboration server
    layers: ['domain', 'engine', 'io', 'server'],
    packages: [...node, 'node:zlib', '@e965/xlsx', 'fflate'],
    testPackages: TEST_ONLY,
    shared: ['tests'],
    testFiles: ['hostileKit.ts'],
    // tests may send a bench-sized plan to the server (unitReader.test.ts)
    testShared: ['bench'],
  },
  // the collaboration server runs on the domain only (its tests drive the app's client)
  server: {
    layers: ['domain', 'io'],
    packages: [
      ...node,
      'node:crypto',
      'node:http',
      'node:net',
      '@hocuspocus',
      'crossws',
      'pg',
      'yjs',
    ],
    testPackages: TEST_ONLY,
    testLayers: ['app', 'storage'],
    testFiles: ['testkit.ts', 'appSyncKit.ts'],
  },
};

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
  ...Object.entries(RULES).flatMap(([name, allowed]) => layer(name, allowed)),
);
