/**
 * A corpus table re-saved by LibreOffice (`.xlsx`, `.ods`) reads as the `.xls` it was saved from:
 * the same header band, columns, rows and figures (to 1e-9 of their size: LibreOffice writes
 * stored doubles with 15 significant digits), and the checks say the same. The files: Plan_2003 (TCVN3 text, hidden
 * stale rows, a hidden column of broken formulas that LibreOffice recalculates into numbers),
 * Final_2013 (bilingual sheets, running totals, of-which rows), Plan_2017 (hidden columns holding
 * real figures, percent cells). In the `.ods` a zero printed blank (`#,###,###`) has no text, where
 * SheetJS prints the `.xls`'s as `0`: its rows are compared without zero figures.
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

/** A digest line without its zero figures (`c4=0`, `stated=0`). */
const withoutZeros = (line: string) => line.replace(/ [\w]+=0(?=\s|$)/g, '');

describe('a corpus workbook re-saved by LibreOffice', () => {
  let converted: Map<string, string>;
  beforeAll(() => {
    converted = convertTo(
      FILES.map((f) => `fixtures/mof/${f}.xls`),
      ['xlsx', 'ods'],
    );
  }, 120_000);

  for (const f of FILES) {
    it(`${f}: the .xlsx reads as the .xls, and the .ods with the same findings`, () => {
      const xls = digest(`fixtures/mof/${f}.xls`);
      const xlsx = digest(converted.get(`${f}.xlsx`)!);
      const ods = digest(converted.get(`${f}.ods`)!);
      expect([...xlsx.keys()]).toEqual([...xls.keys()]);
      expect([...ods.keys()]).toEqual([...xls.keys()]);
      for (const [sheet, lines] of xls) {
        expect(digestDiff(lines, xlsx.get(sheet)!), `${f} ${sheet} (.xlsx)`).toEqual([]);
        const odsLines = ods.get(sheet)!.map(withoutZeros);
        expect(digestDiff(lines.map(withoutZeros), odsLines), `${f} ${sheet} (.ods)`).toEqual([]);
      }
    }, 60_000);
  }
});
