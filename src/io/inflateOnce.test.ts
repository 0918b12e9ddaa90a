/**
 * An .xlsx is inflated once: the streaming reader bounds its parts itself (the sizes its zip
 * directory declares, held to), so no measuring pass inflates the package before it; a package that
 * declares too much, or whose parts inflate past what it declares, goes to the checked fallback.
 */
import * as XLSX from '@e965/xlsx';
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanReadError, readPlanFile } from './readPlan';
import { gridsFromWorkbook } from './sheets';
import { gridsFromXlsx } from './xlsxStream';
import { setNativeInflate } from './xlsxZip';

/** A small one-sheet plan (two projects) as an .xlsx. */
function plan(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['TT', 'Tên dự án', 'Tổng mức đầu tư'],
    ['1', 'Dự án A', 100],
    ['2', 'Dự án B', 250],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  return new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}

/** `bytes` with the central directory's uncompressed size of `part` set to `size`. */
function declaring(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(part);
  for (let p = 0; p + 46 < out.length; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    const here = out.subarray(p + 46, p + 46 + len);
    if (len === name.length && here.every((b, i) => b === name[i])) {
      dv.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no part ${part}`);
}

afterEach(() => setNativeInflate(null));

describe('an .xlsx inflated once', () => {
  it('each part of a streamed package is inflated once (before: twice, a measuring pass first)', () => {
    const inflated = new Map<number, number>();
    setNativeInflate((data) => {
      inflated.set(data.length, (inflated.get(data.length) ?? 0) + 1);
      return inflateSync(data);
    });
    const grids = gridsFromWorkbook(plan());
    expect(grids[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['TT', 'Tên dự án', 'Tổng mức đầu tư'],
      ['1', 'Dự án A', '100'],
      ['2', 'Dự án B', '250'],
    ]);
    expect(inflated.size).toBeGreaterThan(0);
    expect(Math.max(...inflated.values())).toBe(1);
  });

  it('a part that inflates past its declared size is left to the fallback, which names the damage', () => {
    const bytes = plan();
    const sheet = unzipSync(bytes)['xl/worksheets/sheet1.xml'];
    const lying = declaring(bytes, 'xl/worksheets/sheet1.xml', sheet.length - 10);
    let why = '';
    expect(gridsFromXlsx(lying, { onFallback: (w) => (why = w) })).toBeNull();
    expect(why).toBe('part');
    expect(() => readPlanFile('lying.xlsx', lying)).toThrow(
      /cannot read the spreadsheet \(Bad uncompressed size/,
    );
  });

  it('a package declaring more than the limit is not streamed, and is refused by the measuring pass', () => {
    const bytes = zipSync({ ...unzipSync(plan()) }, { level: 9 });
    const big = declaring(bytes, 'xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
    let why = '';
    expect(gridsFromXlsx(big, { onFallback: (w) => (why = w) })).toBeNull();
    expect(why).toBe('package');
    // the measuring pass inflates it: its real size is small, so SheetJS reads it
    try {
      const r = readPlanFile('big.xlsx', big);
      expect(r.workbook.sheets.length + (r.workbook.grids?.length ?? 0)).toBeGreaterThan(0);
    } catch (e) {
      expect(e).toBeInstanceOf(PlanReadError);
    }
  });
});
