/**
 * The streaming reader's parts on their own: the fast number-format paths render as SheetJS's SSF
 * does, and the sheet scanner gives one grid whatever the chunks its XML arrives in.
 */
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellBudget } from './limits';
import { SheetScan } from './xlsxSheet';
import { FormatTable, grouped } from './xlsxText';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('number format rendering', () => {
  it('the fast paths render whole numbers exactly as SSF does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (v) => {
        expect(grouped(v)).toBe(XLSX.SSF.format('#,##0', v));
        const t = new FormatTable();
        expect(t.render(1, v)).toBe(XLSX.SSF.format('0', v));
        expect(t.render(0, v)).toBe(XLSX.SSF.format('General', v));
      }),
    );
  });
});

describe('the sheet scanner', () => {
  it('gives the same grid whatever the chunk boundaries', () => {
    const rows = Array.from(
      { length: 40 },
      (_, r) =>
        `<row r="${r + 1}"${r % 7 === 0 ? ' hidden="1"' : ''}><c r="A${r + 1}" t="s"><v>${r % 3}</v></c><c r="B${r + 1}" s="1"><f>SUM(C${r + 1}:D${r + 1})</f><v>${r * 3}</v></c><c r="C${r + 1}"><v>${r}</v></c><c r="D${r + 1}" s="1"/></row>`,
    ).join('');
    const xml = `<?xml version="1.0"?><worksheet xmlns="${NS}"><cols><col min="3" max="3" hidden="1"/></cols><sheetData>${rows}</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const read = (chunk: number) => {
      const t = new FormatTable();
      const scan = new SheetScan(['một', 'hai', 'ba'], [undefined, 3], t);
      for (let i = 0; i < xml.length; i += chunk) scan.push(xml.slice(i, i + chunk));
      return scan.finish('S', new CellBudget());
    };
    const whole = read(xml.length);
    expect(whole.rows).toHaveLength(40);
    for (const chunk of [1, 5, 13, 64, 1000]) expect(read(chunk)).toStrictEqual(whole);
    // chunks cut anywhere (a row end or the sheet data's end across two, several rows in one: the
    // rows read in the chunk itself, after the one that began in the text kept)
    const cutAt = (cuts: number[]) => {
      const t = new FormatTable();
      const scan = new SheetScan(['một', 'hai', 'ba'], [undefined, 3], t);
      let at = 0;
      for (const k of [...cuts].sort((a, b) => a - b)) scan.push(xml.slice(at, (at = k)));
      scan.push(xml.slice(at));
      return scan.finish('S', new CellBudget());
    };
    const tail = xml.indexOf('</sheetData>');
    for (let d = 1; d < 12; d++) expect(cutAt([900, tail + d])).toStrictEqual(whole);
    for (const k of [6, 7, 8, 9, 10, 11, 12])
      expect(cutAt([k, k + 400, xml.lastIndexOf('</row>') + 3])).toStrictEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 12 }), (cuts) => {
        expect(cutAt(cuts)).toStrictEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
