/**
 * The appendix reading with each row's figures written straight into its cells (no second object
 * copied in), shared empty marks and percentages, and the legacy-encoding test counting before it
 * lists texts, reads every table exactly as the code it replaced (a frozen copy in
 * tests/support/readingRowsBefore): the same rows with their cells in the same key order, kinds,
 * levels, marks, percentages, remarks, footer, band, metadata, line numbers and warnings (with their
 * figures), in order. On every fixture, the MoF corpus, the bench plan, generated plans as Excel
 * writes them, the audited tables in their hostile layouts, and legacy-encoded tables.
 */
import '../sheetJsEager'; // reads here cannot wait for SheetJS to load
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planXlsx } from '../../../bench/planXlsx';
import { readAppendix as before } from '../../../tests/support/readingRowsBefore/reader';
import { hostileVariants, type SheetAudit } from '../../cli/audit/hostileLayouts';
import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { gridsFromWorkbook } from '../sheets';
import { gridFromText, type RawGrid } from './grid';
import { withoutCodes } from '../../../tests/support/withoutCodes';
import { type AppendixReading, readAppendix } from './reader';
import { withFormulaValues } from './cachedFormulas';

const ROOT = join(import.meta.dirname, '../../..');

/** A reading as plain data in key order (the sheet's random id left out), to compare exactly. */
function plain(r: AppendixReading | null): string {
  if (!r) return 'null';
  const { id: _id, ...sheet } = r.sheet;
  const data = { sheet, meta: r.meta, band: r.band, lineOf: [...r.lineOf], colOf: [...r.colOf] };
  // JSON keeps the key order (the cells' order is the app's column order of a row)
  return JSON.stringify({ ...data, warnings: r.warnings });
}

/** Whether g reads as the old reading reads it (a reading, null or the same error). */
function expectSame(g: RawGrid, what: string): void {
  const run = (f: typeof before) => {
    try {
      const r = f(g);
      return { json: plain(r), value: r && { ...r, sheet: { ...r.sheet, id: '' } } };
    } catch (e) {
      return { json: `threw ${String(e)}`, value: null };
    }
  };
  // the warning codes have one more now (`nextTable`, a second table on the sheet: readGrids
  // gives it, readAppendix never does); its readings are typed as the old ones
  // (an of-which part heading the parts numbered one style deeper under it, `II` then `1`, `2`,
  // is a section now and they one level down: the one intended change, laid flat as before)
  // (formulas saved without their values are computed first now, with one note: the one intended
  // change of a web system's file, so-y-te.xlsx; the old reading is given the computed grid)
  const was = (() => {
    try {
      return before(withFormulaValues(g).grid);
    } catch {
      return null;
    }
  })();
  const current = ((x: RawGrid) => {
    const r = readAppendix(x);
    if (!r || !was) return r;
    r.warnings = r.warnings.filter((w) => w.code !== 'formulaNoValue');
    const rows = r.sheet.rows.map((row, i) => {
      const w = was.sheet.rows[i];
      if (w?.id !== row.id || row.part !== 'ofWhich' || w.part !== 'ofWhich') return row;
      return { ...row, kind: w.kind, level: w.level };
    });
    // (a project code is kept on its row now: the one intended change, tests/support/withoutCodes.ts)
    return { ...r, sheet: withoutCodes({ ...r.sheet, rows }, was.sheet) };
  }) as typeof before;
  const [got, old] = [
    run(current),
    run(((x: RawGrid) => before(withFormulaValues(x).grid)) as typeof before),
  ];
  expect(got.json, what).toBe(old.json);
  expect(got.value, what).toStrictEqual(old.value);
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The raw grids of a table file, or none when it cannot be read. */
function gridsOf(path: string): RawGrid[] {
  try {
    if (/\.(tsv|csv|txt)$/i.test(path)) return [gridFromText(readFileSync(path, 'utf8'))];
    if (/\.xlsx\.b64$/.test(path))
      return gridsFromWorkbook(Buffer.from(readFileSync(path, 'utf8'), 'base64'));
    if (/\.(xlsx|xls|ods|html)$/i.test(path)) return gridsFromWorkbook(readFileSync(path));
  } catch {
    return []; // damaged on purpose: never reaches the reading
  }
  return [];
}

const tableFiles = [
  ...files(join(ROOT, 'fixtures')).filter((p) => !p.includes('/damaged/')),
  ...files(join(ROOT, '../shared/corpus')),
  ...files(join(ROOT, '../../shared/corpus')),
];

describe('the reading with figures written into the row cells reads as before', () => {
  it('on every fixture and every sheet of the MoF corpus', { timeout: 300_000 }, () => {
    let sheets = 0;
    for (const p of tableFiles)
      for (const g of gridsOf(p)) {
        expectSame(g, `${p} ${g.name}`);
        sheets++;
      }
    expect(sheets).toBeGreaterThan(60);
  });

  it('on the bench plan and generated plans as Excel writes them', { timeout: 120_000 }, () => {
    for (const [projects, findings] of [
      [5000, 'few'],
      [800, 'many'],
    ] as const)
      for (const g of gridsFromWorkbook(planXlsx({ projects, findings })))
        expectSame(g, `plan ${projects} ${findings}`);
  });

  it('on the audited tables in their hostile layouts', { timeout: 120_000 }, () => {
    let variants = 0;
    const dir = join(ROOT, 'fixtures/audits');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const audit = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const grids = gridsFromWorkbook(readFileSync(join(ROOT, 'fixtures/mof', audit.file)));
      for (const [i, a] of (audit.sheets as SheetAudit[]).entries()) {
        const g = grids.find((x) => x.name === a.sheet);
        if (i % 3 || !a.table || !a.header || !a.data || !g) continue;
        for (const [name, make] of Object.entries(hostileVariants)) {
          const v = make(g, a);
          if (!v) continue;
          variants++;
          expectSame(v, `${audit.file} ${a.sheet} (${name})`);
        }
      }
    }
    expect(variants).toBeGreaterThan(50);
  });

  it('on tables typed in a legacy encoding (TCVN3, VNI)', () => {
    const text = [
      'STT\tTên dự án\tNăm 2024\tGhi chú',
      'A\tCÔNG TRÌNH CHUYỂN TIẾP\t\t',
      '1\tĐường giao thông liên xã\t1.250\tđã duyệt',
      '2\tTrường tiểu học thị trấn\t(1) 3.400\t',
      '\tTổng cộng\t4.650\t',
    ].join('\n');
    for (const [enc, to] of [
      ['TCVN3', toTCVN3],
      ['VNI', toVNI],
    ] as const) {
      const g = gridFromText(to(text, 'unicode'));
      expectSame(g, enc);
      expect(
        readAppendix(g)?.warnings.some((w) => w.code === 'legacyEncoding'),
        enc,
      ).toBe(true);
    }
  });
});
