/**
 * The plain-cell path (xlsxPlainCell.ts) reads exactly what the general cell reader reads: the
 * streaming reader with it on and off gives the same grids on every .xlsx fixture, on generated
 * plans and on random sheets (numbers, shared, inline and rich strings, formulas, empty and stub
 * cells, XML entities, Vietnamese text, dates, attributes in odd orders); SheetJS agrees with both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { gridsBySheetJs } from './sheets';
import { type PlainCell, plainCell } from './xlsxPlainCell';
import { setPlainCells } from './xlsxRows';
import { gridsFromXlsx } from './xlsxStream';
import { encodeCol } from './xlsxText';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function files(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, test) : test(f) ? [p] : [];
  });
}

/** The grids read with the plain-cell path on and off (null: left to SheetJS). */
function both(bytes: Uint8Array) {
  setPlainCells(true);
  const fast = gridsFromXlsx(bytes);
  setPlainCells(false);
  const general = gridsFromXlsx(bytes);
  setPlainCells(true);
  return { fast, general };
}

afterEach(() => setPlainCells(true));

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** A one-sheet package: its sheetData rows, shared strings and styles. */
function book(rows: string, sst: string, styles: string): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${NS}">${sst}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${NS}">${styles}</styleSheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

const STRINGS = [
  'Dự án đường giao thông',
  'Vốn ĐTPT &amp; Vốn SN',
  '61.600',
  '&lt;b&gt;',
  'a_x000D_b',
  '',
  'Xã Hưng Lộc',
];
const SST = STRINGS.map((t, i) =>
  i === 6
    ? `<si><r><rPr><b/></rPr><t>Xã </t></r><r><t>Hưng Lộc</t></r></si>`
    : `<si><t>${t}</t></si>`,
).join('');
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<cellXfs count="8"><xf/><xf numFmtId="3"/><xf numFmtId="4"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="41"/><xf numFmtId="49"/></cellXfs>';

/** One random cell's XML at `ref`: plain shapes and every neighbouring shape the general path reads. */
const cellXml = (ref: string) =>
  fc.oneof(
    fc
      .tuple(
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e12 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(0, -0, 45000, 1e15, 1234567890123456, 0.1),
        ),
        fc.constantFrom('', ' s="0"', ' s="1"', ' s="3"', ' s="4"', ' s="5"', ' s="9"', ' s="01"'),
        fc.constantFrom('', ' t="n"', ' t=""'),
      )
      .map(([v, s, t]) => `<c r="${ref}"${s}${t}><v>${String(v)}</v></c>`),
    fc
      .tuple(fc.integer({ min: -1, max: STRINGS.length }), fc.constantFrom('', ' s="7"', ' s="2"'))
      .map(([i, s]) => `<c r="${ref}"${s} t="s"><v>${i}</v></c>`),
    fc
      .tuple(fc.integer({ min: 0, max: STRINGS.length - 1 }), fc.boolean())
      .map(([i, order]) =>
        order
          ? `<c t="s" r="${ref}"><v>${i}</v></c>`
          : `<c s="1"  r="${ref}" t="s"><v>${i}</v></c>`,
      ),
    fc.constantFrom(
      `<c r="${ref}" t="inlineStr"><is><t>Trực tiếp &amp; “x”</t></is></c>`,
      `<c r="${ref}" t="inlineStr"><is><r><t>a</t></r><r><t>ế</t></r></is></c>`,
      `<c r="${ref}" s="4"><f>SUM(A1:A3)</f><v>12</v></c>`,
      `<c r="${ref}" s="1"><f>A1*2</f><v>-0.5</v></c>`,
      `<c r="${ref}" s="4"><f>SUM(A1:A3)</f><v></v></c>`,
      `<c r="${ref}" s="4"><f>SUM(A1:A3)</f></c>`,
      `<c r="${ref}" s="4"><f></f><v>3</v></c>`,
      `<c r="${ref}" t="s"><f>A1</f><v>1</v></c>`,
      `<c r="${ref}" t="n"><f>_xlfn.CONCAT(1,2)</f><v>12</v></c>`,
      `<c r="${ref}"><f>1&lt;2</f><v>1</v></c>`,
      `<c r="${ref}"><f>A1
+1</f><v>1</v></c>`,
      `<c r="${ref}"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c>`,
      `<c r="${ref}"><f t="shared" si="0"/><v>1</v></c>`,
      `<c r="${ref}"><f>B1</f><v>1</v><f>C1</f></c>`,
      `<c r="${ref}"><f>1/0</f></c>`,
      `<c r="${ref}" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>`,
      `<c r="${ref}" t="b"><v>1</v></c>`,
      `<c r="${ref}" t="e"><v>#N/A</v></c>`,
      `<c r="${ref}" s="3"><v>45292</v></c>`,
      `<c r="${ref}" s="3"><v>45292.5</v></c>`,
      `<c r="${ref}" s="2"/>`,
      `<c r="${ref}" s="2" />`,
      `<c r="${ref}" t="s"/>`,
      `<c r="${ref}" t="b"/>`,
      `<c r="${ref}"></c>`,
      `<c r="${ref}"><v></v></c>`,
      `<c r="${ref}"><v>1&#48;</v></c>`,
      `<c r="${ref}"><v>_x0031_</v></c>`,
      `<c r="${ref}"><v xml:space="preserve">7</v></c>`,
      `<c r="${ref}" x:s="2"><v>7</v></c>`,
      `<c r="${ref}" S="2"><v>7</v></c>`,
      `<c r="${ref}" s='2'><v>7</v></c>`,
      `<c r="${ref}" s="2" s="4"><v>7</v></c>`,
      `<c r="${ref}" cm="1"><v>7</v></c>`,
      `<c r="${ref}"><v>-</v></c>`,
      `<c r="${ref}"><v>0012</v></c>`,
      `<c r="${ref}"><v>1e3</v></c>`,
      `<c r="${ref}"><v>abc</v></c>`,
      `<c r="${ref.toLowerCase()}"><v>5</v></c>`,
      `<c><v>8</v></c>`,
      `<c r="A0"><v>3</v></c>`,
    ),
  );

