/**
 * The reader process loads SheetJS only for a file that needs it (src/io/sheetJs.ts): a streamed
 * .xlsx and delimited text are checked without compiling its megabyte of code, and the answer is
 * the same as when SheetJS is loaded up front (as in these tests' own process).
 * Needs `npm run build:cli` (the bundle is what `planbook` runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

const DIST = 'dist-cli';
const SHEETJS = /^\/\/ \S*@e965\/xlsx\/xlsx\.mjs$/m;

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

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { readPlanFileLoading } from '${resolve('src/io/readPlan.ts')}';
import { sheetJsLoaded } from '${resolve('src/io/sheetJs.ts')}';
const f = process.argv[2];
const r = await readPlanFileLoading(f, readFileSync(f));
console.log(JSON.stringify({ loaded: sheetJsLoaded(), rows: r.workbook.sheets.map((s) => s.rows.length) }));
`;

/** Reads a file in a fresh process (no SheetJS up front): whether SheetJS got loaded. */
function freshRead(file: string): { loaded: boolean; rows: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'pb-lazy-'));
  writeFileSync(join(dir, 'probe.mts'), SCRIPT);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'probe.mts'), file], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { loaded: boolean; rows: number[] };
}

describe('SheetJS loads only when a read needs it', () => {
  it('is not in what the reader bundle loads up front, but in a chunk it can import', () => {
    const graph = staticGraph(join(DIST, 'planbook-reader.mjs'));
    expect(graph.length).toBeGreaterThan(3);
    for (const f of graph) expect(SHEETJS.test(readFileSync(f, 'utf8')), f).toBe(false);
    const lazy = graph.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/import\("(\.\/[^"]+)"\)/g)].map((m) =>
        resolve(dirname(f), m[1]),
      ),
    );
    expect(
      lazy.some((f) => staticGraph(f).some((g) => SHEETJS.test(readFileSync(g, 'utf8')))),
    ).toBe(true);
  });

  it('a streamed .xlsx and a .tsv are read without it; an .xls and a styled .xlsx load it', () => {
    expect(freshRead('fixtures/compare/seed-a.xlsx').loaded).toBe(false);
    expect(freshRead('fixtures/quang-tri-2011-2015-appendix.tsv').loaded).toBe(false);
    const xls = freshRead('fixtures/quang-tri-2011-2015-appendix.xls');
    expect(xls).toEqual({ loaded: true, rows: [expect.any(Number)] });
    expect(xls.rows[0]).toBeGreaterThan(10);
    expect(freshRead('fixtures/execution/kbnn-giai-ngan-2024-01.xlsx').loaded).toBe(true);
  });

  it('`check --json` by the bundle (SheetJS lazily) equals the check with SheetJS up front', async () => {
    for (const file of [
      'fixtures/compare/seed-a.xlsx',
      'fixtures/consolidate/so-y-te.xlsx',
      'fixtures/shapes/phu-tho-2018-2020.xlsx',
      'fixtures/quang-tri-2011-2015-appendix.xls',
      'fixtures/quang-tri-2011-2015-appendix.ods',
      'fixtures/mof/Plan_2004.xls',
    ]) {
      const bundle = spawnSync(
        process.execPath,
        [join(DIST, 'planbook.mjs'), 'check', file, '--json'],
        {
          encoding: 'utf8',
        },
      );
      const direct = await runCli(['check', file, '--json']);
      expect([file, bundle.status, bundle.stdout]).toEqual([
        file,
        direct.code,
        direct.stdout + '\n',
      ]);
    }
  });
});
