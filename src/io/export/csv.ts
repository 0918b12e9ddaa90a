/** CSV of one appendix sheet, as shown (computed totals included), safe to open in a spreadsheet. */
import { isNumericLeaf } from '../../domain/columns';
import { formLeaves } from '../../domain/totals';
import type { AppendixSheet, GridSheet } from '../../domain/types';
import type { SheetValues } from './appendixLayout';

/** A text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function field(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 CSV (with BOM, so Excel reads Vietnamese) of a sheet: header labels, then every row. */
export function sheetCsv(sheet: AppendixSheet, v: SheetValues): string {
  const ls = formLeaves(sheet.columns);
  const lines = [ls.map((l) => field(safeText(l.label))).join(',')];
  sheet.rows.forEach((r, i) => {
    lines.push(
      ls
        .map((l) => {
          if (isNumericLeaf(l) && (r.kind !== 'total' || l.role === 'rowTotal')) {
            const x = v.value(i, l.id);
            return typeof x === 'number' ? String(x) : '';
          }
          const x = r.cells[l.id];
          if (typeof x === 'number') return String(x);
          return x ? field(safeText(String(x))) : '';
        })
        .join(','),
    );
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** UTF-8 CSV of a plain grid sheet: the computed value of every cell. */
export function gridCsv(
  g: GridSheet,
  valueAt: (r: number, c: number) => number | string | boolean | null | { error: string },
): string {
  const lines = g.cells.map((row, r) =>
    row
      .map((_, c) => {
        const x = valueAt(r, c);
        if (typeof x === 'number') return String(x);
        if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
        if (x === null) return '';
        return field(safeText(typeof x === 'string' ? x : `#${x.error}`));
      })
      .join(','),
  );
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
