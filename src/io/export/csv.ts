/** CSV of one appendix sheet, as shown (computed totals included), safe to open in a spreadsheet. */
import { isNumericLeaf } from '../../domain/columns';
import { formLeaves } from '../../domain/totals';
import type { AppendixSheet, ColumnNode, GridSheet } from '../../domain/types';
import type { SheetValues } from './appendixLayout';

/**
 * How numbers are written: Vietnamese (`1,5`, fields apart by `;`, as Excel in Vietnamese reads
 * them) or plain (`1.5`, fields apart by `,`). No thousands marks either way.
 */
export type CsvStyle = 'vi' | 'en';

/** A text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const sepOf = (style: CsvStyle) => (style === 'vi' ? ';' : ',');

function field(v: string, sep: string): string {
  return v.includes(sep) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A number in the style: `1234.5` as `1234,5` (vi) or `1234.5` (en). */
export function csvNumber(x: number, style: CsvStyle): string {
  const s = String(x);
  return style === 'vi' ? s.replace('.', ',') : s;
}

/**
 * Each leaf's header on the form: its label after its groups' from the year down
 * (`2012 - Vốn ĐTPT`); columns kept off the form (the computed row total) left out.
 */
export function csvHeaders(nodes: ColumnNode[]): string[] {
  const out: string[] = [];
  const onForm = new Set(formLeaves(nodes));
  const walk = (ns: ColumnNode[], path: string[]) => {
    for (const n of ns) {
      if (n.kind === 'leaf') {
        if (onForm.has(n)) out.push([...path, n.label].join(' - '));
      }
      // a year restarts the path: the groups above a year (Nhu cầu vốn…) are left out
      else walk(n.children, n.year !== undefined ? [n.label] : [...path, n.label]);
    }
  };
  walk(nodes, []);
  return out;
}

/** UTF-8 CSV (with BOM, so Excel reads Vietnamese) of a sheet: headers, then every row. */
export function sheetCsv(sheet: AppendixSheet, v: SheetValues, style: CsvStyle = 'vi'): string {
  const sep = sepOf(style);
  const ls = formLeaves(sheet.columns);
  const lines = [
    csvHeaders(sheet.columns)
      .map((h) => field(safeText(h), sep))
      .join(sep),
  ];
  sheet.rows.forEach((r, i) => {
    lines.push(
      ls
        .map((l) => {
          if (isNumericLeaf(l) && (r.kind !== 'total' || l.role === 'rowTotal')) {
            const x = v.value(i, l.id);
            return typeof x === 'number' ? csvNumber(x, style) : '';
          }
          const x = r.cells[l.id];
          if (typeof x === 'number') return csvNumber(x, style);
          return x ? field(safeText(String(x)), sep) : '';
        })
        .join(sep),
    );
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** UTF-8 CSV of a plain grid sheet: the computed value of every cell. */
export function gridCsv(
  g: GridSheet,
  valueAt: (r: number, c: number) => number | string | boolean | null | { error: string },
  style: CsvStyle = 'vi',
): string {
  const sep = sepOf(style);
  const lines = g.cells.map((row, r) =>
    row
      .map((_, c) => {
        const x = valueAt(r, c);
        if (typeof x === 'number') return csvNumber(x, style);
        if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
        if (x === null) return '';
        return field(safeText(typeof x === 'string' ? x : `#${x.error}`), sep);
      })
      .join(sep),
  );
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
