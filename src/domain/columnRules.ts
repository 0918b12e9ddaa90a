/** Column-code rules such as `4=2-3` or `6=7+8+9`, read from a table's column-code row. */

export interface ColumnRule {
  /** The code row text, e.g. `4=2-3`. */
  text: string;
  target: string;
  terms: { sign: 1 | -1; code: string }[];
}

/**
 * Parses a column code; a plain code (`1`, `A`) is not a rule. Accepts spaces, brackets and the
 * Vietnamese `(4)=(2)-(3)` style; refuses anything else.
 */
export function parseColumnRule(code: string): ColumnRule | null {
  const s = code.replace(/[\s()]/g, '').replace(/[−–]/g, '-');
  const m = /^([A-Za-z0-9.]+)=([+-]?[A-Za-z0-9.]+(?:[+-][A-Za-z0-9.]+)*)$/.exec(s);
  if (!m) return null;
  const terms: ColumnRule['terms'] = [];
  const re = /([+-]?)([A-Za-z0-9.]+)/g;
  let t: RegExpExecArray | null;
  while ((t = re.exec(m[2]))) terms.push({ sign: t[1] === '-' ? -1 : 1, code: t[2] });
  return { text: code.trim(), target: m[1], terms };
}
