/**
 * Formulas saved without their cached values (files written by web systems and libraries that
 * never calculate, openpyxl: `<c r="C7"><f>SUM(C8:C20)</f></c>`, no `<v>`): the figure is what the
 * formula says, computed here as a spreadsheet would from the workbook's cells, its own sheet's and
 * the other sheets' it names (`'M01+'!D11`, `M04!E16:E20`): sums, `SUBTOTAL(9, …)`, `+ - * /`,
 * parentheses, a plain reference to a text (a title copied from another sheet). Such a figure is no
 * stated figure that could disagree with its formula: it is read as the formula gives it, and the
 * user is told. A formula this cannot compute (another function, another workbook, a sheet the file
 * lacks, text in arithmetic) is left empty and said to be so: no value is ever guessed.
 */
import { colIndex } from '../../domain/formulaRefs';
import type { RawCell, RawGrid } from './grid';
import { isErrorValue } from './rowKinds';

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})/;
/** A sheet prefix (`'M01+'!`, `M04!`); a workbook's (`[1]M01!`) is none: not computed. */
const SHEET = /^(?:'((?:[^']|'')+)'|([^\s'!:()+\-*/,;[\]]+))!/;

/** A cell's value to a formula; `inSum`: inside a `SUM` (text there counts as nothing). */
type At = (line: number, col: number, sheet?: string, inSum?: boolean) => number | null;

const key = (name: string) => name.replace(/\s+/g, '').toUpperCase();

/** Whether a cell is a formula saved without its value (not yet computed here). */
const unvalued = (c: RawCell | undefined) =>
  !!c?.formula && c.value == null && !c.text && !c.noValue;

/**
 * The workbook's sheets with their value-less formulas computed (marked `noValue: 'computed'`),
 * those that cannot be marked `noValue: 'unknown'` and left empty. Sheets without any are kept.
 */
export function withBookFormulaValues(grids: RawGrid[]): RawGrid[] {
  if (!grids.some((g) => g.rows.some((row) => row.some(unvalued)))) return grids;
  const bySheet = new Map(grids.map((g, i) => [key(g.name), i]));
  const rowAts = grids.map((g) => new Map(g.lineOf.map((l, i) => [l, i])));
  const done = new Map<string, number | string | null>();
  // a cell's value (a number, the text of a text cell, null: not known)
  const value = (gi: number, r: number, k: number): number | string | null => {
    const c = grids[gi].rows[r]?.[k];
    if (!c) return 0;
    if (isErrorValue(c.text)) return null;
    if (typeof c.value === 'number') return c.value;
    if (!unvalued(c)) return c.text.trim() ? c.text : 0;
    const at = `${gi},${r},${k}`;
    if (done.has(at)) return done.get(at)!; // (a circular one: null, set below first)
    done.set(at, null);
    const look: Look = (line, col, sheet) => {
      const gj = sheet === undefined ? gi : bySheet.get(key(sheet));
      if (gj === undefined) return null;
      const row = rowAts[gj].get(line);
      return row === undefined ? 0 : value(gj, row, col);
    };
    const x = evaluateCell(c.formula!, k, look);
    done.set(at, x);
    return x;
  };
  return grids.map((g, gi) => {
    let rows: RawCell[][] | null = null;
    g.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (!unvalued(c)) return;
        const x = value(gi, r, k);
        rows ??= g.rows.slice();
        if (rows[r] === g.rows[r]) rows[r] = g.rows[r].slice();
        rows[r][k] =
          x === null
            ? { ...c, noValue: 'unknown' }
            : { ...c, text: String(x), value: x, noValue: 'computed' };
      }),
    );
    return rows ? { ...g, rows } : g;
  });
}

/**
 * The grid with its value-less formulas computed from its own cells (when they can be; another
 * sheet's are not known here: see withBookFormulaValues), and where they were computed.
 */
export function withFormulaValues(g: RawGrid): { grid: RawGrid; cells: [number, number][] } {
  const grid = withBookFormulaValues([g])[0];
  return { grid, cells: formulaNotes(grid).computed };
}

