/** Cells for write-excel-file shared by the exported sheets: a title line and a header cell. */

export type Cell = Record<string, unknown> | null;

/** A line of text across `width` columns (merged), centred unless told otherwise. */
export function heading(text: string, width: number, extra: Record<string, unknown> = {}): Cell[] {
  return [
    { value: text, type: String, columnSpan: width, align: 'center', ...extra },
    ...Array<Cell>(width - 1).fill(null),
  ];
}

/** A header cell: bold, bordered, centred, wrapped. */
export function head(value: string, extra: Record<string, unknown> = {}): Cell {
  return {
    value,
    type: String,
    fontWeight: 'bold',
    borderStyle: 'thin',
    align: 'center',
    alignVertical: 'center',
    wrap: true,
    ...extra,
  };
}
