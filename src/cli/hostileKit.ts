/**
 * Hostile plans for the export tests (hostileExport / hostileTexts): random hostile strings
 * (formula prefixes, markup, control characters, `Object.prototype` names, reserved and over-long
 * sheet names) in every field, and how a valid export must show them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generatePlan } from '../domain/generate';
import { gridLiteral, isGridFormula } from '../domain/grid';
import type { GridSheet, Workbook } from '../domain/types';
import { exportableFormula } from '../io/export/formulaSafety';
import { PLANBOOK_SHEET } from '../io/export/xlsx';
import { clip, MAX_CELL_TEXT } from '../io/export/xmlText';
import { decodeXstring, type PyBook } from '../../tests/support/openpyxl';
import { exportPlan } from './exportCmd';

export const dir = mkdtempSync(join(tmpdir(), 'planbook-hostile-'));

export const PROTOTYPE_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
];

export const INJECTIONS = [
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

export interface Fields {
  meta: string[];
  sheetName: string;
  gridName: string;
  sheetTitle: string;
  texts: string[];
  grid: string[];
}

export const fields: fc.Arbitrary<Fields> = fc.record({
  meta: fc.array(hostile, { minLength: 5, maxLength: 5 }),
  sheetName,
  gridName: sheetName,
  sheetTitle: hostile,
  texts: fc.array(hostile, { minLength: 24, maxLength: 24 }),
  grid: fc.array(hostile, { minLength: 6, maxLength: 6 }),
});

/** A small plan with the hostile texts in every text field, a stated figure that is wrong (a finding), a grid sheet. */
export function hostilePlan(f: Fields): Workbook {
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
export const shown = (s: string) => clip(s, MAX_CELL_TEXT);

export function stringsOf(book: PyBook, sheet: string): { texts: Set<string>; formulas: string[] } {
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
export function expectedBack(wb: Workbook): Workbook {
  const grids = wb.grids!.map((g) => ({
    ...g,
    cells: g.cells.map((row) =>
      row.map((v) => (isGridFormula(v) && !exportableFormula(v) ? gridLiteral(v) : v)),
    ),
  }));
  return { ...wb, grids };
}

export async function exportFile(wb: Workbook, name: string): Promise<string> {
  const file = join(dir, name);
  await exportPlan({ workbook: wb, lineOf: new Map(), warnings: [], skipped: [] }, file);
  return file;
}
