/**
 * The streaming .xlsx reader gives exactly the raw grids SheetJS gives (gridsBySheetJs): on every
 * .xlsx fixture, on generated plans, on every .xls/.ods fixture written back as .xlsx by SheetJS,
 * and on hand-written packages covering each feature it reads; what it does not read falls back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { LimitError, READ_LIMITS } from './limits';
import { gridsBySheetJs, gridsFromWorkbook } from './sheets';
import { gridsFromXlsx } from './xlsxStream';
import { encodeCol } from './xlsxText';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function files(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, test) : test(f) ? [p] : [];
  });
}

/** Reads with the streaming reader; the reason when it left the file to SheetJS. */
function streamed(bytes: Uint8Array) {
  let why: string | null = null;
  const grids = gridsFromXlsx(bytes, { onFallback: (w) => (why = w) });
  return { grids, why };
}

function same(bytes: Uint8Array): string | null {
  const { grids, why } = streamed(bytes);
  if (grids) expect(grids).toStrictEqual(gridsBySheetJs(bytes));
  return why;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package from parts: sheets (XML bodies of <worksheet>), shared strings, styles, extras. */
function book(o: {
  sheets: { name: string; xml: string; rels?: string }[];
  sst?: string;
  styles?: string;
  workbookPr?: string;
  extra?: Record<string, string>;
}): Uint8Array {
  const ct = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...o.sheets.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    o.sst !== undefined
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '',
    o.styles !== undefined
      ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      : '',
  ].join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${ct}</Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${o.workbookPr ?? ''}<sheets>${o.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
    ...o.extra,
  };
  o.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${REL}">${s.xml}</worksheet>`;
    if (s.rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = s.rels;
  });
  if (o.sst !== undefined)
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst xmlns="${NS}">${o.sst}</sst>`;
  if (o.styles !== undefined)
    parts['xl/styles.xml'] =
      `<?xml version="1.0"?><styleSheet xmlns="${NS}">${o.styles}</styleSheet>`;
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="#.##0"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="#,##0;[Red]\\-#,##0;&quot;-&quot;"/></numFmts>' +
  '<cellXfs count="12"><xf/><xf numFmtId="3"/><xf numFmtId="4"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="41"/><xf numFmtId="43"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="14"/><xf numFmtId="49"/></cellXfs>';

describe('the streaming .xlsx reader reads as SheetJS does', () => {
  it('every .xlsx fixture, streamed (no fallback)', () => {
    // (damaged packages are refused before either reader runs: bounded.test.ts)
    const all = [
      ...files(FIXTURES, (f) => f.endsWith('.xlsx'))
        .filter((f) => !f.includes('/damaged/'))
        .map((f) => readFileSync(f)),
      ...files(FIXTURES, (f) => f.endsWith('.xlsx.b64')).map((f) =>
        Buffer.from(readFileSync(f, 'utf8'), 'base64'),
      ),
    ];
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const bytes of all) expect(same(new Uint8Array(bytes))).toBeNull();
  });

  it('generated plans (shared strings, styles, SUM formulas, merges)', () => {
    for (const findings of ['few', 'many'] as const)
      expect(same(planXlsx({ projects: 600, findings }))).toBeNull();
  });

  it('every .xls and .ods fixture written back as .xlsx by SheetJS (shared and inline strings)', () => {
    const sources = files(FIXTURES, (f) => /\.(xls|ods)$/.test(f)).filter(
      (f) => !f.includes('/damaged/'),
    );
    expect(sources.length).toBeGreaterThanOrEqual(20);
    let streamedCount = 0;
    for (const f of sources) {
      const wb = XLSX.read(readFileSync(f), { cellFormula: true, cellStyles: true, cellNF: true });
      for (const bookSST of sources.indexOf(f) % 2 ? [false] : [true]) {
        const bytes = new Uint8Array(
          XLSX.write(wb, {
            type: 'array',
            bookType: 'xlsx',
            bookSST,
            cellStyles: true,
          }) as ArrayBuffer,
        );
        const why = same(bytes);
        if (why === null) streamedCount++;
        else expect(why).toBe('package'); // sheets with comments are left to SheetJS
      }
    }
    expect(streamedCount).toBeGreaterThanOrEqual(sources.length - 4);
  }, 120_000);

  it('values, types, number formats, shared and rich strings, shared formulas', () => {
    const sst =
      '<si><t>Dự án &amp; “nhà” _x000D_ a</t></si>' +
      '<si><t xml:space="preserve">  khoảng trắng  </t></si>' +
      '<si><r><rPr><b/></rPr><t>Vốn </t></r><r><t>ĐTPT</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
      '<si><t>61.600</t></si><si></si><si><t>a&#10;b&#x41;</t></si>';
    const row1 = [
      '<c r="A1" t="s"><v>0</v></c>',
      '<c r="B1" t="s" s="1"><v>1</v></c>',
      '<c r="C1" t="s"><v>2</v></c>',
      '<c r="D1" t="s"><v>3</v></c>',
      '<c r="E1" t="s"><v>4</v></c>',
      '<c r="F1" t="s"><v>5</v></c>',
      '<c r="G1" t="inlineStr"><is><t>trực tiếp</t></is></c>',
      '<c r="H1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>',
      '<c r="I1" t="str"><f>A1&amp;"x"</f><v>Dự án &amp;amp; x</v></c>',
      '<c r="J1" t="b"><v>1</v></c><c r="K1" t="b"><v>0</v></c>',
      '<c r="L1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="M1" t="e"><v>#N/A</v></c><c r="N1" t="e"><v>#SPILL!</v></c>',
    ].join('');
    const nums = [61600, 1.5, -1234567.891, 0.125, 1 / 3, 1e-7, 12345678901234, -0.5, 0, 45000];
    const row2 = nums
      .map((v, k) => `<c r="${String.fromCharCode(65 + k)}2" s="${k + 1}"><v>${v}</v></c>`)
      .join('');
    const row3 = nums
      .map((v, k) => `<c r="${String.fromCharCode(65 + k)}3" s="${(k % 11) + 1}"><v>${-v}</v></c>`)
      .join('');
    const formulas = [
      '<c r="A4"><f t="shared" ref="A4:C4" si="0">SUM(A2:A3)+$B$2*_xlfn.CONCAT(B$1)</f><v>1</v></c>',
      '<c r="B4"><f t="shared" si="0"/><v>2</v></c>',
      '<c r="C4"><f t="shared" si="0"></f><v>3</v></c>',
      '<c r="D4"><f>IF(A2&gt;0,"có","không")</f></c>',
      '<c r="E4" t="n"><f>A2</f></c>',
      '<c r="F4" s="2"/><c r="G4" t="n"><v></v></c><c r="H4" t="s"/><c r="I4" t="str"/><c r="J4" t="b"/>',
      '<c r="K4" t="e"/><c r="L4" t="inlineStr"/>',
    ].join('');
    const xml = `<sheetData><row r="1">${row1}</row><row r="2" ht="20" customHeight="1">${row2}</row><row r="3">${row3}</row><row r="4">${formulas}</row></sheetData>`;
    const bytes = book({ sheets: [{ name: 'Phụ lục 1', xml }], sst, styles: STYLES });
    expect(same(bytes)).toBeNull();
    const g = gridsFromXlsx(bytes)!;
    expect(g[0].rows[3][1].formula).toBe('SUM(B2:B3)+$B$2*CONCAT(C$1)');
    expect(g[0].rows[0][2].text).toBe('Vốn ĐTPT');
  });

  it('every built-in number format id, on first and later use', () => {
    const ids = Array.from({ length: 100 }, (_, i) => i);
    const styles = `<cellXfs count="${ids.length}">${ids.map((i) => `<xf numFmtId="${i}"/>`).join('')}</cellXfs>`;
    const rows = [1234.5, -0.25, 45000]
      .map(
        (v, r) =>
          `<row r="${r + 1}">${ids.map((i) => `<c r="${encodeCol(i)}${r + 1}" s="${i}"><v>${v}</v></c>`).join('')}</row>`,
      )
      .join('');
    expect(
      same(book({ sheets: [{ name: 'S', xml: `<sheetData>${rows}</sheetData>` }], styles })),
    ).toBeNull();
  });

  it('rows and cells without addresses, hidden rows and columns, merges, hyperlinks, sheets', () => {
    const xml =
      '<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="5" hidden="0"/><col min="7" max="9" hidden="true"/></cols>' +
      '<sheetData>' +
      '<row r="2" hidden="1"/><row r="3" ht="12" hidden="1"><c r="A3"><v>1</v></c><c><v>2</v></c><c r="E3"><v>5</v></c><c><v>6</v></c></row>' +
      '<row><c><v>7</v></c></row>' +
      '<row r="6" hidden="0" ht="15"><c r="B6" s="0"/></row>' +
      '<row r="8" outlineLevel="1" hidden="1"></row>' +
      '<row r="9"><c r="A9"><v>9</v></c></row><row r="9" ht="30"><c r="B9"><v>10</v></c></row>' +
      '</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D5"/></mergeCells>' +
      '<hyperlinks><hyperlink ref="F12:G13" r:id="rId1"/><hyperlink ref="K2" location="A1"/></hyperlinks>';
    const bytes = book({
      sheets: [
        { name: 'A &amp; B', xml },
        { name: 'Trống', xml: '<sheetData/>' },
        { name: 'Không dữ liệu', xml: '<sheetPr/>' },
      ],
    });
    expect(same(bytes)).toBeNull();
    const g = gridsFromXlsx(bytes)!;
    expect(g.map((s) => s.name)).toEqual(['A & B', 'Trống', 'Không dữ liệu']);
    expect([...g[0].hiddenRows!]).toEqual([1, 2, 7]);
    expect([...g[0].hiddenCols!]).toEqual([1, 2, 6, 7, 8]);
  });

  it('outline groups, the AutoFilter and formulas saved without values, as Excel and web systems write them', () => {
    const xml =
      '<sheetPr filterMode="1"/><sheetFormatPr defaultRowHeight="15" outlineLevelRow="2" outlineLevelCol="1"/>' +
      '<cols><col min="3" max="4" width="0" hidden="1" outlineLevel="1" customWidth="1"/><col min="5" max="5" collapsed="1"/></cols>' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>' +
      '<row r="2" collapsed="1"><c r="A2"><f>SUM(A3:A4)</f></c><c r="B2" s="1"><f>B3+B4</f></c><c r="C2" t="e"><f>SUM(#REF!)</f><v>#REF!</v></c></row>' +
      '<row r="3" hidden="1" outlineLevel="1"><c r="A3"><v>3</v></c></row>' +
      '<row r="4" hidden="1" outlineLevel="2"><c r="A4"><v>4</v></c></row><row r="4" ht="20"/>' +
      '<row r="5" hidden="1" outlineLevel="1"><c r="A5"><v>5</v></c></row>' +
      '</sheetData><autoFilter ref="A1:E5"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn></autoFilter>';
    const bytes = book({ sheets: [{ name: 'S', xml }], styles: STYLES });
    expect(same(bytes)).toBeNull();
    const g = gridsFromXlsx(bytes)![0];
    expect([...g.hiddenRows!]).toEqual([2, 4]);
    // (SheetJS keeps a row's last tag: row 4's second tag gives no level)
    expect([...g.groupedRows!]).toEqual([2, 4]);
    expect([...g.groupedCols!]).toEqual([2, 3]);
    expect(g.autoFilter).toEqual({ r0: 0, c0: 0, r1: 4, c1: 4 });
    expect(g.rows[1][0]).toMatchObject({ text: '', formula: 'SUM(A3:A4)' });
    expect(g.rows[1][1]).toMatchObject({ text: '', formula: 'B3+B4' });
    expect(g.rows[1][0].value).toBeUndefined();
    expect(g.rows[1][2]).toMatchObject({ text: '#REF!', formula: 'SUM(#REF!)' });
  });

  it('refuses what the SheetJS reading refuses, with the same line (rows, formulas)', () => {
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LimitError);
        return (e as Error).message;
      }
      return 'read';
    };
    const far = READ_LIMITS.sheetRows + 5;
    const deep = `${'SUM('.repeat(READ_LIMITS.formulaDepth + 2)}1${')'.repeat(READ_LIMITS.formulaDepth + 2)}`;
    const cases = [
      book({
        sheets: [
          {
            name: 'S',
            xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="${far}"><c r="B${far}"><v>2</v></c></row></sheetData>`,
          },
        ],
      }),
      book({
        sheets: [
          {
            name: 'S',
            xml: `<sheetData><row r="3"><c r="C3"><f>${deep}</f><v>1</v></c></row></sheetData>`,
          },
        ],
      }),
    ];
    for (const bytes of cases) {
      const a = thrown(() => gridsFromXlsx(bytes));
      expect(a).not.toBe('read');
      expect(a).toBe(thrown(() => gridsBySheetJs(bytes)));
    }
  });

  it('a number repeated in one format is one cell, read as SheetJS reads it (-0, 0, first use)', () => {
    // styles 0 (General), 1 (#,##0), 2 (0.00), 7 (#.##0), 9 (two sections): each first used on a
    // repeated number, then the same numbers again, -0 beside 0, and the same number in two formats
    const vals = [
      '5',
      '5',
      '0',
      '-0',
      '1234567',
      '1.5',
      '1234567',
      '-0',
      '0',
      '1.5',
      '1E3',
      '1000',
    ];
    const row = (r: number, s: number) =>
      `<row r="${r}">${vals.map((v, k) => `<c r="${encodeCol(k)}${r}" s="${s}"><v>${v}</v></c>`).join('')}</row>`;
    const rows = [0, 1, 2, 7, 9, 1, 0].map((s, i) => row(i + 1, s)).join('');
    const bytes = book({
      sheets: [{ name: 'S', xml: `<sheetData>${rows}</sheetData>` }],
      styles: STYLES,
    });
    expect(same(bytes)).toBeNull();
    const g = gridsFromXlsx(bytes)![0].rows;
    expect(g[5][0]).toBe(g[5][1]); // 5 and 5 in #,##0 (in use): one cell
    expect(g[5][1]).toBe(g[1][1]); // and the same in an earlier row
    expect(g[5][4]).toBe(g[1][4]); // 1234567 in #,##0, rows 2 and 6
    expect(g[5][10]).toBe(g[5][11]); // 1E3 and 1000: one number
    expect(g[1][3]).not.toBe(g[1][2]); // -0 is not 0
    expect(g[1][1]).not.toBe(g[2][1]); // 5 in #,##0 is not 5 in 0.00
  });

  it('leaves out trailing empty rows and cells as the SheetJS reading does', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="1"/><c r="F1" s="1"/></row>' +
      '<row r="2" hidden="1"><c r="D2"><v>4</v></c><c r="E2" s="1"/></row><row r="5" ht="20"><c r="A5" s="1"/></row>' +
      '<row r="9" hidden="1"/></sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A6:B7"/></mergeCells>';
    const bytes = book({ sheets: [{ name: 'S', xml }], styles: STYLES });
    expect(same(bytes)).toBeNull();
    const g = gridsFromXlsx(bytes)![0];
    expect(g.rows.map((r) => r.length)).toEqual([1, 4]);
    expect(g.merges).toHaveLength(1);
  });

  it('leaves to SheetJS what it does not read (same result through gridsFromWorkbook)', () => {
    const cases: [string, Uint8Array][] = [
      [
        'array formula',
        book({
          sheets: [
            {
              name: 'S',
              xml: '<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2</f><v>1</v></c></row></sheetData>',
            },
          ],
        }),
      ],
      [
        'date cell',
        book({
          sheets: [
            {
              name: 'S',
              xml: '<sheetData><row r="1"><c r="A1" t="d"><v>2024-01-02</v></c></row></sheetData>',
            },
          ],
        }),
      ],
      [
        '1904 dates',
        book({
          workbookPr: '<workbookPr date1904="1"/>',
          sheets: [
            { name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
          ],
        }),
      ],
      [
        'comments',
        book({
          sheets: [
            {
              name: 'S',
              xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
              rels: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
            },
          ],
          extra: {
            'xl/comments1.xml': `<?xml version="1.0"?><comments xmlns="${NS}"><authors><author>A</author></authors><commentList><comment ref="C3" authorId="0"><text><t>ghi chú</t></text></comment></commentList></comments>`,
          },
        }),
      ],
      ['not a package', strToU8('PK\u0003\u0004 broken')],
    ];
    for (const [what, bytes] of cases) {
      expect(streamed(bytes).grids, what).toBeNull();
      if (what !== 'not a package')
        expect(gridsFromWorkbook(bytes)).toStrictEqual(gridsBySheetJs(bytes));
    }
  });
});
