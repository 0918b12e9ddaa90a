/** Column-code rules such as `4=2-3`, `6=7+8+9` or `1=2+…+11`, read from a table's column-code row. */

export interface ColumnRule {
  /** The code row text, e.g. `4=2-3`. */
  text: string;
  target: string;
  terms: { sign: 1 | -1; code: string }[];
}

/** Expands `a+…+b`, `a+...+b`, `a÷b`, `a..b` between whole numbers into `a+(a+1)+…+b`. */
function expandRanges(s: string): string | null {
  let bad = false;
  const out = s.replace(/(\d+)(?:\+?(?:…|\.{2,3})\+?|÷|->|→)(\d+)/g, (_, a: string, b: string) => {
    const x = Number(a);
    const y = Number(b);
    if (!(y > x) || y - x > 200) {
      bad = true;
      return '';
    }
    return Array.from({ length: y - x + 1 }, (_v, k) => String(x + k)).join('+');
  });
  return bad ? null : out;
}

/**
 * Parses a column code; a plain code (`1`, `A`) is not a rule. Accepts spaces, brackets, ranges
 * (`2+…+11`, `2+...+11`, `2÷11`) and the Vietnamese `(4)=(2)-(3)` style; refuses anything else
 * (ratios such as `5=4/3` state no sum and are not rules here).
 */
export function parseColumnRule(code: string): ColumnRule | null {
  const compact = code.replace(/[\s()[\]]/g, '').replace(/[−–]/g, '-');
  const s = expandRanges(compact);
  if (s === null) return null;
  const m = /^([A-Za-z0-9.]+)=([+-]?[A-Za-z0-9]+(?:[+-][A-Za-z0-9]+)*)$/.exec(s);
  if (!m) return null;
  const terms: ColumnRule['terms'] = [];
  const re = /([+-]?)([A-Za-z0-9]+)/g;
  let t: RegExpExecArray | null;
  while ((t = re.exec(m[2]))) terms.push({ sign: t[1] === '-' ? -1 : 1, code: t[2] });
  if (terms.some((x) => x.code === m[1])) return null;
  return { text: code.trim(), target: m[1], terms };
}

/** The code a column is known by in the code row: `6` for `6=7+8+9`, `(3)` → `3`. */
export function columnCode(code: string): string {
  const r = parseColumnRule(code);
  if (r) return r.target;
  return code.replace(/[\s()[\]]/g, '');
}

/** Whether a code-row entry says the column is a ratio (`5=4/3`, `4=3:2`, `x100`, `%`). */
export function isRatioCode(code: string): boolean {
  const s = code.replace(/\s/g, '');
  return /=.*[/:x×*]/.test(s) || /%/.test(s);
}
