/**
 * A header whose merged cells were unmerged and filled (LibreOffice's "unmerge and fill", a copy
 * pasted without merges): the label repeated in every cell of the old merge. Read as the merge it
 * was, so a label spanning columns heads one group and a label spanning lines is one label.
 */
import { cellText, type RawGrid, type RawMerge } from './grid';
import type { HeaderBand } from './headerBand';

/** Whether line r repeats, in column c, the text of the line above (a filled vertical merge). */
export function repeatsAbove(g: RawGrid, r: number, c: number): boolean {
  const t = cellText(g, r, c);
  return r > 0 && t !== '' && t === cellText(g, r - 1, c);
}

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
  let found = false;
  for (let r = band.start; r <= last; r++) {
    const width = rows[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      // a word, not letters stacked down a narrow column (`S` / `T` / `T` for `STT`)
      if (!/\p{L}{2}/u.test(t) || typeof rows[r][c]?.value === 'number' || owner(r, c) >= 0)
        continue;
      const parent = (x: number) => (r === band.start ? 0 : `${owner(r - 1, x)}|${text(r - 1, x)}`);
      let c1 = c;
      while (
        c1 + 1 < width &&
        text(r, c1 + 1) === t &&
        owner(r, c1 + 1) < 0 &&
        parent(c1 + 1) === parent(c)
      )
        c1++;
      let r1 = r;
      const same = (y: number) => {
        for (let x = c; x <= c1; x++) if (text(y, x) !== t || owner(y, x) >= 0) return false;
        return true;
      };
      while (r1 + 1 <= last && same(r1 + 1)) r1++;
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

const inside = (m: RawMerge, r: number, c: number) =>
  r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1;