/** The formula cells of a grid saved without values: those computed here, those not computable. */
export function formulaNotes(g: RawGrid): {
  computed: [number, number][];
  unknown: [number, number][];
} {
  const out = { computed: [] as [number, number][], unknown: [] as [number, number][] };
  g.rows.forEach((row, r) => row.forEach((c, k) => c?.noValue && out[c.noValue].push([r, k])));
  return out;
}

/** A referenced cell's value: a number, a text, null (not known). */
type Look = (line: number, col: number, sheet?: string) => number | string | null;

const ONE =
  /^[=+]*((?:'(?:[^']|'')+'|[^\s'!:()+\-*/,;[\]]+)!)?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i;

/**
 * A formula's value in the cell of column `col` (0-based): a number, or a text when the formula is
 * one reference to a text cell (`=+'M02+'!A5`; a range of one row read where it meets the cell's
 * column, as a spreadsheet does: `=+'M02+'!A4:D4` in A4); null: not computed.
 */
function evaluateCell(formula: string, col: number, look: Look): number | string | null {
  const one = ONE.exec(formula.trim());
  if (one) {
    const sheet = one[1] ? sheetName(one[1]) : undefined;
    const [line, c0] = [Number(one[3]), colIndex(one[2])];
    if (!one[4]) return look(line, c0, sheet);
    const c1 = colIndex(one[4]);
    const inside = col >= Math.min(c0, c1) && col <= Math.max(c0, c1);
    return Number(one[5]) === line && inside ? look(line, col, sheet) : null;
  }
  return evaluate(formula, (line, c, sheet, inSum) => {
    const v = look(line, c, sheet);
    return typeof v === 'string' ? (inSum ? 0 : null) : v;
  });
}

/** The sheet's name of a prefix as written (`'M01+'!` → `M01+`). */
const sheetName = (prefix: string) =>
  prefix
    .slice(0, -1)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");

/**
 * A formula's value, cells read by `at(line, col, sheet, inSum)` (1-based line, 0-based column, the
 * sheet named before `!` or undefined for the formula's own); null: not computed.
 */
export function evaluate(formula: string, at: At): number | null {
  const s = formula
    .replace(/^=/, '')
    .replace(/'(?:[^']|'')+'|\s+/g, (x) => (x.startsWith("'") ? x : ''))
    .toUpperCase();
  let i = 0;
  const fail = () => {
    throw new Error('formula');
  };
  // a reference, its sheet prefix read first (`'M01+'!D11`); `sheet`: the range's, after `:`
  const ref = (sheet?: string): [number, number, string | undefined] | null => {
    const p = SHEET.exec(s.slice(i));
    const m = REF.exec(s.slice(i + (p ? p[0].length : 0)));
    if (!m) return null;
    i += (p ? p[0].length : 0) + m[0].length;
    const name = p ? (p[1] !== undefined ? p[1].replace(/''/g, "'") : p[2]) : sheet;
    return [Number(m[2]), colIndex(m[1]), name];
  };
  const cell = ([l, c, sh]: [number, number, string | undefined], inSum = false) =>
    at(l, c, sh, inSum) ?? fail();
  const sumArgs = (subtotal: boolean): number => {
    let total = 0;
    let first = true;
    while (s[i] !== ')') {
      const a = ref();
      if (a && s[i] === ':') {
        i++;
        const b = ref(a[2]) ?? fail();
        if (b[2] !== a[2]) fail(); // (a 3-D range across sheets: not computed)
        for (let l = Math.min(a[0], b[0]); l <= Math.max(a[0], b[0]); l++)
          for (let c = Math.min(a[1], b[1]); c <= Math.max(a[1], b[1]); c++)
            total += cell([l, c, a[2]], true);
      } else {
        const x = a && !/^[-+*/]/.test(s.slice(i)) ? cell(a, true) : a ? rest(cell(a)) : expr();
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
    const r = ref() ?? fail();
    if (s[i] === ':') fail(); // (a range outside a sum: not computed)
    return cell(r);
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
