/**
 * What the reader process compiles before it reads: neither the calculation engine (HyperFormula,
 * about 1.5 MB of code, loaded only when a sheet's figures need it or the server asks a unit) nor
 * the export code (write-excel-file), which reading an exported workbook back never runs.
 * Needs `npm run build:cli` (the bundle is what `planbook` runs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The files a bundle entry loads before it runs (its static imports, followed). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["'];?$/gms))
      visit(resolve(dirname(file), m[1]));
  };
  visit(resolve(entry));
  return [...seen];
}

/** esbuild's `// path` comment opening a bundled module of package `name`. */
const bundled = (name: string) => new RegExp(`^// \\S*node_modules/${name}/`, 'm');

describe('the reader process loads only what reading and checking need', () => {
  it('has neither HyperFormula nor the export writer in its static imports', () => {
    const graph = staticGraph(join('dist-cli', 'planbook-reader.mjs'));
    expect(graph.length).toBeGreaterThan(3);
    const text = graph.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toMatch(/\/\/ src\/io\/readPlan\.ts/);
    expect(text).not.toMatch(bundled('hyperformula'));
    expect(text).not.toMatch(bundled('write-excel-file'));
  });

  it('still finds HyperFormula in a chunk it can import (a typed formula needs the engine)', () => {
    const all = staticGraph(join('dist-cli', 'planbook-reader.mjs')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/import\("(\.\/[^"]+)"\)/g)].map((m) =>
        resolve(dirname(f), m[1]),
      ),
    );
    const lazy = all.flatMap((f) => staticGraph(f)).map((f) => readFileSync(f, 'utf8'));
    expect(lazy.some((t) => bundled('hyperformula').test(t))).toBe(true);
  });
});
