/**
 * Tables stacked on one sheet: a main appendix and, below it, a small table of its own (`Biểu 2:
 * VỐN ĐỐI ỨNG CÁC DỰ ÁN ODA`, its header `STT | Nội dung | Số tiền`, a few lines and a `Cộng`),
 * maybe after the first table's notes and signatures. The lines from its title on are not rows of
 * the table above: the sheet is read as one table per part, each with its own columns and totals.
 * A header repeated at a page break (the first header's labels in their columns) is no new table.
 */
import { fold } from '../../domain/sources';
import { composedTexts } from './composed';
import { cellText, type RawGrid, rowShown } from './grid';
import { buildColumns, findHeaderBand, type HeaderBand } from './header';
import { opensHeader } from './headerBand';
import { isFooterLine } from './rowKinds';
import { isUpper } from './tableLines';
import { type AppendixReading, readAppendix, unlegacy } from './reader';

/** Lines above a new header that may be its title block (title, `Kèm theo …`, unit line). */
const TITLE_LINES = 4;
/** A figure typed as text (`61.600`, `(1.200)`, `-`), or a year alone. */
const FIGURE = /^[-+(−]?\d[\d.,\s]*\)?%?$/;

/** Whether a line holds a figure (a number stored, or typed as text). */
function hasFigure(g: RawGrid, r: number): boolean {
  const row = g.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (typeof row[c]?.value === 'number') return true;
    if (FIGURE.test(cellText(g, r, c))) return true;
  }
  return false;
}

/** The non-empty texts of a line, by column. */
function textsOf(g: RawGrid, r: number): [number, string][] {
  const out: [number, string][] = [];
  rowShown(g, r).forEach((t, c) => t && out.push([c, t]));
  return out;
}

/**
 * Whether line r repeats a line of the band (a page break): most of its texts stand in the same
 * columns as that header line's, and they cover most of that line (`STT | Nội dung | Số tiền`
 * under a header `STT | Nội dung | Kế hoạch 2024 | … | Ghi chú` shares two labels: a new table).
 */
function repeatsHeader(g: RawGrid, band: HeaderBand, r: number): boolean {
  const line = textsOf(g, r);
  for (let b = band.start; b < band.end; b++) {
    if (b === band.codeRow) continue;
    const head = textsOf(g, b);
    const at = new Map(head.map(([c, t]) => [c, fold(t)]));
    const hits = line.filter(([c, t]) => at.get(c) === fold(t)).length;
    if (hits >= 0.6 * Math.max(line.length, head.length)) return true;
  }
  return false;
}

/**
 * Whether a line may be a table's title block: one text, no figure, no note or signature line,
 * written as titles are (upper case, `Biểu 2`, `Phụ lục`, `Bảng`, `II.`, `(Kèm theo …)`, the unit).
 */
function isTitleLine(g: RawGrid, r: number): boolean {
  const line = textsOf(g, r);
  if (line.length !== 1 || hasFigure(g, r)) return false;
  const t = line[0][1];
  if (isFooterLine(t)) return false;
  return (
    isUpper(t) ||
    /^(\(|bieu|phu luc|bang|mau|table|annex|appendix|kem theo|don vi|dvt|[ivx]+[.):]|[a-z\d]{1,2}[.):])/.test(
      fold(t),
    )
  );
}

/** Whether a line reads as prose (a long sentence cut at its commas), no header's labels. */
function isProse(g: RawGrid, r: number): boolean {
  return textsOf(g, r).filter(([, t]) => t.length > 60).length > 1;
}

/**
 * Whether the grid from line `start` on is a table: a header band opening at `at` (or above it,
 * within its title block), a name column and a figure column, and a figure under the header.
 */
function isTableFrom(g: RawGrid, start: number, at: number): boolean {
  const sub = cut(g, start, g.rows.length, g.name);
  const band = findHeaderBand(sub);
  if (!band || band.start > at - start) return false;
  const roles = buildColumns(sub, band).specs.map((s) => s.leaf.role);
  if (!roles.includes('name')) return false;
  if (!roles.some((x) => x === 'amount' || x === 'stated' || x === 'value')) return false;
  for (let r = band.end; r < sub.rows.length; r++) if (hasFigure(sub, r)) return true;
  return false;
}

/**
 * The line where another table starts below the one whose header is `band` (its title block's
 * first line), or null: a line opening a header that repeats none of the band's lines, not prose,
 * with a table under it.
 */
