/**
 * Finding the header band of a table: the first line with two of the usual header words, the
 * header lines stacked above it, its wrapped lines and column-code row below.
 */
import { fold } from '../../domain/sources';
import { cellText, type RawGrid } from './grid';
import { isErrorValue } from './rowKinds';
import { repeatsAbove } from './headerFill';

export interface HeaderBand {
  start: number;
  /** First row after the band (data start). */
  end: number;
  /** The column-code row inside the band, if any (`1, 2, 3, 4=2-3`). */
  codeRow: number | null;
}

const HEADER_WORDS =
  /^(s?tt|t t|so tt|ten\b|noi dung|danh muc|chi tieu|hang muc|don vi|tong|nhu cau|ke hoach|du toan|quyet toan|kinh phi|ghi chu|nam\b|von\b|nguon|tinh|dia phuong|co quan)/;
/** A year as a header names it (`2013`, `Năm 2013`). */
export const YEAR = /^(?:nam\s*)?((?:19|20)\d\d)$/;

function isCode(s: string): boolean {
  return /^\(?[0-9A-Za-z]{1,3}\)?(\s*=\s*[0-9A-Za-z()+\-−–…÷.:/x×*%\s]+)?$/.test(s);
}

/**
 * Whether a row is a column-code row: at least three short codes, two numeric starting low (or
 * after a lone `B`, or `2, 3, 4` when the number column was deleted), or `A`, `B` then one number (a table of one figure column).
 */
export function isCodeRow(g: RawGrid, r: number): boolean {
  // an error value (`#REF!` left by a deleted sheet) is no code: an empty cell
  const cells = (g.rows[r] ?? []).map((c) => c.text.trim()).filter((t) => t && !isErrorValue(t));
  if (cells.length < 3 || !cells.every(isCode)) return false;
  const ints = cells.filter((c) => /^\(?\d+\)?$/.test(c) || /^\(?\d+\)?\s*=/.test(c));
  if (ints.length >= 2)
    return (
      /^\(?(1|A|a|\d+\s*=.*)\)?$/.test(cells[0]) ||
      // a table without a number column: its name column keeps the letter `B`, then `1`, `2` …
      (/^\(?[Bb]\)?$/.test(cells[0]) && /^\(?1\)?(\s*=.*)?$/.test(cells[1])) ||
      // the number column (coded `1`) deleted, the other codes kept: `2, 3, 4 …`
      (cells.length >= 3 && cells.slice(0, 3).every((t, k) => t === String(k + 2)))
    );
  // `A | B | 1`: the number and name columns lettered, one figure column numbered
  return ints.length === 1 && /^A$/i.test(cells[0]) && /^B$/i.test(cells[1]);
}

/** `Đơn vị: Triệu đồng`, `ĐVT: tỷ đồng`: the unit line above a table, not a column's name. */
const UNIT_LINE = /^(don vi( tinh)?|dvt)\s*:/;

/** Whether a folded text starts with a header word (and is no unit line). */
function isHeaderWord(f: string): boolean {
  return HEADER_WORDS.test(f) && !UNIT_LINE.test(f);
}

/**
 * Cells of row r naming a header word; `joined`: also a text that names one with the text under
 * it (`Chỉ` over `tiêu`: a label column's words wrapped over two lines).
 */
function headerScore(g: RawGrid, r: number, joined: boolean): number {
  let n = 0;
  const row = g.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const t = row[c].text.trim() ? cellText(g, r, c) : '';
    if (!t) continue;
    const f = fold(t);
    if (isHeaderWord(f)) n++;
    else if (joined && splitWord(t, cellText(g, r + 1, c))) n++;
  }
  return n;
}

/** Whether a text and the one under it make a header word the upper one alone is not. */
function splitWord(above: string, below: string): boolean {
  if (!above || !below) return false;
  return !isHeaderWord(fold(above)) && isHeaderWord(fold(`${above} ${below}`));
}

/**
 * A line finishing header words split over two lines (`Chỉ` over `tiêu`): no figure, every text
 * under a text of the line above, one of them making a header word with it.
 */
function finishesSplitWords(g: RawGrid, r: number): boolean {
  const row = g.rows[r] ?? [];
  let finishes = false;
  for (let c = 0; c < row.length; c++) {
    const t = cellText(g, r, c);
    if (!t) continue;
    const above = cellText(g, r - 1, c);
    if (typeof row[c].value === 'number' || !above) return false;
    if (splitWord(above, t)) finishes = true;
  }
  return finishes;
}

