/**
 * Code columns beside the name, headed in Vietnamese and English as many offices write them: a
 * budget classification code (`Mã chương / Chapter code`, `Mã ngành / Sector code`, `Mã số /
 * Code`: the same three digits on many rows, no project named by it, no amount either) and the
 * project code (`Mã dự án / Project code`: seven digits, one project each). None changes a figure
 * or a rule: the checks must say the same of each (see layouts.ts).
 */
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import { insertCols, labelCol, type SheetAudit } from './hostileLayouts';

type Variant = (g: RawGrid, a: SheetAudit) => RawGrid | null;

const isFigure = (c: RawCell | undefined) => typeof c?.value === 'number';

/**
 * A column headed `label` inserted after the name column, `code(k)` on the k-th row with figures
 * (its cell a stored number, shown as `format` writes it), blank on the others.
 */
const codeColumn =
  (label: string, code: (k: number) => number, format = 'General'): Variant =>
  (g, a) => {
    const h0 = a.header ? g.lineOf.indexOf(a.header.first) : -1;
    const d0 = a.data ? g.lineOf.indexOf(a.data.first) : -1;
    const d1 = a.data ? g.lineOf.indexOf(a.data.last) : -1;
    if (h0 < 0 || d0 < 0 || d1 < 0) return null;
    const lc = labelCol(g, d0, d1);
    const v = insertCols(g, lc + 1, 1);
    const rows = v.rows.slice();
    const set = (r: number, cell: RawCell) => {
      rows[r] = Array.from(
        { length: Math.max(rows[r].length, lc + 2) },
        (_, x) => rows[r][x] ?? { text: '' },
      );
      rows[r][lc + 1] = cell;
    };
    set(h0, { text: label });
    let k = 0;
    for (let r = d0; r <= d1; r++) {
      // (the rows holding a figure and a numbered project: a total or section row has no code)
      const row = g.rows[r] ?? [];
      if (!row.some(isFigure) || !/^\d+$/.test((row[0]?.text ?? '').trim())) continue;
      const x = code(k++);
      const text = format === 'General' ? String(x) : String(x).padStart(format.length, '0');
      set(r, { text, value: x, format });
    }
    return k ? { ...v, rows } : null;
  };

export const codeVariants: Record<string, Variant> = {
  'a budget chapter code column headed `Mã chương / Chapter code` (`018`, `412`)': codeColumn(
    'Mã chương / Chapter code',
    (k) => [18, 412, 412, 18][k % 4],
    '000',
  ),
  'a sector code column headed `Mã ngành\\n(Sector code)` (`292`, `312`)': codeColumn(
    'Mã ngành\n(Sector code)',
    (k) => [292, 312, 292][k % 3],
  ),
  'a code column headed `Mã số / Code` (`101`, `102`)': codeColumn(
    'Mã số / Code',
    (k) => 101 + (k % 5),
  ),
  'a project code column headed `Mã dự án / Project code` (7 digits)': codeColumn(
    'Mã dự án / Project code',
    (k) => 7012345 + 17 * k,
  ),
};
