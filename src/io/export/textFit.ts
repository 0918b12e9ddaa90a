/**
 * How many lines a wrapped cell text takes in a column, estimated from Times New Roman's glyph
 * widths (spreadsheets do not grow rows a program wrote, and LibreOffice does not on open), and the
 * row height in points that shows them whole.
 */

// advance widths of Times New Roman (regular, 1/1000 em); a digit is 500
const NARROW = new Map<string, number>([
  ...[...'ijlt'].map((c) => [c, 278] as [string, number]),
  ...[...'frI-()[]'].map((c) => [c, 333] as [string, number]),
  ...[...'sJ'].map((c) => [c, 389] as [string, number]),
  ...[...'aceFzL'].map((c) => [c, 444] as [string, number]),
  ...[..." ,.;:/'!"].map((c) => [c, 250] as [string, number]),
  ...[...'mMW'].map((c) => [c, 889] as [string, number]),
  ['w', 722],
]);

const known = [new Map<string, number>(), new Map<string, number>()];

/** Width of one character in digit widths (a column width unit is about one digit). */
function charWidth(ch: string, bold: boolean): number {
  const cache = known[bold ? 1 : 0];
  const seen = cache.get(ch);
  if (seen !== undefined) return seen;
  const base = ch.normalize('NFD')[0] ?? ch;
  let w = NARROW.get(base);
  if (w === undefined)
    w = base >= 'A' && base <= 'Z' ? (bold ? 722 : 690) : base === 'Đ' ? 722 : 500;
  const out = (w * (bold ? 1.06 : 1)) / 500;
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Width of a word in digit widths (UTF-16 units: a surrogate pair counts twice, which is safe). */
function wordWidth(word: string, bold: boolean, scale: number): number {
  let w = 0;
  for (let i = 0; i < word.length; i++) w += charWidth(word[i], bold);
  return w * scale;
}

export interface FitOptions {
  bold?: boolean;
  /** Indent levels. */
  indent?: number;
  /** Font size in points (the sheet's is 12). */
  size?: number;
}

const ASCII = [new Float64Array(128).fill(-1), new Float64Array(128).fill(-1)];

/** True when the text takes one line: no line break, and all of it fits the column's room. */
export function fitsOneLine(text: string, width: number, o: FitOptions = {}): boolean {
  const room = Math.max(2, (width - 0.8) * 0.98 - (o.indent ?? 0) * 0.6);
  const bold = !!o.bold;
  const table = ASCII[bold ? 1 : 0];
  const limit = room / ((o.size ?? 12) / 12);
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    let cw = code < 128 ? table[code] : -1;
    if (cw < 0) {
      cw = charWidth(text[i], bold);
      if (code < 128) table[code] = cw;
    }
    w += cw;
    if (w > limit) return false;
  }
  return true;
}

/** Lines a text wraps to in a column `width` units wide (word wrap, long words broken). */
export function wrappedLines(text: string, width: number, o: FitOptions = {}): number {
  const scale = (o.size ?? 12) / 12;
  // the cell's padding, a margin for renderers that measure a little wider, the indent (measured
  // against LibreOffice's PDF of the sample: a name column 48 wide, indent 1, holds 46.5 units)
  const room = Math.max(2, (width - 0.8) * 0.98 - (o.indent ?? 0) * 0.6);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const word of para.split(/ +/)) {
      const w = wordWidth(word, !!o.bold, scale);
      const space = used > 0 ? charWidth(' ', !!o.bold) * scale : 0;
      if (used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // a word wider than the column breaks where it must
      used = w;
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

/** Row height in points that shows `lines` lines of a `size`-point font whole. */
export function rowHeight(lines: number, size = 12): number {
  return Math.ceil(lines * size * 1.32 + 2);
}