/** A random sheet: rows of random cells (some rows without an address). */
const sheetXml = fc
  .array(
    fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.boolean())
      .chain(([width, addressed]) =>
        fc.tuple(
          fc.constant(addressed),
          fc.tuple(...Array.from({ length: width }, (_, c) => cellXml(`${encodeCol(c * 2)}#`))),
        ),
      ),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) =>
    rows
      .map(([addressed, cells], r) => {
        const row = cells.join('').replace(/([A-Za-z]+)#/g, `$1${r + 1}`);
        return `<row${addressed ? ` r="${r + 1}"` : ''}>${row}</row>`;
      })
      .join(''),
  );

describe('the plain-cell path reads as the general cell reader does', () => {
  it('every .xlsx fixture and generated plans', () => {
    const all = [
      ...files(FIXTURES, (f) => f.endsWith('.xlsx'))
        .filter((f) => !f.includes('/damaged/'))
        .map((f) => new Uint8Array(readFileSync(f))),
      ...files(FIXTURES, (f) => f.endsWith('.xlsx.b64')).map(
        (f) => new Uint8Array(Buffer.from(readFileSync(f, 'utf8'), 'base64')),
      ),
      planXlsx({ projects: 300, findings: 'few' }),
      planXlsx({ projects: 300, findings: 'many' }),
    ];
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const bytes of all) {
      const { fast, general } = both(bytes);
      expect(fast).not.toBeNull();
      expect(fast).toStrictEqual(general);
    }
  });

  it('random sheets (numbers, strings, formulas, stubs, entities, dates, odd attributes)', () => {
    fc.assert(
      fc.property(sheetXml, (rows) => {
        const bytes = book(rows, SST, STYLES);
        const thrown = (f: () => unknown) => {
          try {
            return f();
          } catch (e) {
            return `thrown: ${(e as Error).message}`;
          }
        };
        const fast = thrown(() => both(bytes).fast);
        setPlainCells(false);
        const general = thrown(() => gridsFromXlsx(bytes));
        setPlainCells(true);
        expect(fast).toStrictEqual(general);
        if (fast) expect(fast).toStrictEqual(gridsBySheetJs(bytes));
      }),
      { numRuns: 300, seed: 2064 },
    );
  });

  it('takes the plain shapes and leaves every other to the general reader', () => {
    const out: PlainCell = {
      row: 0,
      col: 0,
      shared: false,
      style: -1,
      vs: 0,
      ve: 0,
      num: NaN,
      fs: 0,
      fe: 0,
    };
    const piece = (x: string) => plainCell(x, 0, x.length, out);
    expect(piece('r="AB12" s="3" t="s"><v>7</v></c>')).toBe(true);
    expect(out).toMatchObject({ row: 11, col: 27, shared: true, style: 3, num: 7 });
    expect(piece('r="C3" s="2"><v>-12.5</v></c>')).toBe(true);
    expect(out.num).toBeNaN();
    expect(piece('r="C3"/>')).toBe(true);
    expect(out.vs).toBe(out.ve);
    expect(piece('r="E6" s="3"><f>SUM(E7:E9)</f><v>12</v></c>')).toBe(true);
    expect(out).toMatchObject({ row: 5, col: 4, style: 3, fs: 16, fe: 26, num: 12 });
    for (const other of [
      's="2"><v>1</v></c>', // no address
      'r="C3" t="str"><v>1</v></c>',
      'r="C3" s="02"><v>1</v></c>',
      'r="C3" t="s"><f>A1</f><v>1</v></c>',
      'r="C3"><f>_xlfn.X(1)</f><v>1</v></c>',
      'r="C3"><f></f><v>1</v></c>',
      'r="C3"><f t="array">A1</f><v>1</v></c>',
      'r="C3"><v>a&amp;b</v></c>',
      'r="C3"><v>1</v></c> ',
      'r="c3"><v>1</v></c>',
    ])
      expect(piece(other), other).toBe(false);
  });
});
