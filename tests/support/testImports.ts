/**
 * Which test files can run without the SheetJS set-up (`src/io/sheetJsEager.ts`, about 1 MB of
 * code imported per test file): those whose imports, followed through the sources, never reach
 * `src/io/sheetJs.ts` (the only door to SheetJS: without it no read can ask for the library).
 * A scan of the import statements (static, dynamic and `new URL(…)` workers), read for the test
 * config: an import it missed makes the test fail loudly (`SheetJsNotLoaded`), never pass wrongly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT =
  /(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

/** The source file an import names, or null (a package, an asset, a file not found). */
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [...EXTENSIONS.map((e) => base + e), base.replace(/\.js$/, '.ts')])
    if (/\.(ts|tsx|mts)$/.test(c) && existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The relative imports of a source file (memoised by path). */
function importsOf(file: string, memo: Map<string, string[]>): string[] {
  let out = memo.get(file);
  if (!out) {
    out = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const r = resolveImport(file, m[1] ?? m[2] ?? m[3] ?? m[4]);
      if (r) out.push(r);
    }
    memo.set(file, out);
  }
  return out;
}

/** The test files under `dir` (`*.test.ts`, `*.test.tsx`), as sorted paths relative to `root`. */
export function testFiles(root: string, dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => relative(root, resolve(root, dir, f)))
    .sort();
}

/**
 * The test files under `dir` (`*.test.ts`, `*.test.tsx`, as paths relative to `root`) whose imports
 * never reach `target` (a path relative to `root`).
 */
export function testsNotReaching(root: string, dir: string, target: string): string[] {
  const goal = resolve(root, target);
  const memo = new Map<string, string[]>();
  return testFiles(root, dir)
    .map((f) => resolve(root, f))
    .filter((t) => {
      const seen = new Set<string>();
      const stack = [t];
      while (stack.length) {
        const f = stack.pop()!;
        if (f === goal) return false;
        if (seen.has(f)) continue;
        seen.add(f);
        stack.push(...importsOf(f, memo));
      }
      return true;
    })
    .map((t) => relative(root, t));
}

/**
 * What makes a test file need a process of its own: module mocks (a module another file already
 * loaded would not be mocked), replaced globals or environment, fake timers, and the in-memory
 * IndexedDB (Dexie reads `globalThis.indexedDB` once, when it is first loaded in a process; the
 * databases would outlive the file).
 */
const OWN_PROCESS =
  /\bvi\.(?:mock|doMock|unmock|stubGlobal|stubEnv|useFakeTimers|resetModules)\b|fake-indexeddb|\bglobalThis\.\w+\s*=[^=]|\bprocess\.env\.\w+\s*=[^=]|\bdelete\s+(?:globalThis|process\.env)\./;

/**
 * The test files among `files` (paths relative to `root`) that can share a process with other
 * files (module cache kept between files): none of the `OWN_PROCESS` set-ups.
 */
export function testsSharingProcess(root: string, files: string[]): string[] {
  return files.filter((f) => !OWN_PROCESS.test(readFileSync(resolve(root, f), 'utf8')));
}
