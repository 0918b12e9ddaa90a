/**
 * `planbook compare` of two files one of which lacks a column: the cells of that column are said
 * absent in that file (JSON: null and `columnMissingIn`), never a figure cut to 0 (`600 → 0`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { readPlanFile } from '../io/readPlan';
import { type CompareJson, comparePlans } from './compareCmd';
import { runCli } from './main';

const tmp = mkdtempSync(join(tmpdir(), 'planbook-absent-'));
const A = 'fixtures/compare/issue-a.tsv';
// the same appendix without its 2015 columns (Vốn DTPT, Vốn SN: the 13th and 14th)
const B = join(tmp, 'without-2015.tsv');
writeFileSync(
  B,
  readFileSync(A, 'utf8')
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .filter((_, i) => i !== 12 && i !== 13)
        .join('\t'),
    )
    .join('\n'),
);

const json = async (a: string, b: string) => {
  const r = await runCli(['compare', a, b, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
};

describe('planbook compare: a column one file lacks', () => {
  it('writes the missing side as null with the file that lacks it, in JSON', async () => {
    const later = (await json(A, B)).changes.filter((d) => d.year === 2015);
    expect(later.length).toBeGreaterThan(0);
    for (const d of later) {
      expect(d).toMatchObject({ after: null, columnMissingIn: 'b' });
      expect(typeof d.before).toBe('number');
    }
    const earlier = (await json(B, A)).changes.filter((d) => d.year === 2015);
    expect(earlier.length).toBe(later.length);
    for (const d of earlier) expect(d).toMatchObject({ before: null, columnMissingIn: 'a' });
  });

  it('keeps the JSON of columns both files have as it was (no new field)', async () => {
    const j = await json(A, B);
    for (const d of j.changes.filter((x) => x.year !== 2015))
      expect(Object.keys(d)).not.toContain('columnMissingIn');
  });

  it('says so in the text, never “→ 0”', async () => {
    const r = await runCli(['compare', A, B]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('/ 2015 /'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).toMatch(/→ \(no such column in without-2015\.tsv\)$/);
      expect(l).not.toMatch(/→ 0\b/);
    }
  });

  it('marks the column in the adjustment table, whose export names the file that has it', async () => {
    const read = (f: string) => readPlanFile(f, new Uint8Array(readFileSync(f)));
    const r = comparePlans(A, read(A), B, read(B));
    const absent = r.table.columns.filter((c) => c.absent);
    expect(absent.map((c) => [c.year, c.absent])).toEqual([
      [2015, 'b'],
      [2015, 'b'],
    ]);
    expect(r.table.columns.filter((c) => c.year !== 2015).every((c) => !c.absent)).toBe(true);
    const back = comparePlans(B, read(B), A, read(A));
    expect(back.table.columns.filter((c) => c.absent).map((c) => c.absent)).toEqual(['a', 'a']);
    const x = await exportAdjustmentXlsx({
      table: r.table,
      title: 't',
      before: 'issue-a.tsv',
      after: 'without-2015.tsv',
      unit: '',
    });
    const sheet = XLSX.read(x.bytes).Sheets[XLSX.read(x.bytes).SheetNames[0]];
    const texts = Object.values(sheet).map((c) => String((c as { v?: unknown }).v ?? ''));
    expect(texts.filter((v) => v.includes('(chỉ «issue-a.tsv» có cột này)'))).toHaveLength(2);
  });
});
