/**
 * Bounded reading: every reproduction of the hardening issue is refused quickly with one clear line,
 * or read whole (never cut silently).
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { damagedXls } from '../../tests/support/damaged';
import { serializePlanbook } from './planbookFile';
import { PlanReadError, readPlanFile } from './readPlan';

/** A one-sheet .xlsx whose sheetData is `rows` (and whose workbook part is `book`, when given). */
function xlsxWith(rows: string | Uint8Array, book?: (xml: string) => string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'S');
  const f = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
  const [head, tail] = strFromU8(f['xl/worksheets/sheet1.xml'])
    .replace(/<dimension[^>]*>/, '')
    .split(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/);
  const body = typeof rows === 'string' ? strToU8(rows) : rows;
  const [a, b] = [strToU8(`${head}<sheetData>`), strToU8(`</sheetData>${tail}`)];
  const xml = new Uint8Array(a.length + body.length + b.length);
  xml.set(a);
  xml.set(body, a.length);
  xml.set(b, a.length + body.length);
  f['xl/worksheets/sheet1.xml'] = xml;
  if (book) f['xl/workbook.xml'] = strToU8(book(strFromU8(f['xl/workbook.xml'])));
  return zipSync(f, { level: 9 });
}

/** The reading's error (reason and message), timed. */
function refusal(name: string, bytes: Uint8Array): { reason: string; message: string; ms: number } {
  const t = performance.now();
  try {
    readPlanFile(name, bytes);
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
    return { reason: e.reason, message: e.message, ms: performance.now() - t };
  }
  throw new Error('read without a refusal');
}

afterEach(() => vi.restoreAllMocks());

describe('limits before and while parsing', () => {
  it('a 50 KB .xlsx with 6,000 rows reaching column XFD is refused in seconds, naming the cells', () => {
    let rows = '';
    for (let r = 1; r <= 6000; r++)
      rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c><c r="XFD${r}"><v>1</v></c></row>`;
    const bytes = xlsxWith(rows);
    expect(bytes.length).toBeLessThan(80_000);
    const r = refusal('wide.xlsx', bytes);
    expect(r.reason).toBe('tooLarge');
    expect(r.message).toMatch(
      /^sheet 'S' has 6,000 rows reaching column XFD .*; Planbook reads sheets of at most 250,000 rows and 2,000 columns, 2,000,000 cells in all$/,
    );
    expect(r.ms).toBeLessThan(30_000); // 3 s on an idle machine; before: 43 s and 4.3 GB, then a failure
  }, 90_000);

  it('a zip bomb (200 MB of XML in a 200 KB file) is refused before parsing, without inflating it in memory', () => {
    const bomb = xlsxWith(new Uint8Array(200 * 1024 * 1024).fill(32));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().rss;
    const r = refusal('bomb.xlsx', bomb);
    expect(r.reason).toBe('tooLarge');
    expect(r.message).toMatch(/unpacks to more than 160 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  it('10,000 sheets are refused before parsing', () => {
    const sheets = Array.from(
      { length: 10_000 },
      (_, k) => `<sheet name="S${k}" sheetId="${k + 1}" r:id="rId1"/>`,
    ).join('');
    const bytes = xlsxWith('<row r="1"><c r="A1"><v>1</v></c></row>', (xml) =>
      xml.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`),
    );
    const r = refusal('sheets.xlsx', bytes);
    expect(r.message).toBe('the workbook has 10,000 sheets; Planbook reads at most 500');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('formulas nested 130 deep are refused (an .xlsx cell, a CSV amount, a .planbook cell), never overflowing the stack', () => {
    const deep = 'SUM('.repeat(130) + '1' + ')'.repeat(130);
    const ws = XLSX.utils.aoa_to_sheet([
      ['TT', 'Tên dự án', 'Tổng mức đầu tư'],
      ['1', 'Dự án A', 1],
    ]);
    ws.C2 = { t: 'n', v: 1, f: deep };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    expect(refusal('deep.xlsx', xlsx)).toMatchObject({
      reason: 'tooComplex',
      message:
        "sheet 'S', cell C2: a formula nested 130 levels deep; Planbook reads formulas nested up to 64 levels",
    });
    const csv = `TT,Tên dự án,Tổng mức đầu tư\n1,Dự án A,"=${'('.repeat(130)}1${')'.repeat(130)}"\n`;
    expect(refusal('deep.csv', new TextEncoder().encode(csv)).reason).toBe('tooComplex');
    const plan = readPlanFile('p.planbook', readFileSync('fixtures/quang-tri-2011-2015.planbook'));
    const p = plan.workbook.sheets[0].rows.find((r) => r.kind === 'project')!;
    p.cells[Object.keys(p.cells).find((k) => k.startsWith('y'))!] = `=${deep}`;
    const file = new TextEncoder().encode(serializePlanbook(plan.workbook));
    expect(refusal('deep.planbook', file).message).toMatch(/nested 130 levels deep/);
  });

  it('a sheet of 200,001 rows is read whole (nothing cut at 200,000)', () => {
    const parts: string[] = [];
    for (let r = 1; r <= 200_001; r++)
      parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const reading = readPlanFile('rows.xlsx', xlsxWith(parts.join('')));
    const g = reading.workbook.grids![0];
    expect(g.cells.length).toBe(200_001);
    expect(g.cells[200_000]).toEqual([200_001]);
  }, 60_000);
});

