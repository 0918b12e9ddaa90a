/**
 * Formulas that name other sheets, written where the file has those sheets: an appendix's table
 * starts below its title block and header, and a sheet may be named otherwise in the file (31
 * characters, no `[]:*?/\`). Appendices and plain grid sheets refer to each other both ways.
 */
import { isNumericLeaf, leaves } from '../../domain/columns';
import { placeOf } from '../../domain/policy';
import { formulaRefs, type Placement, placeFormula } from '../../domain/formulaRefs';
import type { GridSheet, Workbook } from '../../domain/types';
import type { AppendixLayout } from './appendixLayout';
import { exportColumns } from './statedCells';

/** Where each sheet of the workbook stands in the file: rows above its table, its name there. */
export function placer(
  wb: Workbook,
  layouts: readonly AppendixLayout[],
  names: readonly string[],
): (sheet: string) => Placement | null {
  const at = new Map<string, Placement>();
  wb.sheets.forEach((s, k) => {
    const cols = exportColumns(s);
    at.set(s.name.trim().toLowerCase(), {
      dRow: layouts[k].firstRow,
      name: names[k],
      ...(cols.narrowed ? { col: (c: number) => cols.at(c) ?? c } : {}),
    });
  });
  (wb.grids ?? []).forEach((g, k) =>
    at.set(g.name.trim().toLowerCase(), { dRow: 0, name: names[wb.sheets.length + k] }),
  );
  return (sheet) => at.get(sheet.trim().toLowerCase()) ?? null;
}

/**
 * Whether a formula reads a column the file does not have (Planbook's own row total of an
 * appendix, left off the form): such a cell is written as its value.
 */
export function readsLeftOut(wb: Workbook): (formula: string, own?: string) => boolean {
  const cols = new Map(wb.sheets.map((s) => [s.name.trim().toLowerCase(), exportColumns(s)]));
  return (formula, own) =>
    formulaRefs(formula).some((r) => {
      const name = r.sheet ?? own;
      const c = name === undefined ? undefined : cols.get(name.trim().toLowerCase());
      if (!c?.narrowed || r.c0 === null || r.c1 === null) return false;
      for (let k = r.c0; k <= r.c1; k++) if (c.at(k) === undefined) return true;
      return false;
    });
}

/** The appendices' own formulas that name a sheet, with every reference where the file has it. */
export function placeSheetFormulas(
  wb: Workbook,
  layouts: readonly AppendixLayout[],
  names: readonly string[],
): void {
  const place = placer(wb, layouts, names);
  const leftOut = readsLeftOut(wb);
  wb.sheets.forEach((s, k) => {
    const l = layouts[k];
    const ls = leaves(s.columns);
    const cols = exportColumns(s);
    const own: Placement = {
      dRow: l.firstRow,
      ...(cols.narrowed ? { col: (c: number) => cols.at(c) ?? c } : {}),
    };
    const fix = (i: number, row: AppendixLayout['rows'][number] | undefined) => {
      const r = s.rows[i];
      ls.forEach((leaf, m) => {
        const c = cols.at(m);
        if (c === undefined) return;
        const x = r.cells[leaf.id];
        const cell = row?.[c];
        if (typeof x !== 'string' || !x.startsWith('=') || !x.includes('!') || !cell?.formula)
          return;
        // only where the cell holds the user's formula (a section's figure is its children's sum)
        if (!isNumericLeaf(leaf) || placeOf(r, leaf) !== 'visible') return;
        if (leftOut(x, s.name)) {
          if (typeof cell.value === 'number') cell.number = cell.value;
          delete cell.formula;
          return;
        }
        cell.formula = placeFormula(x, (n) => (n === undefined ? own : place(n)));
      });
    };
    // a lazy layout's body rows are placed as they are made
    const body = l.body;
    if (body)
      l.body = (i) => {
        const b = body(i);
        fix(i, b.row);
        return b;
      };
    else s.rows.forEach((_, i) => fix(i, l.rows[l.firstRow + i]));
  });
}

/** A grid sheet's formulas with references into other sheets where the file has them. */
export function placeGridFormulas(
  g: GridSheet,
  data: unknown[][],
  place: (sheet: string) => Placement | null,
  leftOut?: { reads: (formula: string) => boolean; value: (r: number, c: number) => unknown },
): void {
  g.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = data[r]?.[c] as { type?: unknown; value?: unknown } | null;
      if (typeof v !== 'string' || !v.startsWith('=') || !v.includes('!') || !cell) return;
      if (cell.type === 'Formula' && leftOut?.reads(v)) {
        // it reads a column the file does not have: its value stands in
        const x = leftOut.value(r, c);
        cell.type = typeof x === 'number' ? Number : String;
        cell.value = typeof x === 'number' ? x : String(x ?? '');
        return;
      }
      if (cell.type === 'Formula')
        cell.value = placeFormula(v, (n) => (n === undefined ? null : place(n))).slice(1);
    }),
  );
}
