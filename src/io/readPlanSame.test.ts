/**
 * The app's reader (`readPlanFile`: the streaming .xlsx reader, the appendix reading, readGrids)
 * reads every spreadsheet to exactly what the old path reads (tests/support/readPlanBefore:
 * SheetJS's grids, the frozen appendix reading, the old readGrids and checks): the same workbook
 * (ids and times aside), warnings, line numbers, columns, skipped sheets and preview sources. On
 * every fixture (.xlsx, .xls, .ods, the MoF corpus, the sample), generated plans as Excel writes
 * them, the app's own export, and awkward files: tables in hostile layouts and random layouts
 * written by SheetJS with shared or inline strings, formats, formulas, merges and hidden rows, and
 * a hand-written package with rich text, inline strings, `61.600` as text, dates and hidden rows.
 */
import './sheetJsEager'; // reads here cannot wait for SheetJS to load
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { readSheetBefore } from '../../tests/support/readPlanBefore/readPlan';
import { hostileVariants, type SheetAudit } from '../cli/audit/hostileLayouts';
import { generatePlan } from '../domain/generate';
import { evaluatedExport } from '../../tests/support/evaluatedExport';
import { parsePlanbook } from './planbookFile';
import type { RawGrid } from './appendix/grid';
import { PREVIEW_ROWS, type PlanReading, readPlanFile } from './readPlan';
import { gridsFromWorkbook } from './sheets';
import type { ColumnLeaf, ColumnNode } from '../domain/types';
import { withoutCodes } from '../../tests/support/withoutCodes';

const ROOT = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** A reading as plain data: random ids and times left out, sheets named by their place. */
function plain(r: PlanReading, oldRowOf: boolean) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...wb } = r.workbook;
  const place = new Map<string, string>();
  // the percent cells (`Row.percent`, domain/percent) are new: the rest reads as before
  const sheets = wb.sheets.map(
    ({ id, ...s }, i) => (
      place.set(id, `s${i}`),
      { ...s, rows: s.rows.map(({ percent: _p, ...row }) => row) }
    ),
  );
  const grids = wb.grids?.map(({ id, ...g }, i) => (place.set(id, `g${i}`), g));
  const byPlace = <T>(m?: Map<string, T>) => [...(m ?? [])].map(([k, v]) => [place.get(k), v]);
  return {
    workbook: { ...wb, sheets, grids },
    sources: r.sources?.map((s) => ({
      ...s,
      // the preview shows a stored number in Vietnamese style (io/previewText.ts): the same
      // digits, the separators aside
      rows: s.rows.map((row) => row.map((t) => t.replace(/[.,]/g, ''))),
      sheetId: place.get(s.sheetId),
      // the old reader kept every row's source row; the preview draws only its first rows
      rowOf: oldRowOf
        ? Object.fromEntries(Object.entries(s.rowOf).filter(([, at]) => at < PREVIEW_ROWS))
        : s.rowOf,
    })),
    lineOf: [...r.lineOf],
    colOf: byPlace(r.colOf).map(([k, v]) => [k, [...(v as Map<string, number>)]]),
    linesBySheet: byPlace(r.linesBySheet).map(([k, v]) => [k, [...(v as Map<string, number>)]]),
    // the figures a warning lists are new (the app writes them its way): compared apart
    warnings: r.warnings.map(({ figures: _f, ...w }) => w),
    skipped: r.skipped,
  };
}

/** Whether the file reads as the old path reads it (both may refuse it: then with one message). */
function expectSame(name: string, bytes: Uint8Array): void {
  const run = (old: boolean) => {
    try {
      return plain(old ? readSheetBefore(name, bytes) : readPlanFile(name, bytes), old);
    } catch (e) {
      return `threw ${String(e)}`;
    }
  };
  const was = run(true);
  expect(
    withoutComputedFormulas(
      withOldDecimals(withoutNestedParts(codesDropped(run(false), was), was), was),
      was,
    ),
    name,
  ).toStrictEqual(was);
}

