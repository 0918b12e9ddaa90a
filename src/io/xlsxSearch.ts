/**
 * Searching a worksheet's row text forward, as SheetJS's regular expressions find things in it: the
 * next occurrence of each searched text kept (searches only move forward in one text), cell pieces
 * cut at `<c`, `<name …>…</name>` elements, self-closing formulas and a cell's `r="…"` column.
 */

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The texts the reader searches for: element opens and closes in pairs. */
const NEEDLES = ['<v', '</v>', '<f', '</f>', '<is', '</is>', '</row>', '<c', 'r='];
export const [V, F, IS, ROW_END, C, R] = [0, 2, 4, 6, 7, 8];

/** The search state over one text; RowReader reads rows with it. */
export class SheetSearch {
  protected s = '';
  /** Next occurrence of each searched text in `s` (searches only move forward in one text). */
  private readonly next = new Int32Array(NEEDLES.length);
  // element bounds found by `element`: open tag start and end, inner start and end
  protected eo = 0;
  protected ee = 0;
  protected ei = 0;
  protected ec = 0;

  /** Starts searching `text` from its beginning. */
  protected start(text: string): void {
    this.s = text;
    this.next.fill(-1);
  }

  /** The first NEEDLES[n] at or after `from` in `s` (s.length when none). */
  protected find(n: number, from: number): number {
    const at = this.next[n];
    if (at >= from) return at;
    let k = this.s.indexOf(NEEDLES[n], from);
    if (k < 0) k = this.s.length;
    this.next[n] = k;
    return k;
  }

  /** The next `<c` followed by a space, `/` or `>` in [from, to); -1 when none. */
  protected split(from: number, to: number): number {
    const s = this.s;
    let k = this.find(C, from);
    while (k < to) {
      const ch = s.charCodeAt(k + 2);
      if (ch === 32 || ch === 47 || ch === 62) return k;
      k = this.find(C, k + 1);
    }
    return -1;
  }

  /** Finds `<name …>…</name>` (NEEDLES[n], NEEDLES[n + 1]) in [from, to) into eo/ee/ei/ec. */
  protected element(n: number, from: number, to: number): boolean {
    const s = this.s;
    const len = NEEDLES[n].length;
    let k = this.find(n, from);
    while (k < to) {
      const ch = s.charCodeAt(k + len);
      if (ch === 62 || ch === 47 || isSpace(ch)) break;
      k = this.find(n, k + 1);
    }
    if (k >= to) return false;
    const gt = s.indexOf('>', k);
    if (gt < 0 || gt >= to) return false;
    const close = this.find(n + 1, gt + 1);
    if (close + len + 2 > to) return false;
    this.eo = k;
    this.ee = gt + 1;
    this.ei = gt + 1;
    this.ec = close;
    return true;
  }

  /** `<f …/>` in [from, to) into eo/ee; false when absent (SheetJS: /<f[^<>]*\/>/). */
  protected selfClosingF(from: number, to: number): boolean {
    const s = this.s;
    let k = this.find(F, from);
    while (k < to) {
      let j = k + 2;
      while (j < to && s.charCodeAt(j) !== 60 && s.charCodeAt(j) !== 62) j++;
      if (j < to && s.charCodeAt(j) === 62 && s.charCodeAt(j - 1) === 47) {
        this.eo = k;
        this.ee = j + 1;
        return true;
      }
      k = this.find(F, k + 1);
    }
    return false;
  }

  /** The column from the first `r="…"` of the piece (SheetJS: /r=["']([^"']*)["']/). */
  protected refColumn(a: number, b: number, tagc: number): number {
    const s = this.s;
    let k = this.find(R, a);
    while (k + 2 < b) {
      const q = s.charCodeAt(k + 2);
      if (q === 34 || q === 39) {
        let e = k + 3;
        while (e < b && s.charCodeAt(e) !== 34 && s.charCodeAt(e) !== 39) e++;
        if (e < b) {
          let idx = 0;
          for (let i = k + 3; i < e; i++) {
            const cc = s.charCodeAt(i) - 64;
            if (cc < 1 || cc > 26) break;
            idx = 26 * idx + cc;
          }
          return idx - 1;
        }
      }
      k = this.find(R, k + 1);
    }
    return tagc + 1;
  }
}
