/**
 * A corpus table re-saved by LibreOffice (`.xlsx`, `.ods`) reads as the `.xls` it was saved from:
 * the same header band, columns, rows and figures (to 1e-9 of their size: LibreOffice writes
 * stored doubles with 15 significant digits), and the checks say the same. The files: Plan_2003 (TCVN3 text, hidden
 * stale rows, a hidden column of broken formulas that LibreOffice recalculates into numbers),
 * Final_2013 (bilingual sheets, running totals, of-which rows), Plan_2017 (hidden columns holding
 * real figures, percent cells). In the `.ods` a zero printed blank (`#,###,###`) has no text, where
 * SheetJS prints the `.xls`'s as `0`: its stored `office:value` is read (odsContent.ts), so the
 * `.ods` reads as the `.xls` too, zeros included.
 */
import './sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertTo } from '../../tests/support/libreoffice';
import { digestDiff, readingDigest } from '../../tests/support/readingDigest';
import { checkWorkbook } from '../cli/check';
import { readPlanFile } from './readPlan';

const FILES = ['Plan_2003', 'Final_2013', 'Plan_2017'];

function digest(path: string): Map<string, string[]> {
  const reading = readPlanFile(path, new Uint8Array(readFileSync(path)));
  return readingDigest(reading, checkWorkbook(path, reading));
}

describe('a corpus workbook re-saved by LibreOffice', () => {
  let converted: Map<string, string>;
  beforeAll(() => {
    converted = convertTo(
      FILES.map((f) => `fixtures/mof/${f}.xls`),
      ['xlsx', 'ods'],
    );
  }, 120_000);

  for (const f of FILES) {
    it(`${f}: the .xlsx and the .ods read as the .xls, zeros printed blank included`, () => {
      const xls = digest(`fixtures/mof/${f}.xls`);
      const xlsx = digest(converted.get(`${f}.xlsx`)!);
      const ods = digest(converted.get(`${f}.ods`)!);
      expect([...xlsx.keys()]).toEqual([...xls.keys()]);
      expect([...ods.keys()]).toEqual([...xls.keys()]);
      for (const [sheet, lines] of xls) {
        expect(digestDiff(lines, xlsx.get(sheet)!), `${f} ${sheet} (.xlsx)`).toEqual([]);
        expect(digestDiff(lines, ods.get(sheet)!), `${f} ${sheet} (.ods)`).toEqual([]);
      }
    }, 60_000);
  }
});
