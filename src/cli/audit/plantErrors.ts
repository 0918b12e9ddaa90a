/**
 * Error planting over the hand-audited corpus: in every audited table, item figures are changed
 * one at a time (by a fifth, or one digit of the hundreds or above: never a gap rounding explains),
 * the sheet read and checked again, and the error findings compared with the unchanged sheet's.
 * Measures how many planted errors the checks find on the rules the tables state or mean.
 */
import '../../io/sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readdirSync, readFileSync } from 'node:fs';
import { checkWorkbook } from '../check';
import { columnLetter } from '../../domain/columns';
import type { RawGrid } from '../../io/appendix/grid';
import { readGrids } from '../../io/readPlan';
import { gridsFromWorkbook } from '../../io/sheets';

export interface SheetAudit {
  sheet: string;
  table: boolean;
  data?: { first: number; last: number };
  totals?: number[];
  sections?: number[];
  ofWhich?: number[];
  ignored?: number[];
  columns?: Record<string, string>;
}

export interface Planting {
  planted: number;
  found: number;
  /** `file sheet cell old -> new` of each planted error no new error finding answered. */
  missed: string[];
}

export const colIndex = (l: string) =>
  [...l].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The cells of a grid's error findings (`row N` for a finding without a cell). */
export function errorsOf(name: string, grid: RawGrid): Set<string> {
  const r = checkWorkbook(name, readGrids(name, [grid]));
  return new Set(
    r.sheets.flatMap((s) =>
      s.findings.filter((f) => f.severity === 'error').map((f) => f.cell ?? `row ${f.row}`),
    ),
  );
}

/** A changed figure: by a fifth (at least 100), or one digit of the hundreds or above. */
function planted(v: number, rand: () => number): number {
  if (rand() < 0.5) return v + Math.max(Math.round(Math.abs(v) * 0.2), 100);
  const digits = Math.floor(Math.log10(Math.abs(v)));
  const k = 2 + Math.floor(rand() * Math.max(1, digits - 1));
  const d = Math.floor(Math.abs(v) / 10 ** k) % 10;
  return v + ((d + 1 + Math.floor(rand() * 8)) % 10) * 10 ** k - d * 10 ** k || v + 10 ** k;
}

/**
 * Plants `perSheet` errors in each audited table of `fixtures/mof` (audits in `fixtures/audits`),
 * choosing item figures of amount columns with a fixed seed.
 */
/** Where an audited sheet can take a planted error: lines to skip, amount columns (0-based). */
export function plantable(a: Omit<SheetAudit, 'sheet' | 'table'>): {
  skip: Set<number>;
  cols: number[];
} {
  const skip = new Set([
    ...(a.totals ?? []),
    ...(a.sections ?? []),
    ...(a.ofWhich ?? []),
    ...(a.ignored ?? []),
  ]);
  const cols = Object.entries(a.columns ?? {})
    .filter(([, k]) => k === 'amount')
    .map(([c]) => colIndex(c));
  return { skip, cols };
}

/** A seeded pseudo-random generator in [0, 1) (the same plantings run after run). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** An audited table of `fixtures/mof` and its grid as read (each workbook read once). */
export interface AuditedTable {
  file: string;
  a: SheetAudit & { data: { first: number; last: number }; columns: Record<string, string> };
  grid: RawGrid;
}

/** Every audited table (a table with its data lines and columns audited) of the corpus. */
export function* auditedTables(): Generator<AuditedTable> {
  for (const f of readdirSync('fixtures/audits').filter((x) => x.endsWith('.json'))) {
    const audit = JSON.parse(readFileSync(`fixtures/audits/${f}`, 'utf8'));
    const grids = gridsFromWorkbook(readFileSync(`fixtures/mof/${audit.file}`));
    for (const a of audit.sheets as SheetAudit[]) {
      const grid = grids.find((g) => g.name === a.sheet);
      if (a.table && a.data && a.columns && grid)
        yield { file: audit.file, a: a as AuditedTable['a'], grid };
    }
  }
}

/**
 * Plants `v` in cell (r, c) of a table's grid, reads and checks it again, and counts it found
 * when an error finding the unchanged sheet (`base`) did not have answers it.
 */
export function plantOne(
  out: Planting,
  t: AuditedTable,
  base: Set<string>,
  r: number,
  c: number,
  v: number,
): void {
  const cell = t.grid.rows[r][c];
  const rows = t.grid.rows.slice();
  rows[r] = rows[r].slice();
  rows[r][c] = { ...cell, value: v, text: String(v) };
  const fresh = [...errorsOf(t.a.sheet, { ...t.grid, rows })].filter((x) => !base.has(x));
  out.planted++;
  if (fresh.length) out.found++;
  else
    out.missed.push(
      `${t.file} ${t.a.sheet} ${columnLetter(c)}${t.grid.lineOf[r]} ${cell.value as number} -> ${v}`,
    );
}

export function plantErrors(perSheet: number, seed = 7): Planting {
  const rand = seeded(seed);
  const out: Planting = { planted: 0, found: 0, missed: [] };
  for (const t of auditedTables()) {
    const { a, grid } = t;
    const base = errorsOf(a.sheet, grid);
    const { skip, cols } = plantable(a);
    const candidates: [number, number][] = [];
    for (let line = a.data.first; line <= a.data.last; line++) {
      const r = grid.lineOf.indexOf(line);
      if (skip.has(line) || r < 0) continue;
      for (const c of cols) {
        const v = grid.rows[r]?.[c]?.value;
        if (typeof v === 'number' && Math.abs(v) >= 100) candidates.push([r, c]);
      }
    }
    for (let k = 0; k < perSheet && candidates.length; k++) {
      const [r, c] = candidates.splice(Math.floor(rand() * candidates.length), 1)[0];
      plantOne(out, t, base, r, c, planted(grid.rows[r][c].value as number, rand));
    }
  }
  return out;
}
