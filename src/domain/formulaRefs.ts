/**
 * The references of a formula (A1 style, as the engine and Excel write them): where they are in the
 * text, which sheet they name, and which rows and columns they cover. Used to keep formulas pointing
 * at the same rows when rows are inserted, deleted or moved, and to find what a formula reads.
 */

/** One reference: a cell (`E5`), a range (`E2:E9`), whole columns (`E:G`) or whole rows (`2:5`). */
export interface FormulaRef {
  /** Position of the reference in the formula text (the sheet prefix included). */
  start: number;
  end: number;
  /** The sheet named before `!`, unquoted; undefined for the formula's own sheet. */
  sheet?: string;
  /** The sheet prefix as written (`'Phụ lục 2'!`), or ''. */
  prefix: string;
  /** 0-based rows and columns; null where the reference spans every row or every column. */
  r0: number | null;
  r1: number | null;
  c0: number | null;
  c1: number | null;
  /** Whether each part is absolute (`$`). */
  abs: { r0: boolean; r1: boolean; c0: boolean; c1: boolean };
}

/** A column's 0-based index from its letters (`A` → 0, `AA` → 26), either case. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const COL = /(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])/y;
const ROW = /(\$?)(\d{1,7})(?![0-9.])/y;

interface Part {
  end: number;
  c: number | null;
  r: number | null;
  ac: boolean;
  ar: boolean;
}

/** A cell, column or row reference starting at i (kind decides which are allowed). */
function partAt(f: string, i: number, kind: 'cell' | 'col' | 'row'): Part | null {
  const re = kind === 'cell' ? CELL : kind === 'col' ? COL : ROW;
  re.lastIndex = i;
  const m = re.exec(f);
  if (!m) return null;
  if (kind === 'cell') {
    const next = f[re.lastIndex] ?? '';
    if (/[A-Za-z0-9_(!.]/.test(next)) return null;
    return { end: re.lastIndex, c: colIndex(m[2]), r: Number(m[4]) - 1, ac: !!m[1], ar: !!m[3] };
  }
  if (kind === 'col')
    return { end: re.lastIndex, c: colIndex(m[2]), r: null, ac: !!m[1], ar: false };
  return { end: re.lastIndex, c: null, r: Number(m[2]) - 1, ac: false, ar: !!m[1] };
}

/** The sheet prefix at i (`Sheet2!`, `'Phụ lục'!`), or null. */
function sheetAt(f: string, i: number): { end: number; name: string } | null {
  if (f[i] === "'") {
    let j = i + 1;
    let name = '';
    while (j < f.length) {
      if (f[j] === "'" && f[j + 1] === "'") {
        name += "'";
        j += 2;
      } else if (f[j] === "'") break;
      else name += f[j++];
    }
    return f[j + 1] === '!' ? { end: j + 2, name } : null;
  }
  const m = /[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*!/y;
  m.lastIndex = i;
  const r = m.exec(f);
  return r ? { end: m.lastIndex, name: r[0].slice(0, -1) } : null;
}

/** A reference (with its sheet prefix) starting at i, or null. */
function refAt(f: string, i: number): FormulaRef | null {
  const sh = sheetAt(f, i);
  const at = sh ? sh.end : i;
  for (const kind of ['cell', 'col', 'row'] as const) {
    const a = partAt(f, at, kind);
    if (!a) continue;
    let b: Part | null = null;
    if (f[a.end] === ':') {
      const after = sheetAt(f, a.end + 1);
      b = partAt(f, after ? after.end : a.end + 1, kind);
    }
    if (kind !== 'cell' && !b) continue; // `E` alone is a name, `5` alone a number
    const end = b ? b.end : a.end;
    const lo = (x: number | null, y: number | null) =>
      x === null || y === null ? x : Math.min(x, y);
    const hi = (x: number | null, y: number | null) =>
      x === null || y === null ? x : Math.max(x, y);
    return {
      start: i,
      end,
      sheet: sh?.name,
      prefix: sh ? f.slice(i, sh.end) : '',
      r0: b ? lo(a.r, b.r) : a.r,
      r1: b ? hi(a.r, b.r) : a.r,
      c0: b ? lo(a.c, b.c) : a.c,
      c1: b ? hi(a.c, b.c) : a.c,
      abs: { r0: a.ar, r1: (b ?? a).ar, c0: a.ac, c1: (b ?? a).ac },
    };
  }
  return null;
}

/** Every reference of a formula, in text order (texts in double quotes are skipped). */
export function formulaRefs(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  if (!formula.startsWith('=')) return out;
  let i = 1;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"'))
        j += formula[j] === '"' ? 2 : 1;
      i = j + 1;
      continue;
    }
    const prev = formula[i - 1];
    if (!/[A-Za-z0-9_.$\u00c0-\uffff]/.test(prev)) {
      const r = refAt(formula, i);
      if (r) {
        out.push(r);
        i = r.end;
        continue;
      }
    }
    if (/[A-Za-z_\u00c0-\uffff]/.test(ch) || /[0-9]/.test(ch)) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.\u00c0-\uffff]/.test(formula[j])) j++;
      i = Math.max(j, i + 1);
      continue;
    }
    i++;
  }
  return out;
}

