/**
 * The commonest cell of a worksheet read in one pass over its characters, without searching:
 * `<c r="B7" s="3" t="s"><v>12</v></c>`, `<c r="E7" s="2"><v>61600</v></c>`, `<c r="F7" s="2"/>`,
 * and a number's own formula before its value: `<c r="E6" s="3"><f>SUM(E7:E9)</f><v>12</v></c>`.
 * Only that exact shape is taken (attributes r, s, t, each once, double-quoted, one space apart;
 * a number or shared-string cell; a value without markup, entities or `_x` codes; a formula, of a
 * number only, without attributes, markup, entities, `_` nor carriage returns); anything else
 * answers false and the cell is read by the general reader (xlsxRows.ts), which gives the same cell.
 */

/** What `plainCell` found: the cell's place, type, style and value (offsets into the text). */
export interface PlainCell {
  /** 0-based row and column, as SheetJS's decode_cell gives them from the `r` attribute. */
  row: number;
  col: number;
  /** The cell type: true for a shared string (`t="s"`), false for a number. */
  shared: boolean;
  /** The style index (`s`), -1 when absent. */
  style: number;
  /** The value text is s[vs, ve) (vs === ve: no value). */
  vs: number;
  ve: number;
  /** The value as a number when it is a plain integer of at most 15 digits (exact), else NaN. */
  num: number;
  /** The formula text is s[fs, fe) (fs === fe: none). */
  fs: number;
  fe: number;
}

const Q = 34; // "
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Reads the cell piece s[a, b) (the text after `<c `, trimmed, up to the next cell) into `out`
 * when it has the plain shape; false otherwise (nothing is promised about `out` then).
 */
export function plainCell(s: string, a: number, b: number, out: PlainCell): boolean {
  let i = a;
  let seen = 0; // bits: r, s, t
  out.style = -1;
  out.shared = false;
  out.fs = out.fe = 0;
  for (;;) {
    const name = s.charCodeAt(i);
    if (s.charCodeAt(i + 1) !== 61 || s.charCodeAt(i + 2) !== Q) return false;
    i += 3;
    const vs = i;
    if (name === 114) {
      // r: capitals then digits, nothing else
      if (seen & 1) return false;
      seen |= 1;
      let c = 0;
      let r = 0;
      let ch = s.charCodeAt(i);
      if (!(ch >= 65 && ch <= 90)) return false;
      while (ch >= 65 && ch <= 90) {
        c = 26 * c + (ch - 64);
        ch = s.charCodeAt(++i);
      }
      if (!isDigit(ch)) return false;
      while (isDigit(ch)) {
        r = 10 * r + (ch - 48);
        ch = s.charCodeAt(++i);
      }
      out.col = c - 1;
      out.row = r - 1;
    } else if (name === 115) {
      // s: a canonical index (no sign, no leading zero), as an array index reads it
      if (seen & 2) return false;
      seen |= 2;
      let v = 0;
      let ch = s.charCodeAt(i);
      if (!isDigit(ch) || (ch === 48 && isDigit(s.charCodeAt(i + 1)))) return false;
      while (isDigit(ch) && i - vs < 9) {
        v = 10 * v + (ch - 48);
        ch = s.charCodeAt(++i);
      }
      out.style = v;
    } else if (name === 116) {
      // t: "n" or "s"
      if (seen & 4) return false;
      seen |= 4;
      const ch = s.charCodeAt(i);
      if (ch === 115) out.shared = true;
      else if (ch !== 110) return false;
      i++;
    } else return false;
    if (s.charCodeAt(i) !== Q) return false;
    i++;
    const ch = s.charCodeAt(i);
    if (ch === 32) {
      i++;
      continue;
    }
    if (!(seen & 1)) return false; // the general reader finds the column otherwise
    if (ch === 47) {
      // `/>` ends the piece: no value
      if (s.charCodeAt(i + 1) !== 62 || i + 2 !== b) return false;
      out.vs = out.ve = i;
      out.num = NaN;
      return true;
    }
    if (ch !== 62) return false;
    i++;
    break;
  }
  if (s.startsWith('<f>', i)) {
    // a formula as the general reader keeps it unchanged: no `<`, `&`, `_` (`_xlfn.`, `_x` codes), CR
    if (out.shared) return false;
    const fs = i + 3;
    let j = fs;
    for (; j < b; j++) {
      const ch = s.charCodeAt(j);
      if (ch === 60 || ch === 38 || ch === 95 || ch === 13) break;
    }
    if (j === fs || !s.startsWith('</f>', j)) return false;
    out.fs = fs;
    out.fe = j;
    i = j + 4;
  }
  if (b - i === 4) {
    // `</c>`: no value
    if (!s.startsWith('</c>', i)) return false;
    out.vs = out.ve = i;
    out.num = NaN;
    return true;
  }
  if (!s.startsWith('<v>', i)) return false;
  i += 3;
  const vs = i;
  let num = 0;
  let digits = 0;
  let neg = false;
  let plain = true;
  for (; i < b; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 60 || ch === 38 || ch === 95) break; // < & _
    if (isDigit(ch)) {
      num = 10 * num + (ch - 48);
      digits++;
    } else if (ch === 45 && i === vs) neg = true;
    else plain = false;
  }
  const ve = i;
  if (b - i !== 8 || !s.startsWith('</v></c>', i)) return false;
  out.vs = vs;
  out.ve = ve;
  out.num = plain && digits > 0 && digits <= 15 ? (neg ? -num : num) : NaN;
  return true;
}
