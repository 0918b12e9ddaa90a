/**
 * The printed form around an appendix table: the two-column header block (issuing body and number
 * left, national motto and date right), title, attachment line and unit above the table; the
 * signature block below it. Cells in the layout's terms (`OutCell`, kind `form`).
 */
import { type FormLine, formTexts } from '../../domain/formPrint';
import type { PlanMeta } from '../../domain/types';
import type { OutCell } from './appendixLayout';
import { rowHeight, wrappedLines } from './textFit';

/** The first column of the right-hand block: the left block takes about two fifths of the width. */
export function splitColumn(widths: number[]): number {
  if (widths.length < 2) return widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  let k = 1;
  for (let sum = widths[0]; k < widths.length - 1 && sum < total * 0.38; k++) sum += widths[k];
  return k;
}

/** Columns from `a` up to `b` (exclusive). */
const span = (a: number, b: number) => b - a;

function lineCell(l: FormLine, cols: number): OutCell {
  return {
    kind: 'form',
    text: l.text,
    align: 'center',
    bold: l.bold,
    italic: l.italic,
    underline: l.underline,
    colSpan: cols > 1 ? cols : undefined,
  };
}

/** A row of `width` cells with `cells` placed at their columns. */
function row(width: number, cells: [number, OutCell][]): (OutCell | null)[] {
  const out: (OutCell | null)[] = new Array<OutCell | null>(width).fill(null);
  for (const [at, c] of cells) out[at] = c;
  return out;
}

/** A line over columns `[0, end)` (the whole width unless told), wrapped and as tall as its text needs. */
function fullLine(
  widths: number[],
  c: Omit<OutCell, 'kind'>,
  end = widths.length,
): (OutCell | null)[] {
  const total = widths.slice(0, end).reduce((a, b) => a + b, 0);
  const lines = c.text ? wrappedLines(c.text, total, { bold: c.bold, size: c.size }) : 1;
  return row(widths.length, [
    [
      0,
      {
        kind: 'form',
        ...c,
        wrap: true,
        colSpan: end > 1 ? end : undefined,
        height: lines > 1 || (c.size ?? 12) > 12 ? rowHeight(lines, c.size) : undefined,
      },
    ],
  ]);
}

/**
 * The rows above the table's header: header block, blank line, title, attachment line, unit. In
 * strips (`ranges`: each strip's own columns, appendixPrint.ts) they lie over the first strip.
 */
export function formHead(
  meta: PlanMeta,
  title: string,
  widths: number[],
  ranges: [number, number][] = [[0, widths.length]],
): (OutCell | null)[][] {
  const f = formTexts(meta);
  const width = widths.length;
  const end = ranges[0][1];
  const k = splitColumn(widths.slice(0, end));
  const out: (OutCell | null)[][] = [];
  for (let i = 0; i < Math.max(f.left.length, f.right.length); i++) {
    const cells: [number, OutCell][] = [];
    if (f.left[i]) cells.push([0, lineCell(f.left[i], span(0, k))]);
    if (f.right[i] && k < end) cells.push([k, lineCell(f.right[i], span(k, end))]);
    out.push(row(width, cells));
  }
  out.push(row(width, []));
  out.push(fullLine(widths, { text: title, bold: true, size: 14, align: 'center' }, end));
  out.push(fullLine(widths, { text: f.attachment, italic: true, align: 'center' }, end));
  const unit = meta.unit ? `ĐVT: ${meta.unit}` : '';
  out.push(fullLine(widths, { text: unit, italic: true, align: 'right' }, end));
  return out;
}

/**
 * The rows below the table: a blank line, the signer's title, room to sign, the signer's name.
 * In strips it sits under the last strip's own columns (`ranges`), the last page printed.
 */
export function formSignature(
  meta: PlanMeta,
  widths: number[],
  ranges: [number, number][] = [[0, widths.length]],
): (OutCell | null)[][] {
  const f = formTexts(meta);
  const width = widths.length;
  const [from] = ranges[ranges.length - 1];
  const own = splitColumn(widths.slice(from));
  const k = from + (own < width - from ? own : 0);
  // the signature sits under the right-hand block, like the motto
  const at = (text: string, bold = true) =>
    row(width, [[k, lineCell({ text, bold }, span(k, width))]]);
  const out: (OutCell | null)[][] = [row(width, [])];
  for (const l of f.signerTitle) out.push(at(l));
  for (let i = 0; i < 4; i++) out.push(row(width, []));
  out.push(f.signerName ? at(f.signerName) : row(width, []));
  return out;
}