/** The new reading without the project codes its rows keep now (tests/support/withoutCodes.ts). */
function codesDropped(got: Plain, old: Plain): Plain {
  if (typeof got === 'string' || typeof old === 'string') return got;
  const sheets = got.workbook.sheets.map((s, i) => {
    const o = old.workbook.sheets[i];
    return s.kind === 'appendix' && o?.kind === 'appendix' ? withoutCodes(s, o) : s;
  });
  return { ...got, workbook: { ...got.workbook, sheets } };
}

type Plain = ReturnType<typeof plain> | string;

/**
 * The new reading with the of-which parts laid flat as the old one laid them (h185, intended): a
 * part heading parts numbered one style deeper (`II` then `1`, `2`) is a section now, they one
 * level down.
 */
function withoutNestedParts(got: Plain, old: Plain): Plain {
  if (typeof got === 'string' || typeof old === 'string') return got;
  const sheets = got.workbook.sheets.map((s, i) => {
    const before = old.workbook.sheets[i];
    if (s.kind !== 'appendix' || before?.kind !== 'appendix') return s;
    const rows = s.rows.map((row, k) => {
      const was = before.rows[k];
      if (was?.part !== 'ofWhich' || row.part !== 'ofWhich') return row;
      return { ...row, kind: was.kind, level: was.level };
    });
    return { ...s, rows };
  });
  return { ...got, workbook: { ...got.workbook, sheets } };
}

/**
 * The new reading with its columns' printed decimals given the old ones' (h187, intended): a ratio
 * row's `0.0%` beside amounts no longer sets the amounts' decimals, and figures in đồng that are
 * all whole thousands or millions print at that rounding (negative decimals).
 */
function withOldDecimals(got: Plain, old: Plain): Plain {
  if (typeof got === 'string' || typeof old === 'string') return got;
  const was = new Map<string, number | undefined>();
  const walk = (ns: ColumnNode[], f: (l: ColumnLeaf) => ColumnLeaf): ColumnNode[] =>
    ns.map((n) => (n.kind === 'leaf' ? f(n) : { ...n, children: walk(n.children, f) }));
  const sheets = got.workbook.sheets.map((s, i) => {
    const before = old.workbook.sheets[i];
    if (s.kind !== 'appendix' || before?.kind !== 'appendix') return s;
    was.clear();
    walk(before.columns, (l) => (was.set(l.id, l.decimals), l));
    const columns = walk(s.columns, (l) => {
      if (!was.has(l.id) || was.get(l.id) === l.decimals) return l;
      const { decimals: _d, ...rest } = l;
      const d = was.get(l.id);
      return d === undefined ? rest : { ...rest, decimals: d };
    });
    return { ...s, columns };
  });
  return { ...got, workbook: { ...got.workbook, sheets } };
}

/**
 * The new reading with the figures of formulas saved without their values left out, as the old one
 * left them, and their note dropped (intended: a web system's file, so-y-te.xlsx, reads its totals
 * as the formulas compute them). Only a reading holding that note is changed.
 */
function withoutComputedFormulas(got: Plain, old: Plain): Plain {
  if (typeof got === 'string' || typeof old === 'string') return got;
  if (!got.warnings.some((w) => w.code === 'formulaNoValue')) return got;
  const sheets = got.workbook.sheets.map((s, i) => {
    const before = old.workbook.sheets[i];
    if (s.kind !== 'appendix' || before?.kind !== 'appendix') return s;
    const rows = s.rows.map((row, k) => {
      const was = before.rows[k];
      if (!was) return row;
      const cells = Object.fromEntries(Object.entries(row.cells).filter(([id]) => id in was.cells));
      return { ...row, cells };
    });
    return { ...s, rows };
  });
  const warnings = got.warnings.filter((w) => w.code !== 'formulaNoValue');
  // (the preview's source rows show the figures computed too, as Excel shows them: h218, the
  // values computed across the workbook before its tables are cut)
  const sources = 'sources' in got && 'sources' in old ? { sources: old.sources } : {};
  return { ...got, workbook: { ...got.workbook, sheets }, warnings, ...sources };
}

