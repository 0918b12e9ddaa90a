/**
 * Every export is a valid workbook whatever the texts in the plan: random hostile strings (formula
 * prefixes, markup, control characters, `Object.prototype` names, reserved and over-long sheet names)
 * in every field; each export is opened by openpyxl (every XML part parsed), read back by Planbook,
 * and a few are converted by LibreOffice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdjustmentTable } from '../domain/adjustment';
import { sheetFindings } from '../domain/checks';
import { isNumericLeaf, leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { gridLiteral, gridText, isGridFormula } from '../domain/grid';
import type { GridSheet, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { reportRows, reportWorkbook } from '../io/checkReport';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { exportableFormula } from '../io/export/formulaSafety';
import { PLANBOOK_SHEET, safeSheetNames } from '../io/export/xlsx';
import { clip, MAX_CELL_TEXT } from '../io/export/xmlText';
import { readPlanFile } from '../io/readPlan';
import { toCsv } from '../../tests/support/libreoffice';
import { decodeXstring, type PyBook, readWithOpenpyxl } from '../../tests/support/openpyxl';
import { exportPlan } from './exportCmd';

const dir = mkdtempSync(join(tmpdir(), 'planbook-hostile-'));

export const PROTOTYPE_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
];

const INJECTIONS = [
  '=HYPERLINK("http://example.com","bấm vào")',
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '=SUM(A1:A3)',
  "='Phụ lục'!A1",
];

const UNITS = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
  fc.constantFrom(
    '&',
    '<',
    '>',
    '"',
    "'",
    '\u0000',
    '\u0001',
    '\u0007',
    '\u001b[31m',
    '\n',
    '\r',
    '\t',
    '\uFFFE',
    '\uFFFF',
    '_x0041_',
    'ệ',
    '😀',
    '[',
    ']',
    '*',
    '?',
    '/',
    '\\',
    ':',
    '~',
    ' ',
    ']]>',
  ),
);

const hostile = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, ...INJECTIONS),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', ''),
      fc.string({ unit: UNITS, minLength: 1, maxLength: 30 }),
    )
    .map(([a, b]) => a + b),
);

const sheetName = fc.oneof(
  hostile,
  fc.constantFrom(PLANBOOK_SHEET, '_PLANBOOK', 'History', 'Kiểm tra', "'quoted'", 'A&B', ''),
  fc.string({ unit: UNITS, minLength: 28, maxLength: 60 }),
);

interface Fields {
  meta: string[];
  sheetName: string;
  gridName: string;
  sheetTitle: string;
  texts: string[];
  grid: string[];
}

const fields: fc.Arbitrary<Fields> = fc.record({
  meta: fc.array(hostile, { minLength: 5, maxLength: 5 }),
  sheetName,
  gridName: sheetName,
  sheetTitle: hostile,
  texts: fc.array(hostile, { minLength: 24, maxLength: 24 }),
  grid: fc.array(hostile, { minLength: 6, maxLength: 6 }),
});

/** A small plan with the hostile texts in every text field, a stated figure that is wrong (a finding), a grid sheet. */
function hostilePlan(f: Fields): Workbook {
  const wb = generatePlan({ projects: 4, seed: 3, perSection: 2 });
  const [title, issuingBody, docNumber, docDate, unit] = f.meta;
  wb.meta = { ...wb.meta, title, issuingBody, docNumber, docDate, unit };
  const sheet = wb.sheets[0];
  sheet.name = f.sheetName;
  sheet.title = f.sheetTitle;
  let k = 0;
  const next = () => f.texts[k++ % f.texts.length];
  for (const row of sheet.rows) {
    row.cells.name = next();
    if (row.kind !== 'project') continue;
    row.cells.lead = next();
    row.cells.coord = next();
    row.cells.notes = next();
    row.cells.y2021_sn = next(); // a text under an amount (kept as text by the reader)
  }
  const projects = sheet.rows.filter((r) => r.kind === 'project');
  projects[0].cells.stated = 1; // a finding whose label is a hostile name
  projects[1].cells.stated = next(); // a text where the stated figure goes
  sheet.rows.push({ id: 'tot', kind: 'total', level: 0, cells: { name: next(), stated: next() } });
  const grid: GridSheet = {
    kind: 'grid',
    id: 'g1',
    name: f.gridName,
    cells: [
      f.grid.slice(0, 3).map(gridLiteral),
      [5, '=A2*2', '=HYPERLINK("http://example.com","x")'],
      [...f.grid.slice(3).map(gridLiteral), "=cmd|' /C calc'!A0"],
    ],
  };
  wb.grids = [grid];
  return wb;
}

/** Every text a valid export must show: as the format stores it (cut to a cell's length). */
const shown = (s: string) => clip(s, MAX_CELL_TEXT);

