/**
 * A header whose merged cells were unmerged and filled (LibreOffice's "unmerge and fill", a sheet
 * pasted or exported without merges, a table typed by hand): the label repeated in every cell of
 * the old merge. Read as the merge it was, so a label copied across columns heads one group and a
 * label copied down lines is one label. Two real columns whose labels are typed as wrapped lines
 * (`SỐ BỔ SUNG` / `CÂN ĐỐI` / `TỪ NSTW` beside `SỐ BỔ SUNG` / `TH TIỀN LƯƠNG` / …) may start with
 * the same line: they stay two columns.
 */
import { cellText, type RawGrid, type RawMerge } from './grid';
import type { HeaderBand } from './headerBand';

/** A label a merge could have been filled with: a word, not a letter stacked down a narrow column. */
const isLabel = (t: string) => /\p{L}{2}/u.test(t);

/**
 * Whether line r repeats, in column c, the label of the line above (a filled vertical merge:
 * `STT` again on the header's second line).
 */
export function repeatsAbove(g: RawGrid, r: number, c: number): boolean {
  const t = cellText(g, r, c);
  return r > 0 && isLabel(t) && t === cellText(g, r - 1, c);
}

const inside = (m: RawMerge, r: number, c: number) =>
  r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1;

/**
 * The grid with runs of one label repeated across a header line (under one parent) or down its
 * lines made merges again, the repeats blanked; the same grid when there are none.
 */
export function refilledHeader(g: RawGrid, band: HeaderBand): RawGrid {
  const last = (band.codeRow ?? band.end) - 1;
  // the merges over the header's lines (a long table may have thousands below), and those made
  const given0 = g.merges.filter((m) => m.r0 <= last && m.r1 >= band.start);
  const merges = given0.slice();
  const owner = (r: number, c: number) => merges.findIndex((m) => inside(m, r, c));
  const rows = g.rows.slice();
  const text = (r: number, c: number) =>
    rows[r] === g.rows[r] ? cellText(g, r, c) : (rows[r][c]?.text ?? '').trim();
  const lines = (r: number) => (r >= band.start && r <= last && r !== band.codeRow ? r : -1);
  // read on the grid as given (the refill below blanks the repeats it makes merges)
  const given = (r: number, c: number) => (lines(r) < 0 ? '' : cellText(g, r, c));
  const merged = (r: number, c: number) => given0.some((m) => inside(m, r, c));
  /** Whether the text at (y, x) is copied across: a neighbour has it, under the same text. */
  const across = (y: number, x: number, n: number) =>
    given(y, x) === given(y, n) && (y === band.start || given(y - 1, n) === given(y - 1, x));
  /** A label of one cell, neither merged nor copied across or down (no filled merge's). */
  const lone = (y: number, x: number) => {
    const u = given(y, x);
    return (
      isLabel(u) &&
      !merged(y, x) &&
      !across(y, x, x - 1) &&
      !across(y, x, x + 1) &&
      u !== given(y - 1, x) &&
      u !== given(y + 1, x)
    );
  };
  /** Whether column x holds, right under line y, a line of a label of its own. */
  const continues = (y: number, x: number) => lone(y + 1, x) && given(y + 1, x) !== given(y, x);
  // a header typed as wrapped lines: a label of one column continued on the line under it
  let wrapped: boolean | undefined;
  const wrappedLines = () => {
    if (wrapped === undefined) {
      wrapped = false;
      for (let y = band.start; y < last && !wrapped; y++)
        for (let x = 0; x < (g.rows[y]?.length ?? 0) && !wrapped; x++)
          wrapped = lone(y, x) && continues(y, x);
    }
    return wrapped;
  };
  /**
   * Whether columns c..c1, repeating one text on line r, each carry a label of their own under
   * it (its wrapped lines: over two more lines, or one in a header typed as wrapped lines), not
   * the children of one copied label (copied down or across themselves, or over no more lines).
   */
  const ownLabels = (r: number, c: number, c1: number) => {
    for (let x = c; x <= c1; x++)
      if (!continues(r, x) || !(continues(r + 1, x) || wrappedLines())) return false;
    return true;
  };
  let found = false;
  for (let r = band.start; r <= last; r++) {
    if (r === band.codeRow) continue;
    const width = rows[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (!isLabel(t) || typeof rows[r][c]?.value === 'number' || owner(r, c) >= 0) continue;
      const parent = (x: number) => (r === band.start ? 0 : `${owner(r - 1, x)}|${text(r - 1, x)}`);
      let c1 = c;
      while (
        c1 + 1 < width &&
        text(r, c1 + 1) === t &&
        owner(r, c1 + 1) < 0 &&
        parent(c1 + 1) === parent(c)
      )
        c1++;
      // columns each carrying a wrapped label of their own under the same first line: two labels
      if (c1 > c && ownLabels(r, c, c1)) c1 = c;
      let r1 = r;
      const same = (y: number) => {
        for (let x = c; x <= c1; x++) if (text(y, x) !== t || owner(y, x) >= 0) return false;
        return true;
      };
      while (lines(r1 + 1) >= 0 && same(r1 + 1)) r1++;
      if (c1 === c && r1 === r) continue;
      merges.push({ r0: r, c0: c, r1, c1 });
      for (let y = r; y <= r1; y++) {
        rows[y] = rows[y] === g.rows[y] ? rows[y].slice() : rows[y];
        for (let x = c; x <= c1; x++) if (y !== r || x !== c) rows[y][x] = { text: '' };
      }
      found = true;
    }
  }
  return found ? { ...g, rows, merges: [...g.merges, ...merges.slice(given0.length)] } : g;
}
