import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanReadError, readPlanFile } from './readPlan';

function xlsxOf(sheets: [string, XLSX.WorkSheet][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same file with its first sheet declaring a million-row dimension (as some exporters write). */
function withHugeDimension(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  files['xl/worksheets/sheet1.xml'] = strToU8(
    xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1048576"/>'),
  );
  return zipSync(files);
}

/** Reads and returns the error message, or 'ok'. Anything but a PlanReadError is a bug. */
function outcome(name: string, bytes: Uint8Array): string {
  try {
    readPlanFile(name, bytes);
    return 'ok';
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
    return e.message;
  }
}

const good = () => readFileSync('fixtures/quang-tri-2011-2015-appendix.xlsx.b64', 'utf8');

describe('bad files get one clear message', () => {
  it('not a spreadsheet, truncated, empty, password-protected', () => {
    expect(outcome('a.xlsx', new TextEncoder().encode('hello, not a spreadsheet'))).toMatch(
      /not a spreadsheet/,
    );
    const real = Buffer.from(good(), 'base64');
    expect(outcome('t.xlsx', real.subarray(0, real.length / 2))).toMatch(
      /cannot read the spreadsheet/,
    );
    expect(outcome('e.xlsx', xlsxOf([['Trống', XLSX.utils.aoa_to_sheet([])]]))).toMatch(
      /holds no table/,
    );
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const locked = XLSX.CFB.write(cfb, { type: 'array' }) as Uint8Array;
    expect(outcome('p.xlsx', locked)).toMatch(/password-protected/);
    // the app words each reason in Vietnamese
    const reason = (name: string, bytes: Uint8Array) => {
      try {
        readPlanFile(name, bytes);
        return 'ok';
      } catch (e) {
        return (e as PlanReadError).reason;
      }
    };
    expect(reason('p.xlsx', locked)).toBe('passwordProtected');
    expect(reason('a.xlsx', new TextEncoder().encode('hello'))).toBe('notSpreadsheet');
    expect(reason('e.xlsx', xlsxOf([['Trống', XLSX.utils.aoa_to_sheet([])]]))).toBe('empty');
  });

  it('a zip that holds no workbook (a Word document, another archive) is not a spreadsheet', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    const archive = zipSync({ 'notes.txt': strToU8('hello') });
    for (const [name, bytes] of [
      ['plan.docx', docx],
      ['plan.xlsx', docx],
      ['plan.xlsx', archive],
    ] as const) {
      // was "cannot read the spreadsheet (Unknown Namespace: )" / "(Unsupported ZIP file)"
      expect(outcome(name, bytes)).toMatch(/^not a spreadsheet \(a zip archive with no workbook/);
    }
    // a real workbook (xl/…) and an .ods (content.xml) still read
    expect(
      outcome('ok.xlsx', xlsxOf([['S', XLSX.utils.aoa_to_sheet([['TT', 'Tên']])]])),
    ).not.toMatch(/not a spreadsheet/);
    const ods = new Uint8Array(
      XLSX.write(
        { SheetNames: ['S'], Sheets: { S: XLSX.utils.aoa_to_sheet([['a']]) } },
        { type: 'array', bookType: 'ods' },
      ) as ArrayBuffer,
    );
    expect(outcome('ok.ods', ods)).not.toMatch(/not a spreadsheet/);
  });

  it('a million-row dimension with three cells, circular formulas and __proto__ names read quickly and safely', () => {
    const big = XLSX.utils.aoa_to_sheet([
      ['TT', 'Tên dự án', 'Tổng mức đầu tư'],
      ['1', 'Dự án A', 100],
    ]);
    const cyc: XLSX.WorkSheet = {
      '!ref': 'A1:B1',
      A1: { t: 'n', v: 0, f: 'B1' },
      B1: { t: 'n', v: 0, f: 'A1' },
    };
    const proto = XLSX.utils.aoa_to_sheet([
      ['STT', 'Tên dự án', '__proto__', 'Tổng mức đầu tư'],
      ['1', 'Dự án', 'x', 5],
    ]);
    const t = performance.now();
    const file = withHugeDimension(
      xlsxOf([
        ['big', big],
        ['cyc', cyc],
        ['__proto__x', proto],
      ]),
    );
    expect(strFromU8(unzipSync(file)['xl/worksheets/sheet1.xml'])).toContain('A1:Z1048576');
    const r = readPlanFile('w.xlsx', file);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['big', '__proto__x']);
    expect(r.skipped).toEqual(['cyc']);
    // the sheet that is not an appendix is kept whole, circular formulas included
    expect(r.workbook.grids?.map((g) => [g.name, g.cells])).toEqual([['cyc', [['=B1', '=A1']]]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const named = xlsxOf([['__proto__', proto]]);
    expect(
      readPlanFile('w.xlsx', named, { bands: JSON.parse('{"__proto__":{"start":0,"end":1}}') })
        .workbook.sheets,
    ).toHaveLength(1);
  });
});

describe('random and mutated files (property-based)', () => {
  // Mutated .xls files are left out: SheetJS's BIFF parser can loop on some of them (found by this
  // test; seed 42, run 9). The app and the CLI read files in a worker they stop after 60 s.
  const samples = [
    Buffer.from(good(), 'base64'),
    readFileSync('fixtures/quang-tri-2011-2015-appendix.ods'),
    readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv'),
  ];
  it('always return a reading or a clear error, within a time bound', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        fc.nat(),
        (k, flips, cut) => {
          const bytes = Uint8Array.from(samples[k]);
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          const data = cut % 4 === 0 ? bytes.subarray(0, cut % bytes.length) : bytes;
          const t = performance.now();
          const o = outcome(['a.xlsx', 'a.ods', 'a.tsv'][k], data);
          expect(typeof o).toBe('string');
          expect(performance.now() - t).toBeLessThan(5000);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  }, 120_000);

  it('random bytes never crash the reader', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.xlsx', 'x.xls', 'x.ods', 'x.csv', 'x.txt'),
        (bytes, name) => {
          expect(typeof outcome(name, bytes)).toBe('string');
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