/**
 * A line of a header band above the first one found: texts in two or more cells, no figure, and
 * not a line of the title block (unit, attachment line, motto, table number).
 */
function isHeaderLine(g: RawGrid, r: number): boolean {
  const cells = (g.rows[r] ?? []).filter((c) => c.text.trim());
  if (cells.length < 2 || cells.some((c) => typeof c.value === 'number')) return false;
  return !cells.some((c) =>
    /^(\(?\s*)?(don vi|dvt|kem theo|cong hoa|doc lap|phu luc|bieu|mau|table|unit|ty dong|trieu dong)/.test(
      fold(c.text),
    ),
  );
}

/** A name column's header (`Tên chương trình`, `Nội dung`, `Chỉ tiêu`…). */
const NAME_HEADER = /^(ten\b|noi dung|danh muc|chi tieu|hang muc|co quan|dia phuong)/;

/** Whether row r holds texts and no figure (`năm 2014`, `Vốn ĐTPT`: a header's second line). */
function wordsOnly(g: RawGrid, r: number): boolean {
  return (g.rows[r] ?? []).every(
    (c) => typeof c.value !== 'number' && !/^[-(]?[\d.,\s]+\)?$/.test(c.text.trim() || 'x'),
  );
}

/** Whether row r opens a header band: two header words (a word may be split over two lines). */
export function opensHeader(g: RawGrid, r: number): boolean {
  return headerScore(g, r, false) >= 2 || headerScore(g, r, true) >= 2;
}

/**
 * Finds the header band: the first row with two header words (a word may be split over two
 * lines), then its header-like rows.
 */
export function findHeaderBand(g: RawGrid): HeaderBand | null {
  const limit = Math.min(g.rows.length, 80);
  let start = -1;
  for (let r = 0; r < limit; r++) {
    if (opensHeader(g, r)) {
      start = r;
      break;
    }
  }
  if (start < 0) return bandAboveCodes(g, limit);
  // header lines stacked above the line with the usual words (`TỔNG CHI`, `TỶ LỆ` over `TT`, `TỈNH`)
  while (start > 0 && isHeaderLine(g, start - 1)) start--;
  let end = start + 1;
  let codeRow: number | null = null;
  // a table without a number column: its name column first, the second a figure column's label
  const nameFirst = NAME_HEADER.test(fold(cellText(g, start, 0)));
  while (end < g.rows.length) {
    if (isCodeRow(g, end)) {
      codeRow = end;
      end++;
      continue;
    }
    if (finishesSplitWords(g, end)) {
      end++;
      continue;
    }
    // a filled merge (`STT` repeated on the header's second line) is no data line's number
    const first = repeatsAbove(g, end, 0) ? '' : cellText(g, end, 0);
    const second = repeatsAbove(g, end, 1) ? '' : cellText(g, end, 1);
    const nonEmpty = (g.rows[end] ?? []).filter((c) => c.text.trim()).length;
    if (nonEmpty === 0 || first || (second && !(nameFirst && wordsOnly(g, end)))) break;
    end++;
  }
  // a header typed as wrapped lines (no merges) ends at its column-code row a few rows below
  if (codeRow === null) {
    for (let k = end; k < Math.min(end + 8, g.rows.length); k++) {
      if (isCodeRow(g, k)) return { start, end: k + 1, codeRow: k };
      if ((g.rows[k] ?? []).some((c) => /^[-\d.,\s]+$/.test(c.text.trim()) && /\d/.test(c.text)))
        break;
    }
  }
  return { start, end, codeRow };
}

/**
 * A header with fewer than two of the usual words on any line (`TỈNH, THÀNH PHỐ` alone once the
 * `TT` column is gone): the header lines stacked over a column-code row, one naming a header word.
 */
function bandAboveCodes(g: RawGrid, limit: number): HeaderBand | null {
  for (let r = 1; r < limit; r++) {
    if (!isCodeRow(g, r) || !isHeaderLine(g, r - 1)) continue;
    let start = r - 1;
    while (start > 0 && isHeaderLine(g, start - 1)) start--;
    for (let k = start; k < r; k++)
      if (headerScore(g, k, true) > 0) return { start, end: r + 1, codeRow: r };
  }
  return null;
}

/** The band the user marked (rows start..end-1), with its column-code row if it has one. */
export function forcedBand(g: RawGrid, start: number, end: number): HeaderBand {
  let codeRow: number | null = null;
  for (let r = start; r < end; r++) if (isCodeRow(g, r)) codeRow = r;
  if (codeRow === null && isCodeRow(g, end)) return { start, end: end + 1, codeRow: end };
  return { start, end, codeRow };
}
