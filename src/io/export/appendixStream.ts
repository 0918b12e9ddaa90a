/**
 * An appendix sheet written row by row from its layout: the title block and header with their
 * merges, then every body row, each cell in the style of its look (found once per look), formulas
 * carrying their computed values.
 */
import type { AppendixLayout, OutCell } from './appendixLayout';
import { plainRows } from './plainRows';
import { appendixCellStyle, cellXml, colName, lookKey, skipped } from './appendixSheet';
import type { SheetOptions, SheetStream } from './sheetStream';

/**
 * How an appendix sheet is set up: widths, frozen header, landscape, one page wide or in strips
 * (a wide table, appendixPrint.ts), borders.
 */
export function appendixOptions(l: AppendixLayout, selected: boolean): SheetOptions {
  return {
    widths: l.widths,
    frozenRows: l.firstRow,
    landscape: true,
    fitToWidth: true,
    ...(l.print ? { strips: l.print.plan } : {}),
    selected,
    ...(l.rows.length > l.firstRow
      ? {
          bordered: {
            from: [l.firstRow + 1, 1],
            to: [l.tableEnd ?? l.rows.length, l.widths.length],
          },
        }
      : {}),
  };
}

/**
 * Writes the layout's rows into the sheet; a lazy layout's plain project rows straight from the
 * model (plainRows.ts) unless `fast` is false.
 */
export function writeAppendix(sheet: SheetStream, l: AppendixLayout, fast = true): void {
  const styles = sheet.styles;
  const byLook = new Map<number, number>();
  const styleOf = (c: OutCell, i: number) =>
    styles.id(appendixCellStyle(c, l.formats[i] ?? '#,##0'));
  const plain =
    fast && l.plain && l.body
      ? plainRows(l.plain, l.widths, (look, cell, i) => {
          let s = byLook.get(look);
          if (s === undefined) byLook.set(look, (s = styleOf(cell(), i)));
          return ` s="${s}"`;
        })
      : null;
  const bodyEnd = l.firstRow + (l.bodyCount ?? 0);
  for (let r = 0; r < l.rows.length; r++) {
    const head = r < l.firstRow;
    if (plain && !head && r < bodyEnd && !sheet.hasCovered(r)) {
      const p = plain(r - l.firstRow, r + 1);
      if (p) {
        sheet.raw(r, p.xml, p.height || undefined, l.widths.length);
        continue;
      }
    }
    const made =
      l.body && !head && r < l.firstRow + (l.bodyCount ?? 0) ? l.body(r - l.firstRow) : null;
    const row = made ? made.row : l.rows[r];
    let xml = '';
    let ht = 0;
    // a merge may cover cells past the row's own last cell
    for (let i = 0; i < row.length || (i < l.widths.length && sheet.hasCovered(r)); i++) {
      const c = row[i];
      if (!c || (!head && skipped(c))) {
        const s = sheet.coveredStyle(r, i);
        if (s !== undefined) xml += `<c r="${colName(i)}${r + 1}" s="${s}"/>`;
        continue;
      }
      let s: number;
      if (head || c.colSpan || c.rowSpan || c.height || c.kind === 'form') {
        s = styleOf(c, i);
        if (c.height && c.height > ht) ht = c.height;
        if ((c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1)
          sheet.merge(r, i, c.rowSpan ?? 1, c.colSpan ?? 1, s);
      } else {
        const look = lookKey(c, i);
        const known = byLook.get(look);
        if (known === undefined) byLook.set(look, (s = styleOf(c, i)));
        else s = known;
      }
      xml += cellXml(`${colName(i)}${r + 1}`, ` s="${s}"`, c);
    }
    sheet.takeCovered(r);
    if (!ht && !head) ht = made ? made.height : (l.heights?.[r - l.firstRow] ?? 0);
    sheet.raw(r, xml, ht || undefined, row.length);
  }
}
