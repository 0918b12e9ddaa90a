/**
 * Formulas saved without their cached values (files written by web systems and libraries:
 * `<c r="C7"><f>SUM(C8:C20)</f></c>`, no `<v>`): the figure is what the formula says, computed
 * here from the sheet's own cells (sums, `SUBTOTAL(9, …)`, `+ - * /`, parentheses). Such a figure
 * is no stated figure that could disagree with its formula: it is read as the formula gives it, and
 * the user is told. A formula this cannot compute (another sheet, another function) is left empty.
 */
import { colIndex } from '../../domain/formulaRefs';
import type { RawCell, RawGrid } from './grid';
import { isErrorValue } from './rowKinds';

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})/;

/** The grid with its value-less formulas computed (when they can be), and where they were. */
export function withFormulaValues(g: RawGrid): { grid: RawGrid; cells: [number, number][] } {
  const cells: [number, number][] = [];
  g.rows.forEach((row, r) =>
    row.forEach((c, k) => c?.formula && c.value == null && !c.text && cells.push([r, k])),
  );
  if (!cells.length) return { grid: g, cells };
  const rowAt = new Map(g.lineOf.map((l, i) => [l, i]));
  const done = new Map<string, number | null>();
  const value = (r: number, k: number): number | null => {
    const c = g.rows[r]?.[k];
    if (!c) return 0;
    if (typeof c.value === 'number') return isErrorValue(c.text) ? null : c.value;
    if (!c.formula || c.text || c.value != null) return isErrorValue(c.text) ? null : 0;
    const key = `${r},${k}`;
    if (done.has(key)) return done.get(key)!; // (a circular one: null, set below first)
    done.set(key, null);
    const x = evaluate(c.formula, (line, col) => {
      const at = rowAt.get(line);
      return at === undefined ? 0 : value(at, col);
    });
    done.set(key, x);
    return x;
  };
  const rows = g.rows.slice();
  const computed: [number, number][] = [];
  for (const [r, k] of cells) {
    const x = value(r, k);
    if (x === null) continue;
    if (rows[r] === g.rows[r]) rows[r] = g.rows[r].slice();
    rows[r][k] = { ...g.rows[r][k], text: String(x), value: x } satisfies RawCell;
    computed.push([r, k]);
  }
  return { grid: computed.length ? { ...g, rows } : g, cells: computed };
}

/** A formula's value, cells read by `at(line, col)` (1-based line, 0-based column); null: not computed. */
export function evaluate(
  formula: string,
  at: (line: number, col: number) => number | null,
): number | null {
  const s = formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  let i = 0;
  const fail = () => {
    throw new Error('formula');
  };
  const ref = (): [number, number] | null => {
    const m = REF.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    return [Number(m[2]), colIndex(m[1])];
  };
  const cell = ([l, c]: [number, number]) => at(l, c) ?? fail();
  const sumArgs = (subtotal: boolean): number => {
    let total = 0;
    let first = true;
    while (s[i] !== ')') {
      const a = ref();
      if (a && s[i] === ':') {
        i++;
        const b = ref() ?? fail();
        for (let l = Math.min(a[0], b[0]); l <= Math.max(a[0], b[0]); l++)
          for (let c = Math.min(a[1], b[1]); c <= Math.max(a[1], b[1]); c++) total += cell([l, c]);
      } else {
        const x = a ? rest(cell(a)) : expr();
        if (subtotal && first) {
          if (x !== 9 && x !== 109) fail();
        } else total += x;
      }
      first = false;
      if (s[i] === ',' || s[i] === ';') i++;
      else if (s[i] !== ')') fail();
    }
    i++;
    return total;
  };
  const factor = (): number => {
    if (s[i] === '-' || s[i] === '+') return s[i++] === '-' ? -factor() : factor();
    if (s[i] === '(') {
      i++;
      const x = expr();
      if (s[i++] !== ')') fail();
      return x;
    }
    const fn = /^(SUM|SUBTOTAL)\(/.exec(s.slice(i));
    if (fn) {
      i += fn[0].length;
      return sumArgs(fn[1] === 'SUBTOTAL');
    }
    const n = /^\d+(\.\d+)?(E[-+]?\d+)?/.exec(s.slice(i));
    if (n && !REF.test(s.slice(i))) {
      i += n[0].length;
      return Number(n[0]);
    }
    return cell(ref() ?? fail());
  };
  // the operators after a first factor already read
  function rest(first: number): number {
    let x = first;
    while (s[i] === '*' || s[i] === '/') x = s[i++] === '*' ? x * factor() : x / factor();
    while (s[i] === '+' || s[i] === '-') x = s[i++] === '+' ? x + term() : x - term();
    return x;
  }
  function term(): number {
    let x = factor();
    while (s[i] === '*' || s[i] === '/') x = s[i++] === '*' ? x * factor() : x / factor();
    return x;
  }
  function expr(): number {
    let x = term();
    while (s[i] === '+' || s[i] === '-') x = s[i++] === '+' ? x + term() : x - term();
    return x;
  }
  try {
    const x = expr();
    return i === s.length && Number.isFinite(x) ? x : null;
  } catch {
    return null;
  }
}
