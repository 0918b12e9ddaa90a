import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zlibDeflater } from '../../cli/nativeDeflate';
import { sheetFindings } from '../../domain/checks';
import { generatePlan } from '../../domain/generate';
import type { Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import type { StatedChoice } from './statedCells';
import { exportXlsx } from './xlsx';
import { crc32, setNativeDeflate } from './zipWriter';

const dir = mkdtempSync(join(tmpdir(), 'planbook-streamed-'));

async function exportOf(wb: Workbook, streamRowsOver: number, stated: StatedChoice = 'formulas') {
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const sh = wb.sheets[0];
  return exportXlsx({
    workbook: wb,
    values: (id) => e.values(id),
    findings: sheetFindings(sh, wb.meta, e.values(sh.id)),
    rowNumber: (id) => String(sh.rows.findIndex((x) => x.id === id) + 1),
    stated,
    streamRowsOver,
  });
}

const sample = () => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
};

/** The package's parts as text, by path. */
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

afterEach(() => setNativeDeflate(null));

describe('the export streamed row by row', () => {
  it('an appendix laid out while it is written gives the same parts as one laid out whole', async () => {
    for (const [wb, stated] of [
      [sample(), 'formulas'],
      [sample(), 'keep'],
      [generatePlan({ projects: 300, seed: 3 }), 'formulas'],
    ] as const) {
      const whole = await exportOf(wb, Infinity, stated);
      const streamed = await exportOf(wb, 0, stated);
      expect(streamed.layouts[0].body).toBeTypeOf('function');
      expect(whole.layouts[0].body).toBeUndefined();
      // every part alike but the hidden sheet's packed plan (it carries the time it was saved)
      const [a, b] = [parts(streamed.bytes), parts(whole.bytes)];
      const hidden = `xl/worksheets/sheet${whole.names.length}.xml`;
      expect({ ...a, [hidden]: '' }).toEqual({ ...b, [hidden]: '' });
      const read = (bytes: Uint8Array) =>
        readPlanFile('x.xlsx', bytes).workbook.sheets.map((sh) =>
          sh.rows.map((r) => [r.kind, r.level, r.cells]),
        );
      expect(read(streamed.bytes)).toEqual(read(whole.bytes));
      expect(streamed.figures).toEqual(whole.figures);
    }
  });

  it('parts deflated by zlib in chunks are a valid zip: Python checks every CRC, openpyxl opens it, Planbook reads it back', async () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    setNativeDeflate(zlibDeflater);
    const wb = generatePlan({ projects: 3000, seed: 5 });
    const out = await exportOf(wb, 1000);
    const file = join(dir, 'zlib.xlsx');
    writeFileSync(file, out.bytes);
    const py = [
      'import sys, zipfile, openpyxl',
      'z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None',
      'ws = openpyxl.load_workbook(sys.argv[1])["Phụ lục"]',
      'print(ws.max_row, ws["A11"].value is not None)',
    ].join('\n');
    const printed = execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' });
    const [rows] = printed.trim().split(' ');
    expect(Number(rows)).toBeGreaterThan(3000);
    const back = readPlanFile('zlib.xlsx', out.bytes);
    expect(back.workbook.sheets[0].rows.length).toBe(wb.sheets[0].rows.length);
    setNativeDeflate(null);
    const plain = await exportOf(wb, 1000);
    expect(parts(out.bytes)['xl/worksheets/sheet1.xml']).toBe(
      parts(plain.bytes)['xl/worksheets/sheet1.xml'],
    );
  }, 120_000);
});
