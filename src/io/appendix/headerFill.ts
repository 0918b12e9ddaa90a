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
  const merges = g.merges.slice();
  const owner = (r: number, c: number) => merges.findIndex((m) => inside(m, r, c));
  const rows = g.rows.slice();
  const text = (r: number, c: number) =>
    rows[r] === g.rows[r] ? cellText(g, r, c) : (rows[r][c]?.text ?? '').trim();
  const last = (band.codeRow ?? band.end) - 1;
  const lines = (r: number) => (r <= last && r !== band.codeRow ? r : -1);
  /**
   * Whether column x carries, under line r, a label of its own typed over two lines or more: a
   * text at r+1 and another under it, neither repeated down nor across under the same text (a
   * filled merge repeats; a neighbour's wrapped label may share a line by chance).
   */
  const wrapsOwnLabel = (r: number, x: number) => {
    const [a, b] = [lines(r + 1), lines(r + 2)];
    if (a < 0 || b < 0) return false;
    const u = text(a, x);
    const v = text(b, x);
    const copied = (y: number, s: string, n: number) =>
      s === text(y, n) && text(y - 1, n) === text(y - 1, x);
    const alone = (y: number, s: string) => !copied(y, s, x - 1) && !copied(y, s, x + 1);
    return !!u && !!v && u !== v && u !== text(r, x) && alone(a, u) && alone(b, v);
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
      let wraps = c1 > c;
      for (let x = c; x <= c1 && wraps; x++) wraps = wrapsOwnLabel(r, x);
      if (wraps) c1 = c;
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
  return found ? { ...g, rows, merges } : g;
}
