/**
 * Every export is a valid workbook whatever the texts in the plan: random hostile strings (formula
 * prefixes, markup, control characters, `Object.prototype` names, reserved and over-long sheet names)
 * in every field; each export is opened by openpyxl (every XML part parsed), read back by Planbook,
 * and a few are converted by LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetFindings } from '../domain/checks';
import { isNumericLeaf, leaves } from '../domain/columns';
import { gridText } from '../domain/grid';
import { PlanEngine } from '../engine/engine';
import { PLANBOOK_SHEET, safeSheetNames } from '../io/export/xlsx';
import { readPlanFile } from '../io/readPlan';
import { toCsv } from '../../tests/support/libreoffice';
import { readWithOpenpyxl } from '../../tests/support/openpyxl';
import { exportPlan } from './exportCmd';
import { dir, expectedBack, exportFile, fields, hostilePlan, shown, stringsOf } from './hostileKit';

describe('exports are valid workbooks whatever the texts (property)', () => {
  it('random hostile strings in every field: openpyxl opens each export, every text is a text, Planbook reads it back', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const wb = hostilePlan(f);
        const file = await exportFile(structuredClone(wb), `p${n++}.xlsx`);
        const [book] = readWithOpenpyxl([file]);
        expect(book.ok ? '' : book.error).toBe('');
        if (!book.ok) return;
        const names = safeSheetNames([
          wb.sheets[0].name,
          f.gridName,
          'Theo đơn vị',
          'Theo năm',
          'Kiểm tra',
        ]);
        expect(book.sheets.map((s) => s.name)).toEqual([...names, PLANBOOK_SHEET]);
        expect(book.sheets.map((s) => s.state)).toEqual([...names.map(() => 'visible'), 'hidden']);
        const appendix = stringsOf(book, names[0]);
        const sheet = wb.sheets[0];
        for (const row of sheet.rows)
          for (const l of leaves(sheet.columns)) {
            const v = row.cells[l.id];
            if (typeof v !== 'string' || v === '') continue;
            // texts stay texts; a project's formula stays a formula only when it computes a number
            if (!(row.kind === 'project' && v.startsWith('=') && l.role !== 'name'))
              // (an amount cell's text written `'…` is the text after the apostrophe)
              expect(appendix.texts, `${l.id} ${JSON.stringify(v)}`).toContain(
                shown(isNumericLeaf(l) ? gridText(v) : v),
              );
          }
        if (sheet.title.trim()) expect(appendix.texts).toContain(shown(sheet.title));
        // the issuing body is printed in capitals in the header block, as typed in the attachment line
        const body = wb.meta.issuingBody.trim();
        if (body) expect([...appendix.texts].some((x) => x.includes(body))).toBe(true);
        const everyFormula = book.sheets.flatMap((s) => stringsOf(book, s.name).formulas);
        // no formula calls outside the workbook (texts inside its string literals aside)
        for (const x of everyFormula)
          expect(x.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/HYPERLINK|cmd\||WEBSERVICE/i);
        const grid = stringsOf(book, names[1]);
        for (const t of f.grid) expect(grid.texts).toContain(shown(t));
        expect(grid.texts).toContain("=cmd|' /C calc'!A0");
        const report = stringsOf(book, names[4]);
        const engine = new PlanEngine();
        engine.loadWorkbook(structuredClone(wb));
        const findings = sheetFindings(sheet, wb.meta, engine.values(sheet.id));
        expect(findings.length).toBeGreaterThan(0);
        for (const x of findings)
          if (x.label) expect(report.texts, x.label).toContain(shown(x.label));
        // Planbook reads its own export back as the same plan
        const back = readPlanFile(file, readFileSync(file)).workbook;
        const want = expectedBack(wb);
        expect(back.meta).toEqual(want.meta);
        expect(back.sheets[0].rows).toEqual(want.sheets[0].rows);
        expect(back.grids?.[0].cells).toEqual(want.grids![0].cells);
      }),
      { numRuns: 30, seed: 17, endOnFailure: true },
    );
  }, 300_000);
});

describe('LibreOffice on hostile exports', () => {
  it('opens them and, recalculating every formula (SUMIFS over hostile unit names included), finds the values Planbook wrote', async () => {
    const samples = fc.sample(fields, { numRuns: 2, seed: 99 });
    for (const [k, f] of samples.entries()) {
      // (a text starting with = under an amount is read as a formula by the engine, whose error
      // the views count as 0, while the file holds the text: that is the reader's to settle)
      const wb = hostilePlan(f);
      for (const r of wb.sheets[0].rows)
        for (const [id, v] of Object.entries(r.cells))
          if (id.startsWith('y') && typeof v === 'string' && v.startsWith('='))
            r.cells[id] = `+${v}`;
      const file = await exportFile(wb, `lo${k}.xlsx`);
      const cached = toCsv(file, false);
      const recalculated = toCsv(file, true);
      expect(recalculated.size).toBe(6);
      const title = (rows: string[][]) => rows[0]?.[0] ?? '';
      for (const [name, rows] of cached) {
        if (!/^(TỔNG HỢP|BÁO CÁO)/.test(title(rows)) && !rows.some((r) => r.includes('Tổng cộng')))
          continue;
        const again = recalculated.get(name)!;
        rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            const [x, y] = [cell, again[r]?.[c] ?? ''].map((v) => Number(v.replace(/%$/, '')));
            if (cell !== '' && Number.isFinite(x)) expect(y, `${name} ${r},${c}`).toBeCloseTo(x, 6);
            else expect(again[r]?.[c], `${name} ${r},${c}`).toBe(cell);
          }),
        );
      }
    }
  }, 180_000);
});

describe('odd column trees', () => {
  it('a year group nested in a group of the same year (a damaged CSV the fuzzer found) still exports a valid workbook', async () => {
    const file = 'fixtures/damaged/nested-year-groups.csv';
    const reading = readPlanFile(file, readFileSync(file));
    const out = join(dir, 'nested-years.xlsx');
    await exportPlan(reading, out);
    const [book] = readWithOpenpyxl([out]);
    expect(book.ok ? book.sheets.map((s) => s.name) : book.error).toEqual([
      'nested-year-groups',
      'Theo đơn vị',
      'Theo năm',
      'Kiểm tra',
      '_planbook',
    ]);
  });
});
