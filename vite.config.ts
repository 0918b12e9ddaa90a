import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { testFiles, testsNotReaching, testsSharingProcess } from './tests/support/testImports';

// Planbook — GPL-3.0-or-later. The app is a static site: `vite build` writes dist/, with a service
// worker that precaches the whole build (the app works offline after the first visit) and waits
// for the user to apply an update (prompt mode: pending edits are written first, then the page
// reloads).
// src/domain's tests: pure TS, they need no SheetJS set-up (a fresh process's import of about 1 MB
// per file otherwise)
const DOMAIN = ['src/domain/**/*.test.ts'];
// src/engine's tests share one process per worker too (the engine's module memos are keyed by
// their inputs), but for the one that asserts what the FIRST engine built in a process does
const ENGINE = ['src/engine/**/*.test.ts'];
const ENGINE_ALONE = ['src/engine/fastRecalc.test.ts'];
// (the test lists are worked out only when Vitest runs: `vite` and `vite build` read this file too
// and need none)
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const ALL = !process.env.VITEST ? [] : testFiles(ROOT, 'src');
const OUTSIDE = (f: string) =>
  !f.startsWith('src/domain/') && (!f.startsWith('src/engine/') || ENGINE_ALONE.includes(f));
// the other files whose imports never reach src/io/sheetJs.ts need no SheetJS set-up
const NO_SHEETJS = !process.env.VITEST
  ? []
  : testsNotReaching(ROOT, 'src', 'src/io/sheetJs.ts').filter(OUTSIDE);
const WITH_SHEETJS = ALL.filter((f) => OUTSIDE(f) && !NO_SHEETJS.includes(f));
// Most of those share one process per worker as well (a fresh process per file re-imports the
// whole module graph: SheetJS, HyperFormula, the reader — most of the suite's import time). A file
// runs in a process of its own when it mocks modules, replaces globals, uses fake timers or the
// in-memory IndexedDB (tests/support/testImports.ts), or asserts what a first use in a process does:
const ALONE = [...ENGINE_ALONE];
const shared = (files: string[]) =>
  testsSharingProcess(ROOT, files).filter((f) => !ALONE.includes(f));
const PLAIN = shared(NO_SHEETJS);
const MAIN = shared(WITH_SHEETJS);

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Sổ kế hoạch vốn — Planbook',
        short_name: 'Planbook',
        description: 'Sổ kế hoạch vốn: lập, kiểm tra, so sánh và điều chỉnh phụ lục kế hoạch vốn',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#8b1a1a',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // the app's chunks (grid, engine, spreadsheet library) are large
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  test: {
    environment: 'node',
    testTimeout: 30000,
    // Vitest's default is one worker fewer than the cores: ONE on the 2-core CI machine, while much
    // of the suite waits on LibreOffice, python and the CLI. Every test's temporary files are its
    // own (mkdtemp); LibreOffice instances are per pool slot (tests/support/loUno.ts, which needs
    // the forks pool: a slot's instance is stopped when the run's process ends).
    pool: 'forks',
    maxWorkers: 2,
    // Six projects, by what a test file needs:
    projects: [
      {
        // src/domain is pure TS (no SheetJS, no engine, no mocks): its files share one process per
        // worker instead of a fresh one each (module memos are keyed by their inputs, as in the app)
        extends: true,
        test: { name: 'domain', include: [...DOMAIN], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'engine',
          include: [...ENGINE],
          exclude: [...configDefaults.exclude, ...ENGINE_ALONE],
          isolate: false,
        },
      },
      // no SheetJS set-up, one process per worker
      { extends: true, test: { name: 'plain', include: PLAIN, isolate: false } },
      // no SheetJS set-up, a process per file
      {
        extends: true,
        test: { name: 'plain-alone', include: NO_SHEETJS.filter((f) => !PLAIN.includes(f)) },
      },
      // SheetJS loads lazily (src/io/sheetJs.ts); tests read synchronously, so it is provided up
      // front (src/io/sheetJsEager.ts), in one process per worker…
      {
        extends: true,
        test: {
          name: 'main',
          include: MAIN,
          setupFiles: ['src/io/sheetJsEager.ts'],
          isolate: false,
        },
      },
      // …or in a process per file
      {
        extends: true,
        test: {
          name: 'main-alone',
          include: WITH_SHEETJS.filter((f) => !MAIN.includes(f)),
          setupFiles: ['src/io/sheetJsEager.ts'],
        },
      },
    ],
  },
});