/** A raw grid written as .xlsx by SheetJS (values, formats, formulas, merges, hidden rows). */
function gridXlsx(g: RawGrid, sst: boolean): Uint8Array {
  const ws: XLSX.WorkSheet = {};
  let width = 1;
  g.rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((c, k) => {
      if (!c.text && c.value === undefined) return;
      const at = XLSX.utils.encode_cell({ r, c: k });
      if (typeof c.value === 'number')
        ws[at] = {
          t: 'n',
          v: c.value,
          z: c.format ?? 'General',
          ...(c.formula ? { f: c.formula } : {}),
        };
      else ws[at] = { t: 's', v: c.text };
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, g.rows.length - 1), c: width - 1 },
  });
  ws['!merges'] = g.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }));
  if (g.hiddenRows?.size)
    ws['!rows'] = g.rows.map((_, r) => (g.hiddenRows!.has(r) ? { hidden: true } : {}));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, g.name.slice(0, 31) || 'Sheet1');
  return new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: sst, cellStyles: true }),
  );
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet package written by hand (what SheetJS's writer does not write: rich text, dates). */
function handBook(sheetData: string, sst: string, tail = ''): Uint8Array {
  const ct = (p: string, t: string) =>
    `<Override PartName="/xl/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml"/>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${ct('workbook.xml', 'sheet.main')}${ct('worksheets/sheet1.xml', 'worksheet')}${ct('sharedStrings.xml', 'sharedStrings')}${ct('styles.xml', 'styles')}</Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${NS}">${sst}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/></numFmts><cellXfs count="5"><xf/><xf numFmtId="3"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

/** A plan table with rich and inline strings, numbers as text, dates, formulas, a hidden row. */
function awkwardBook(dates: boolean): Uint8Array {
  const strings = [
    '<si><r><rPr><b/></rPr><t>KẾ HOẠCH </t></r><r><t xml:space="preserve">ĐẦU TƯ CÔNG</t></r></si>',
    '<si><t>ĐVT: triệu đồng</t></si>',
    '<si><t>STT</t></si>',
    '<si><t>Tên dự án</t></si>',
    '<si><t>Năm 2024</t></si>',
    '<si><t>Vốn ĐTPT</t></si>',
    '<si><t>Vốn SN</t></si>',
    '<si><t>61.600</t></si>',
    '<si><t>TỔNG SỐ</t></si>',
  ];
  const s = (r: string, i: number, st = 0) => `<c r="${r}" s="${st}" t="s"><v>${i}</v></c>`;
  const n = (r: string, v: number | string, st = 2) => `<c r="${r}" s="${st}"><v>${v}</v></c>`;
  const inl = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const rows = [
    `<row r="1">${s('A1', 0)}</row>`,
    `<row r="2">${s('A2', 1)}</row>`,
    `<row r="3">${s('A3', 2)}${s('B3', 3)}${s('C3', 4)}</row>`,
    `<row r="4">${s('C4', 5)}${s('D4', 6)}</row>`,
    `<row r="5">${s('B5', 8)}<c r="C5" s="2"><f>SUM(C6:C9)</f><v>61600</v></c><c r="D5" s="1"><f>D6+D7</f><v>1234.5</v></c></row>`,
    `<row r="6">${inl('A6', 'I')}${inl('B6', 'Dự án &amp; đường tỉnh')}${s('C6', 7, 4)}${n('D6', '1234.5', 1)}</row>`,
    `<row r="7">${n('A7', 1, 0)}${inl('B7', 'Trường học')}${n('C7', 61600)}${n('D7', '-0')}</row>`,
    `<row r="8" hidden="1">${n('A8', 2, 0)}${inl('B8', 'Dòng ẩn')}${n('C8', 5)}</row>`,
    `<row r="9" ht="20" customHeight="1">${n('A9', 3, 0)}${inl('B9', 'Khởi công')}${dates ? n('C9', 45292, 3) : n('C9', 7)}${n('D9', '1e3', 1)}</row>`,
  ];
  return handBook(
    rows.join(''),
    strings.join(''),
    '<mergeCells count="2"><mergeCell ref="A3:A4"/><mergeCell ref="C3:D3"/></mergeCells>',
  );
}

const FIXTURES = files(join(ROOT, 'fixtures')).filter(
  (p) => /\.(xlsx|xls|ods|xlsx\.b64)$/.test(p) && !p.includes('/damaged/'),
);
const CORPUS = [join(ROOT, '../shared/corpus'), join(ROOT, '../../shared/corpus')].flatMap((d) =>
  files(d).filter((p) => /\.(xlsx|xls)$/i.test(p)),
);
const bytesOf = (p: string) =>
  p.endsWith('.b64') ? Buffer.from(readFileSync(p, 'utf8'), 'base64') : readFileSync(p);

describe('readPlanFile reads every spreadsheet as the old path does', () => {
  it('every fixture (.xlsx, .xls, .ods) and the MoF corpus', () => {
    expect(FIXTURES.length).toBeGreaterThan(40);
    for (const p of [...FIXTURES, ...CORPUS]) expectSame(p.replace(/\.b64$/, ''), bytesOf(p));
  }, 300_000);

  it('generated plans as Excel writes them, and the app export of the sample and of a plan', async () => {
    for (const findings of ['few', 'many'] as const)
      expectSame(`plan-${findings}.xlsx`, planXlsx({ projects: 700, findings }));
    const sample = parsePlanbook(
      readFileSync(join(ROOT, 'fixtures/quang-tri-2011-2015.planbook'), 'utf8'),
    );
    if (!sample.ok) throw new Error('the sample does not parse');
    for (const wb of [sample.workbook, generatePlan({ projects: 120, seed: 3 })]) {
      const { out } = await evaluatedExport(wb);
      expectSame('export.xlsx', out.bytes);
    }
  }, 120_000);

  it("one appendix's line map is the reading's, one map (not a copy to post twice)", () => {
    const r = readPlanFile('plan.xlsx', planXlsx({ projects: 50, findings: 'few' }));
    expect(r.lineOf.size).toBeGreaterThan(50);
    expect(r.linesBySheet?.get(r.workbook.sheets[0].id)).toBe(r.lineOf);
  });

  it('awkward packages: rich and inline strings, numbers as text, dates, formulas, hidden rows, merges', () => {
    for (const dates of [false, true]) expectSame('awkward.xlsx', awkwardBook(dates));
  });

  it('the audited tables in hostile layouts, written by SheetJS (shared and inline strings)', () => {
    let variants = 0;
    for (const f of readdirSync(join(ROOT, 'fixtures/audits')).filter((x) => x.endsWith('.json'))) {
      const audit = JSON.parse(readFileSync(join(ROOT, 'fixtures/audits', f), 'utf8'));
      const grids = gridsFromWorkbook(readFileSync(join(ROOT, 'fixtures/mof', audit.file)));
      // one audited table in five, each variant once (readingSame.test reads more at grid level)
      for (const [i, a] of (audit.sheets as SheetAudit[]).entries()) {
        const g = grids.find((x) => x.name === a.sheet);
        if (i % 5 || !a.table || !a.header || !a.data || !g) continue;
        for (const make of Object.values(hostileVariants)) {
          const v = make(g, a);
          if (!v) continue;
          expectSame(`hostile-${variants}.xlsx`, gridXlsx(v, variants++ % 2 === 0));
        }
      }
    }
    expect(variants).toBeGreaterThan(20);
  }, 300_000);
});