export function nextTableAt(g: RawGrid, band: HeaderBand): number | null {
  for (let r = band.end + 1; r < g.rows.length; r++) {
    const shown = rowShown(g, r);
    let n = 0;
    for (const t of shown) if (t) n++;
    if (n < 2 || hasFigure(g, r) || !opensHeader(g, r)) continue;
    if (repeatsHeader(g, band, r) || isProse(g, r)) continue;
    let start = r;
    for (let k = r - 1; k >= band.end && k >= r - TITLE_LINES; k--) {
      if (!rowShown(g, k).some(Boolean)) continue;
      if (!isTitleLine(g, k)) break;
      start = k;
    }
    if (isTableFrom(g, start, r)) return start;
  }
  return null;
}

/** Lines `from..to-1` of a grid as a grid of its own (merges inside them kept). */
function cut(g: RawGrid, from: number, to: number, name: string): RawGrid {
  const keep = (r: number) => r >= from && r < to;
  const hidden = g.hiddenRows && [...g.hiddenRows].filter(keep).map((r) => r - from);
  const grouped = g.groupedRows && [...g.groupedRows].filter(keep).map((r) => r - from);
  return {
    name,
    rows: g.rows.slice(from, to),
    merges: g.merges
      .filter((m) => keep(m.r0) && keep(m.r1))
      .map((m) => ({ ...m, r0: m.r0 - from, r1: m.r1 - from })),
    lineOf: g.lineOf.slice(from, to),
    ...(hidden?.length ? { hiddenRows: new Set(hidden) } : {}),
    ...(g.hiddenCols ? { hiddenCols: g.hiddenCols } : {}),
    ...(grouped?.length ? { groupedRows: new Set(grouped) } : {}),
    ...(g.groupedCols ? { groupedCols: g.groupedCols } : {}),
    ...(g.autoFilter && keep(g.autoFilter.r0)
      ? { autoFilter: { ...g.autoFilter, r0: g.autoFilter.r0 - from, r1: g.autoFilter.r1 - from } }
      : {}),
  };
}

/**
 * The tables of a sheet, top to bottom: the sheet itself when it holds one, else a grid per table
 * (the first keeps the sheet's name, the next are `name (2)`, `name (3)`…) and the line (1-based)
 * where each next one starts.
 */
export function stackedTables(g: RawGrid): { grid: RawGrid; line: number | null }[] {
  const read = composedTexts(unlegacy(g).grid);
  const starts: number[] = [];
  let from = 0;
  for (let k = 0; k < 20; k++) {
    const part = from ? cut(read, from, read.rows.length, read.name) : read;
    const band = findHeaderBand(part);
    const at = band && nextTableAt(part, band);
    if (at === null || at === undefined) break;
    starts.push((from += at));
  }
  if (!starts.length) return [{ grid: g, line: null }];
  const bounds = [0, ...starts, g.rows.length];
  return bounds.slice(0, -1).map((s, k) => ({
    grid: cut(g, s, bounds[k + 1], k ? `${g.name} (${k + 1})` : g.name),
    line: k ? (g.lineOf[s] ?? null) : null,
  }));
}

/**
 * Reads a sheet as its tables (see stackedTables; `marked`: the user's band, the sheet read whole).
 * The table above another one says where that one starts (a warning); the notes closing the sheet,
 * below its last table, are every table's (a footnote there may explain a figure of the first).
 */
export function readTables(
  g: RawGrid,
  marked?: { start: number; end: number },
): { grid: RawGrid; reading: AppendixReading | null }[] {
  if (marked) return [{ grid: g, reading: readAppendix(g, marked) }];
  const parts = stackedTables(g).map(({ grid, line }) => ({
    grid,
    line,
    reading: readAppendix(grid),
  }));
  const closing = parts[parts.length - 1].reading?.sheet.footer ?? [];
  parts.forEach(({ reading }, k) => {
    const next = parts[k + 1];
    if (!reading || !next) return;
    if (closing.length) reading.sheet.footer = [...(reading.sheet.footer ?? []), ...closing];
    reading.warnings.push({
      code: 'nextTable',
      row: next.line,
      sheet: reading.sheet.name,
      message: `line ${next.line}: another table starts here (its own title and header); its lines are not rows of the table above, read as sheet “${next.grid.name}”`,
      detail: next.grid.name,
    });
  });
  return parts.map(({ grid, reading }) => ({ grid, reading }));
}
