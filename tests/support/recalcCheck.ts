/**
 * An independent reader's check of the submission export: the workbook is exported, LibreOffice
 * recalculates every formula on load, and each recalculated formula cell of every appendix is held
 * to the value Planbook's engine computes for that cell (sections, total rows, row totals, the
 * computed total rows).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computedTotalRows } from '../../src/domain/totals';
import type { Workbook } from '../../src/domain/types';
import { exportColumns } from '../../src/io/export/statedCells';
import { evaluatedExport } from './evaluatedExport';
import { toCsv } from './libreoffice';

/** One formula cell whose recalculated value is not Planbook's. */
export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  /** What LibreOffice computed (the CSV text). */
  reader: string;
  planbook: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function letters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Exports `wb` (formulas written for stated figures that differ), has LibreOffice recalculate it,
 * and lists every formula cell of its appendices whose value differs from the engine's by more than
 * `tol` relative to the value (at least 1 absolute unit of `tol`); `checked` counts the cells held.
 */
export async function recalcMismatches(
  wb: Workbook,
  tol = 1e-6,
): Promise<{ mismatches: Mismatch[]; checked: number; file: string }> {
  const { out, engine } = await evaluatedExport(wb, { streamRowsOver: Infinity });
  const file = join(mkdtempSync(join(tmpdir(), 'planbook-recalc-')), 'recalc.xlsx');
  writeFileSync(file, out.bytes);
  const csv = toCsv(file, true);
  const mismatches: Mismatch[] = [];
  let checked = 0;
  wb.sheets.forEach((sheet, k) => {
    const l = out.layouts[k];
    const name = out.names[k];
    const grid = csv.get(name);
    if (!grid) throw new Error(`LibreOffice wrote no sheet ${name}`);
    const v = engine.values(sheet.id);
    const ls = exportColumns(sheet).leaves;
    const sources = [
      ...new Set(ls.flatMap((x) => (x.role === 'amount' && x.source ? [x.source] : []))),
    ];
    const computed = computedTotalRows(sheet, sources);
    for (let r = l.firstRow; r < (l.tableEnd ?? l.rows.length); r++) {
      const i = r - l.firstRow;
      const t = l.totalRows.indexOf(r);
      l.rows[r].forEach((cell, c) => {
        if (!cell?.formula) return;
        const leaf = ls[c];
        // a merged year figure of a total row: the sum of the engine's cells under it
        const planbook =
          t >= 0
            ? num(v.total(computed[t], leaf.id))
            : (cell.colSpan ?? 1) > 1
              ? ls.slice(c, c + cell.colSpan!).reduce((a, x) => a + (num(v.value(i, x.id)) ?? 0), 0)
              : num(v.value(i, leaf.id));
        const expected = planbook ?? 0;
        const text = grid[r]?.[c] ?? '';
        const got = text === '' ? 0 : Number(text);
        checked++;
        if (!(Math.abs(got - expected) <= tol * Math.max(1, Math.abs(expected))))
          mismatches.push({
            sheet: name,
            cell: `${letters(c)}${r + 1}`,
            formula: cell.formula,
            reader: text,
            planbook: expected,
          });
      });
    }
  });
  return { mismatches, checked, file };
}
