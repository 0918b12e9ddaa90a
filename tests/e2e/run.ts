/**
 * `node --import tsx tests/e2e/run.ts <test files>`: runs the e2e files one after another (`node --test
 * --test-concurrency=1`) sharing the run's running LibreOffice instances
 * (`PLANBOOK_E2E_RUN`, this process: see tests/support/loUno.ts), started once for the run
 * instead of once per file converting (Node 20's test runner runs no `--import` module in its
 * own process to set that up). Exits with the test run's code.
 *
 * The `.ts` files are first bundled into plain ES modules by esbuild (one build for the run, into
 * the repository's ignored `tmp/`, removed afterwards; packages stay imports, resolved from the
 * repository's node_modules as before), and the test processes run those without tsx: tsx's
 * loader costs each file's process ~0.5 s of CPU on start (its hooks thread and esbuild service)
 * and the run is CPU-bound on CI's 2 cores. Each module's `import.meta.url`/`dirname`/`filename`
 * is its source file's, as under tsx; stack traces point at the sources (`--enable-source-maps`).
 * Any other argument (`--test-name-pattern=…`) is passed to the test runner.
 *
 * One Chromium for the whole run (a `launchServer` each file connects to) was tried and left:
 * it saved ~13 s of wall and ~1.7 s of CPU a file on a loaded machine, but a connected
 * browser gives downloads no path, and columnFit's header double-click hit the checks dock
 * there (not in a launched browser), unexplained.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const sources = args.filter((a) => /\.[cm]?ts$/.test(a));
const others = args.filter((a) => !/\.[cm]?ts$/.test(a));

/** `import.meta.url`, `.dirname`, `.filename` of each bundled source: the source file's own. */
const sourceMeta: Plugin = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const meta: Record<string, string> = {
        url: pathToFileURL(a.path).href,
        dirname: dirname(a.path),
        filename: a.path,
      };
      return {
        contents: text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, k: string) =>
          JSON.stringify(meta[k]),
        ),
        loader: 'ts',
      };
    });
  },
};

/** A source's bundle, by its path from the repository (kept inside the output folder). */
const outName = (s: string) =>
  relative(ROOT, resolve(s))
    .replace(/^(\.\.[/\\])+/, '')
    .replace(/\.[cm]?ts$/, '');

const out = join(ROOT, 'tmp', `e2e-run-${process.pid}`);
mkdirSync(out, { recursive: true });
const clean = () => {
  rmSync(out, { recursive: true, force: true });
  // tmp/ itself too when nothing else is in it (another run's or a script's files are kept)
  if (!readdirSync(dirname(out)).length) rmSync(dirname(out), { recursive: true });
};
let built: string[];
try {
  await build({
    entryPoints: sources.map((s) => ({ in: resolve(s), out: outName(s) })),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [sourceMeta],
    logLevel: 'warning',
  });
  built = sources.map((s) => join(out, outName(s) + '.mjs'));
} catch (e) {
  clean();
  throw e;
}

const run = spawn(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-concurrency=1', ...others, ...built],
  { stdio: 'inherit', env: { ...process.env, PLANBOOK_E2E_RUN: String(process.pid) } },
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => run.kill(sig));
run.on('exit', (code, signal) => {
  clean();
  process.exit(code ?? (signal ? 1 : 0));
});
