/**
 * The appendix and consolidation exports' page setup: a table too wide for one readable page
 * prints in strips of whole years (print titles, column breaks, a print range per strip, a fixed
 * scale of 70 % or more); a narrow one keeps printing one page wide. openpyxl reads it back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { printSetupOf } from '../../../tests/support/printedStrips';
import { wideConsolidation } from '../../../tests/support/wideConsolidation';
import { generatePlan } from '../../domain/generate';
import type { Workbook } from '../../domain/types';
import { parsePlanbook } from '../planbookFile';

const dir = mkdtempSync(join(tmpdir(), 'planbook-strips-'));

function sample(): Workbook {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
}

/** The file's first sheet, workbook part, and path on disk. */
function parts(bytes: Uint8Array, name: string) {
  const files = unzipSync(bytes);
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  return {
    file,
    sheet: strFromU8(files['xl/worksheets/sheet1.xml']),
    book: strFromU8(files['xl/workbook.xml']),
  };
}

describe('the appendix export in strips', () => {
  it('prints the sample (46 % one page wide) in two strips of years at 76 %, TT and name repeated', async () => {
    const { out } = await evaluatedExport(sample());
    const { file, sheet, book } = parts(out.bytes, 'sample');
    expect(sheet).not.toContain('fitToPage');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" orientation="landscape" scale="76" pageOrder="downThenOver"/>',
    );
    // TT … Đơn vị phối hợp, 2011, 2012 | 2013, 2014, 2015, Tổng mức đầu tư, Ghi chú
    expect(sheet).toContain(
      '<colBreaks count="1" manualBreakCount="1"><brk id="8" max="1048575" man="1"/></colBreaks>',
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Phụ lục'!$A:$B,'Phụ lục'!$8:$10</definedName>`,
    );
    // the second strip's range starts at its header: the title block is the first strip's
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Phụ lục'!$A$1:$H$40,'Phụ lục'!$I$8:$P$40</definedName>`,
    );
    // the motto, title and unit lines over the first strip; the signature under the last strip
    for (const m of ['C1:H1', 'A5:H5', 'A7:H7', 'M34:P34']) expect(sheet).toContain(`"${m}"`);
    expect(printSetupOf(file)).toEqual({
      titleCols: '$A:$B',
      titleRows: '$8:$10',
      colBreaks: [8],
      scale: 76,
      fitToPage: false,
      pageOrder: 'downThenOver',
    });
    expect(out.layouts[0].print?.ranges).toEqual([
      [0, 8],
      [8, 16],
    ]);
  });

  it('keeps a narrow appendix one page wide (no breaks, no title columns)', async () => {
    const { out } = await evaluatedExport(
      generatePlan({ projects: 8, years: 1, sources: ['ĐTPT'] }),
    );
    const { file, sheet, book } = parts(out.bytes, 'narrow');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('fitToWidth="1" fitToHeight="0"');
    expect(sheet).not.toMatch(/colBreaks|scale=/);
    const l = out.layouts[0];
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${out.names[0]}'!$${l.headerStart + 1}:$${l.firstRow}</definedName>`,
    );
    expect(printSetupOf(file)).toMatchObject({ titleCols: null, colBreaks: [], fitToPage: true });
  });
});

describe('the consolidation export in strips', () => {
  it('prints five years × two sources × three figures one year a strip, the total on its own', async () => {
    const x = await wideConsolidation([2026, 2027, 2028, 2029, 2030]);
    const { file, sheet, book } = parts(x.bytes, 'consolidation');
    expect(sheet).not.toContain('fitToPage');
    expect(sheet).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" scale="7\d" pageOrder="downThenOver"\/>/,
    );
    expect(sheet).toContain('<colBreaks count="5" manualBreakCount="5">');
    // the title lines over the first strip (TT … Năm 2026), not the 38 columns
    expect(sheet).toContain('<mergeCell ref="A1:J1"/>');
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$A:$B,'Tổng hợp'!$4:$6</definedName>`,
    );
    expect(book).toContain(
      `'Tổng hợp'!$A$1:$J$13,'Tổng hợp'!$K$4:$P$13,'Tổng hợp'!$Q$4:$V$13,'Tổng hợp'!$W$4:$AB$13,'Tổng hợp'!$AC$4:$AH$13,'Tổng hợp'!$AI$4:$AL$13`,
    );
    const py = printSetupOf(file);
    expect(py).toMatchObject({
      titleCols: '$A:$B',
      titleRows: '$4:$6',
      colBreaks: [10, 16, 22, 28, 34],
      fitToPage: false,
      pageOrder: 'downThenOver',
    });
    expect(py.scale).toBeGreaterThanOrEqual(70);
  });

  it('keeps a narrow consolidation one page wide', async () => {
    const x = await wideConsolidation([2026], true);
    const { file, sheet, book } = parts(x.bytes, 'consolidation-narrow');
    expect(sheet).toContain('fitToWidth="1" fitToHeight="0"');
    expect(sheet).not.toMatch(/colBreaks|scale=/);
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tổng hợp'!$4:$5</definedName>`,
    );
    expect(book).not.toContain('Print_Area');
    expect(printSetupOf(file)).toMatchObject({ titleCols: null, colBreaks: [], fitToPage: true });
  });
});