describe('library errors and output', () => {
  it('an .xls whose directory links loop is refused before SheetJS (which would abort the process: V8 "invalid size error")', () => {
    const r = refusal('loop.xls', readFileSync('fixtures/damaged/directory-loop.xls'));
    expect(r).toMatchObject({
      reason: 'unreadable',
      message: 'cannot read the spreadsheet: the file is damaged (its directory links loop)',
    });
    // the other fixtures' directories pass
    for (const f of ['fixtures/quang-tri-2011-2015-appendix.xls', 'fixtures/mof/Plan_2014.xls'])
      expect(readPlanFile(f, readFileSync(f)).workbook).toBeTruthy();
  });

  it('a 6.7 KB .xlsx whose deflate stream is invalid is refused at once (SheetJS would loop on it)', () => {
    const r = refusal('damaged.xlsx', readFileSync('fixtures/damaged/invalid-deflate.xlsx'));
    expect(r).toMatchObject({
      reason: 'unreadable',
      message:
        'cannot read the spreadsheet: the file is damaged (its part xl/workbook.xml does not unpack: invalid distance)',
    });
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a string thrown by the spreadsheet library is a clear reason, not "reading split of undefined"', () => {
    const r = refusal('damaged.xls', damagedXls(5));
    expect(r.reason).toBe('unreadable');
    expect(r.message).toBe('cannot read the spreadsheet (XLS Record 0x27e Truncated: 166 < 8458)');
  });

  it("the library's own console lines are not printed", () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) =>
      vi.spyOn(console, k),
    );
    for (const seed of [3, 6, 11]) {
      try {
        readPlanFile('damaged.xls', damagedXls(seed));
      } catch (e) {
        expect(e).toBeInstanceOf(PlanReadError);
      }
    }
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it("the file's folders never name a sheet or the plan", () => {
    const r = readPlanFile(
      '/tmp/Sở TT&TT/báo cáo/Phụ lục TT&TT.csv',
      new TextEncoder().encode('a,b\n1,2\n'),
    );
    expect(r.workbook.meta.title).toBe('Phụ lục TT&TT');
    expect(r.workbook.grids!.map((g) => g.name)).toEqual(['Phụ lục TT&TT']);
    const w = readPlanFile('C:\\Users\\cb\\Phụ lục.tsv', new TextEncoder().encode('a\tb\n1\t2\n'));
    expect(w.workbook.grids![0].name).toBe('Phụ lục');
  });
});
