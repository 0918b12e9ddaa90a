/**
 * Hidden columns left broken in the source: a column the author hid whose column code is an error
 * value (`#VALUE!`, `#REF!`, LibreOffice's `Err:520`) is computed by formulas that no longer work.
 * The program that saved the file shows errors in it; a program that recalculates on opening
 * (LibreOffice re-saving an `.xls`) may fill it with numbers nobody published. Its cells below the
 * header are no figures of the table whichever program saved it: they are read as empty, and
 * the column as a text column (header.ts takes no error value for a code).
 */
import type { RawGrid } from './grid';
import type { HeaderBand, LeafSpec } from './header';
import { isErrorValue } from './rowKinds';

/** The hidden columns (0-based) whose cell in the band's column-code row is an error value. */
export function brokenHiddenColumns(g: RawGrid, band: HeaderBand): number[] {
  if (band.codeRow === null || !g.hiddenCols?.size) return [];
  const codes = g.rows[band.codeRow] ?? [];
  return [...g.hiddenCols].filter((c) => isErrorValue(codes[c]?.text ?? '')).sort((a, b) => a - b);
}

/**
 * The hidden columns (0-based) that copy a shown column's header: the same column code (under no
 * label of its own), or the
 * same header texts (an older version of the column kept hidden, as offices keep one), or no
 * header at all. Their
 * figures are the old ones, no part of the table's rules. A hidden column of its own header
 * (Plan_2017 M09 K–M, `9`, `10`, `11` breaking down column G) keeps its figures.
 */
export function staleHiddenColumns(g: RawGrid, band: HeaderBand): number[] {
  if (!g.hiddenCols?.size) return [];
  const width = Math.max(0, ...g.rows.slice(band.start, band.end).map((r) => r.length));
  const code = (c: number) =>
    band.codeRow === null ? '' : (g.rows[band.codeRow]?.[c]?.text ?? '').replace(/\s+/g, '');
  const label = (c: number) => {
    const ts: string[] = [];
    for (let r = band.start; r < band.end; r++)
      if (r !== band.codeRow) ts.push((g.rows[r]?.[c]?.text ?? '').replace(/\s+/g, ' ').trim());
    return ts.some((t) => /\p{L}/u.test(t)) ? ts.join('|') : '';
  };
  const shown = Array.from({ length: width }, (_, c) => c).filter((c) => !g.hiddenCols!.has(c));
  const codes = new Set(shown.map(code).filter(Boolean));
  const labels = new Set(shown.map(label).filter(Boolean));
  // (a hidden column of no header at all, under no header merge, names no column either)
  const covered = (c: number) =>
    g.merges.some((m) => m.c0 <= c && m.c1 >= c && m.r0 < band.end && m.r1 >= band.start);
  const headless = (c: number) => !code(c) && !label(c) && !covered(c);
  return (
    [...g.hiddenCols]
      // a column collapsed in an outline group is a detail of the table (years under a total)
      .filter((c) => !g.groupedCols?.has(c))
      .filter(
        (c) =>
          // a code repeated under a label of its own is a typo (Plan_2017 M07 H, I both `6`)
          (code(c) && codes.has(code(c)) && !label(c)) ||
          // (a label repeated under a code of its own is another figure: Plan_2012 M08 `11=4+9+10`)
          (c < width && labels.has(label(c)) && (!code(c) || codes.has(code(c)))) ||
          headless(c),
      )
      .sort((a, b) => a - b)
  );
}

/**
 * The grid with the data cells (rows from `band.end`, or from `from`) of its broken hidden
 * columns left empty.
 */
export function withoutBrokenColumns(
  g: RawGrid,
  band: HeaderBand,
  cols: number[],
  from = band.end,
): RawGrid {
  if (!cols.length) return g;
  const rows = g.rows.map((row, r) => {
    if (r < from || !cols.some((c) => c < row.length)) return row;
    const out = row.slice();
    for (const c of cols) if (c < out.length) out[c] = { text: '' };
    return out;
  });
  return { ...g, rows };
}

/** Makes the leaves standing only on broken hidden columns text columns (no figure read). */
export function markBroken(specs: LeafSpec[], broken: number[]): void {
  if (!broken.length) return;
  for (const s of specs) {
    if (!s.cols.every((c) => broken.includes(c))) continue;
    s.leaf.role = 'text';
  }
}