/** Whether a formula reads cells through functions whose references are computed (INDIRECT, OFFSET). */
export function hasDynamicRefs(formula: string): boolean {
  return /\b(INDIRECT|OFFSET)\s*\(/i.test(formula);
}

function rowText(r: number, abs: boolean): string {
  return `${abs ? '$' : ''}${r + 1}`;
}

function colText(c: number, abs: boolean): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const k = (n - 1) % 26;
    s = String.fromCharCode(65 + k) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${abs ? '$' : ''}${s}`;
}

/** The text of a reference with new rows (columns and `$` kept). */
function writeRef(ref: FormulaRef, r0: number | null, r1: number | null): string {
  const cell = (c: number | null, r: number | null, ac: boolean, ar: boolean) =>
    `${c === null ? '' : colText(c, ac)}${r === null ? '' : rowText(r, ar)}`;
  const a = cell(ref.c0, r0, ref.abs.c0, ref.abs.r0);
  const single = ref.r0 === ref.r1 && ref.c0 === ref.c1 && ref.c0 !== null && ref.r0 !== null;
  if (single && r0 === r1) return ref.prefix + a;
  return `${ref.prefix}${a}:${cell(ref.c1, r1, ref.abs.c1, ref.abs.r1)}`;
}

/**
 * The formula with each reference `refs` holds rewritten through `map` (old 0-based index of a row
 * or column → new, or null when gone) on the axis `span` reads: a single gone index becomes
 * `#REF!`; a range keeps what remains of it (`#REF!` when nothing does), written by `write`.
 */
export function remapReferences(
  formula: string,
  refs: readonly FormulaRef[],
  span: (ref: FormulaRef) => [number, number],
  map: (x: number) => number | null,
  write: (ref: FormulaRef, lo: number, hi: number) => string,
): string {
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += formula.slice(at, ref.start);
    at = ref.end;
    const [a, b] = span(ref);
    let lo: number | null = null;
    let hi: number | null = null;
    for (let x = a; x <= b && lo === null; x++) lo = map(x);
    for (let x = b; x >= a && hi === null; x--) hi = map(x);
    if (lo === null || hi === null || (a === b && map(a) === null)) out += '#REF!';
    else if (Math.min(lo, hi) === a && Math.max(lo, hi) === b)
      out += formula.slice(ref.start, ref.end);
    else out += write(ref, Math.min(lo, hi), Math.max(lo, hi));
  }
  return out + formula.slice(at);
}

/**
 * Rewrites the row part of the formula's references to one sheet (by default its own: the
 * unqualified ones; `which` picks others by the sheet they name) through `map` (old 0-based row → new row, or null when the row is gone). A single reference to a gone
 * row becomes `#REF!`; a range keeps the rows of it that remain (`#REF!` when none does).
 */
export function remapFormulaRows(
  formula: string,
  map: (row: number) => number | null,
  which: (sheet: string | undefined) => boolean = (sheet) => sheet === undefined,
): string {
  const refs = formulaRefs(formula).filter((r) => r.r0 !== null && which(r.sheet));
  if (!refs.length) return formula;
  return remapReferences(formula, refs, (r) => [r.r0!, r.r1!], map, writeRef);
}

/** Where the cells a formula names stand in a written file: rows further down, another name. */
export interface Placement {
  /** Rows above the sheet's first row in the file (a title block, a header). */
  dRow: number;
  /** The sheet's name in the file, when it differs (quoted as needed). */
  name?: string;
  /** Where each column stands in the file (0-based), when columns are left out there. */
  col?: (c: number) => number;
}

/** A sheet name as a formula writes it (quoted unless it is a plain identifier). */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * A formula as written in a file where each sheet stands elsewhere: every reference moved by its
 * sheet's rows above (`place(undefined)` for the formula's own sheet), and named as the sheet is
 * in the file. References to sheets `place` does not know are left as they are; one moved above
 * the first row (a negative `dRow`, reading a file back) becomes `#REF!`.
 */
export function placeFormula(
  formula: string,
  place: (sheet: string | undefined) => Placement | null,
): string {
  const refs = formulaRefs(formula);
  if (!refs.length) return formula;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += formula.slice(at, ref.start);
    at = ref.end;
    const p = place(ref.sheet);
    if (!p || (p.dRow === 0 && p.name === undefined && !p.col)) {
      out += formula.slice(ref.start, ref.end);
      continue;
    }
    const moved = { ...ref, prefix: p.name !== undefined ? sheetPrefix(p.name) : ref.prefix };
    if (p.col) {
      if (ref.c0 !== null) moved.c0 = p.col(ref.c0);
      if (ref.c1 !== null) moved.c1 = p.col(ref.c1);
    }
    const r0 = ref.r0 === null ? null : ref.r0 + p.dRow;
    const r1 = ref.r1 === null ? null : ref.r1 + p.dRow;
    // moved above the sheet's first row (read back from a file's title rows): no such cell
    out += (r0 ?? 0) < 0 || (r1 ?? 0) < 0 ? '#REF!' : writeRef(moved, r0, r1);
  }
  return out + formula.slice(at);
}
