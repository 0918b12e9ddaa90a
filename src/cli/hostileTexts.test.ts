/**
 * Texts that are `Object.prototype` names, hostile sheet names and texts that look like formulas
 * come out of every export as themselves (openpyxl reads each export; LibreOffice shows them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdjustmentTable } from '../domain/adjustment';
import { generatePlan } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { reportRows, reportWorkbook } from '../io/checkReport';
import { exportAdjustmentXlsx } from '../io/export/adjustmentXlsx';
import { safeSheetNames } from '../io/export/xlsx';
import { readPlanFile } from '../io/readPlan';
import { toCsv } from '../../tests/support/libreoffice';
import { type PyBook, readWithOpenpyxl } from '../../tests/support/openpyxl';
import { dir, exportFile, PROTOTYPE_NAMES, stringsOf } from './hostileKit';

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