function stringsOf(book: PyBook, sheet: string): { texts: Set<string>; formulas: string[] } {
  if (!book.ok) throw new Error(book.error);
  const ws = book.sheets.find((s) => s.name === sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${book.sheets.map((s) => s.name).join(', ')}`);
  const texts = new Set<string>();
  const formulas: string[] = [];
  for (const c of ws.cells) {
    if (c.type === 's') texts.add(decodeXstring(String(c.value)));
    if (c.type === 'f') formulas.push(String(c.value));
  }
  return { texts, formulas };
}

/** What Planbook reads back of a plan it exported: the grid's unsafe formulas come back as texts. */
function expectedBack(wb: Workbook): Workbook {
  const grids = wb.grids!.map((g) => ({
    ...g,
    cells: g.cells.map((row) =>
      row.map((v) => (isGridFormula(v) && !exportableFormula(v) ? gridLiteral(v) : v)),
    ),
  }));
  return { ...wb, grids };
}

async function exportFile(wb: Workbook, name: string): Promise<string> {
  const file = join(dir, name);
  await exportPlan({ workbook: wb, lineOf: new Map(), warnings: [], skipped: [] }, file);
  return file;
}

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

/** A plan whose texts are, one after another, every `Object.prototype` name. */
function prototypePlan(): Workbook {
  const names = PROTOTYPE_NAMES;
  const wb = generatePlan({ projects: names.length, seed: 5, perSection: 4 });
  wb.meta = { ...wb.meta, title: 'constructor', unit: 'valueOf', issuingBody: '__proto__' };
  let k = 0;
  for (const row of wb.sheets[0].rows) {
    row.cells.name = names[k % names.length];
    if (row.kind === 'project') row.cells.lead = names[(k + 3) % names.length];
    k++;
  }
  wb.sheets[0].rows.find((r) => r.kind === 'project')!.cells.stated = 1;
  wb.grids = [{ kind: 'grid', id: 'g', name: 'toString', cells: names.map((n) => [n]) }];
  return wb;
}

function adjustmentOf(texts: string[]): AdjustmentTable {
  const q = (n: number): [number, number, number, number] => [n, 1, 0, n + 1];
  return {
    columns: [{ key: 'y2021_dtpt', year: 2021, source: 'ĐTPT', label: texts[0] }],
    rows: texts.map((t, i) => ({
      kind: i % 5 === 0 ? ('section' as const) : ('project' as const),
      level: i % 5 === 0 ? 0 : 1,
      number: texts[(i + 1) % texts.length],
      name: t,
      lead: texts[(i + 2) % texts.length],
      status: 'changed' as const,
      values: [q(i), q(i)],
    })),
    total: [q(0), q(0)],
    violations: [],
  };
}

describe('texts equal to Object.prototype names', () => {
  it('come back as themselves in every cell kind: appendix, units, title, grid sheet, check report, adjustment table', async () => {
    const wb = prototypePlan();
    const plan = await exportFile(structuredClone(wb), 'proto.xlsx');
    const adj = join(dir, 'proto-adj.xlsx');
    writeFileSync(
      adj,
      (
        await exportAdjustmentXlsx({
          table: adjustmentOf(PROTOTYPE_NAMES),
          title: 'hasOwnProperty',
          before: 'toString',
          after: '__proto__',
          unit: 'valueOf',
        })
      ).bytes,
    );
    const report = join(dir, 'proto-report.xlsx');
    const findings = PROTOTYPE_NAMES.map((n) => ({
      rule: 'row-total' as const,
      severity: 'error' as const,
      rowId: n,
      colId: 'stated',
      label: n,
      expected: 2,
      actual: 1,
      terms: 1,
      scope: n,
    }));
    writeFileSync(
      report,
      await reportWorkbook(
        reportRows(findings, (id) => id ?? ''),
        'isPrototypeOf',
      ),
    );
    const [p, a, r] = readWithOpenpyxl([plan, adj, report]);
    const all = (b: PyBook) =>
      b.ok ? new Set(b.sheets.flatMap((s) => s.cells.map((c) => String(c.value)))) : new Set();
    for (const b of [p, a, r]) {
      expect(b.ok ? '' : b.error).toBe('');
      const seen = all(b);
      expect(seen).not.toContain('[object Object]');
      for (const v of seen) expect(v).not.toMatch(/^function /);
      for (const n of PROTOTYPE_NAMES) expect(seen, n).toContain(n);
    }
    const back = readPlanFile(plan, readFileSync(plan)).workbook;
    expect(back.meta).toEqual(wb.meta);
    expect(back.sheets[0].rows).toEqual(wb.sheets[0].rows);
    expect(back.grids![0].cells).toEqual(wb.grids![0].cells);
  }, 60_000);
});

describe('sheet names', () => {
  it('a user sheet named _planbook, names over 31 characters, markup and control characters: unique, valid, hidden sheet intact', async () => {
    const long = 'Phụ lục chi tiết các dự án đầu tư công';
    expect(
      safeSheetNames([
        '_planbook',
        '_PLANBOOK',
        'History',
        ...Array.from({ length: 12 }, () => long),
        'A&B <x>',
        'tab\there\u0001',
        "'quoted'",
        '[a]:b*c?d/e\\f',
        '',
      ]),
    ).toEqual([
      '_planbook (2)',
      '_PLANBOOK (3)',
      'History (2)',
      'Phụ lục chi tiết các dự án đầu',
      'Phụ lục chi tiết các dự án (2)',
      'Phụ lục chi tiết các dự án (3)',
      'Phụ lục chi tiết các dự án (4)',
      'Phụ lục chi tiết các dự án (5)',
      'Phụ lục chi tiết các dự án (6)',
      'Phụ lục chi tiết các dự án (7)',
      'Phụ lục chi tiết các dự án (8)',
      'Phụ lục chi tiết các dự án (9)',
      'Phụ lục chi tiết các dự án (10)',
      'Phụ lục chi tiết các dự án (11)',
      'Phụ lục chi tiết các dự án (12)',
      'A&B <x>',
      'tab here',
      'quoted',
      'a b c d e f',
      'Phụ lục',
    ]);
    for (const n of safeSheetNames(Array.from({ length: 120 }, () => long)))
      expect(n.length).toBeLessThanOrEqual(31);
    const wb = generatePlan({ projects: 3, seed: 1 });
    wb.sheets[0].name = '_planbook';
    wb.grids = [{ kind: 'grid', id: 'g', name: 'TT&TT <Phụ lục>', cells: [['a']] }];
    const file = await exportFile(structuredClone(wb), 'names.xlsx');
    const [book] = readWithOpenpyxl([file]);
    expect(book.ok && book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['_planbook (2)', 'visible'],
      ['TT&TT <Phụ lục>', 'visible'],
      ['Theo đơn vị', 'visible'],
      ['Theo năm', 'visible'],
      ['Kiểm tra', 'visible'],
      ['_planbook', 'hidden'],
    ]);
    const back = readPlanFile(file, readFileSync(file)).workbook;
    expect(back.sheets[0].rows).toEqual(wb.sheets[0].rows);
    expect(back.grids![0].name).toBe('TT&TT <Phụ lục>');
  }, 60_000);
});

describe('text that looks like a formula stays text', () => {
  it('=HYPERLINK and a DDE call in amount, stated and grid cells: texts in the file; LibreOffice shows them and totals stay numbers', async () => {
    const wb = generatePlan({ projects: 6, seed: 2 });
    const sheet = wb.sheets[0];
    const projects = sheet.rows.filter((r) => r.kind === 'project');
    const link = '=HYPERLINK("http://example.com","5")';
    const dde = "=cmd|' /C calc'!A0";
    projects[0].cells.y2021_dtpt = link;
    projects[1].cells.y2021_dtpt = dde;
    projects[2].cells.stated = '+SUM(1,2)';
    projects[3].cells.notes = '@SUM(1,2)';
    projects[4].cells.name = '\t=1+1';
    sheet.rows.push({ id: 'tot', kind: 'total', level: 0, cells: { name: 'Tổng', stated: dde } });
    wb.grids = [{ kind: 'grid', id: 'g', name: 'Grid', cells: [[dde, link, "'=1+1", 2]] }];
    const file = await exportFile(structuredClone(wb), 'inject.xlsx');
    const [book] = readWithOpenpyxl([file]);
    if (!book.ok) throw new Error(book.error);
    const texts = stringsOf(book, 'Phụ lục');
    for (const t of [link, dde, '+SUM(1,2)', '@SUM(1,2)', '\t=1+1'])
      expect(texts.texts).toContain(t);
    const grid = stringsOf(book, 'Grid');
    expect([...grid.texts].sort()).toEqual([dde, link, '=1+1'].sort());
    for (const s of book.sheets)
      for (const f of stringsOf(book, s.name).formulas)
        expect(f.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/HYPERLINK|cmd\|/);
    const csv = toCsv(file, true);
    const rows = csv.get('Phụ lục')!;
    expect(rows.flat()).toContain(link);
    expect(rows.flat()).toContain(dde);
    expect(rows.flat().some((c) => /^(#|Err:)/.test(c))).toBe(false);
    expect(csv.get('Grid')![0].slice(0, 3)).toEqual([dde, link, '=1+1']);
  }, 120_000);
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
