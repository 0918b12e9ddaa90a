/**
 * Bringing an appendix's data sheet from one state of the model to the next, given what changed
 * (`SheetDelta`): cell writes in blocks, or row operations (remove, move, add) followed by the
 * rows' contents and the formulas the tree derives. The model is the truth: every formula the
 * model holds is what the engine holds afterwards.
 */
import type { ExportedChange, HyperFormula } from 'hyperformula';
import type { SheetDelta } from '../domain/delta';
import { indexOfRows } from '../domain/rowIndex';
import type { Id, Row } from '../domain/types';
import { formulaRefs } from '../domain/formulaRefs';
import { derivedToCheck } from './derivedChecks';
import { reorderRows, runs } from './rowOps';
import {
  derivedCells,
  type FormulaFix,
  inputColumn,
  inputContent,
  type RawContent,
  rowContents,
  type SheetLayout,
} from './layout';

/** One engine cell written for a model cell. */
export interface CellWrite {
  row: number;
  col: number;
  content: RawContent;
  rowId: Id;
  colId: Id;
  /** A formula whose reference to a removed row became `#REF!` (rows removed, not typed). */
  followed?: boolean;
}

/** Whether a new content is an old formula whose reference lost its row (`#REF!`). */
export function lostRow(before: unknown, after: unknown): boolean {
  return (
    typeof after === 'string' &&
    after.includes('#REF!') &&
    !(typeof before === 'string' && before.includes('#REF!'))
  );
}

/** Whether a sheet delta changes the rows' tree (order, membership, level or kind). */
export function isStructural(d: SheetDelta): boolean {
  return (
    !!d.order ||
    d.rows.some(
      (r) =>
        !r.before || !r.after || r.before.kind !== r.after.kind || r.before.level !== r.after.level,
    )
  );
}

/**
 * A formula naming a sheet that is not in the engine is written as `=#REF!` (the model keeps its
 * text): the engine then never holds a reference to a missing sheet, which it mis-evaluates once
 * rows move. Adding the sheet writes the formula again.
 */
export function missingSheets(exists: (name: string) => boolean): FormulaFix {
  return (f) =>
    f.includes('!') && formulaRefs(f).some((r) => r.sheet !== undefined && !exists(r.sheet))
      ? '=#REF!'
      : f;
}

/** The engine cells whose model content changed between two versions of a row at index `row`. */
export function rowWrites(
  l: SheetLayout,
  before: Row,
  after: Row,
  row: number,
  fix?: FormulaFix,
): CellWrite[] {
  const out: CellWrite[] = [];
  const was = before.cells;
  const is = after.cells;
  const write = (k: Id) => {
    const a = was[k] ?? null;
    const b = is[k] ?? null;
    if (a === b) return;
    const col = inputColumn(l, after, k);
    if (col === undefined) return;
    const w: CellWrite = { row, col, content: inputContent(b, fix), rowId: after.id, colId: k };
    if (lostRow(a, b)) w.followed = true;
    out.push(w);
  };
  // the keys of both versions, the old ones first (no set of keys built per row: a paste of
  // 1,000 rows built 1,000)
  for (const k in was) if (Object.hasOwn(was, k)) write(k);
  for (const k in is) if (Object.hasOwn(is, k) && !Object.hasOwn(was, k)) write(k);
  return out;
}

/**
 * Writes cells in one batch, one block per row, and consecutive rows written over the same columns
 * as one rectangle (a paste of 1,000 rows is a few dozen writes, not a thousand: the engine is far
 * faster on blocks than on single cells).
 */
export function writeBlocks(
  hf: HyperFormula,
  sheet: number,
  writes: readonly { row: number; col: number; content: RawContent }[],
): ExportedChange[] {
  const blocks = blocksOf(
    writes,
    (row, col) => (hf.getCellSerialized({ sheet, row, col }) ?? null) as RawContent,
  );
  return hf.batch(() => {
    for (const b of blocks) hf.setCellContents({ sheet, row: b.row, col: b.col }, b.values);
  });
}

/**
 * The rectangles writeBlocks writes: per row its written columns from the first to the last (a
 * column between them not written keeps what the engine holds, `held`), consecutive rows over the
 * same columns as one.
 */
function blocksOf(
  writes: readonly { row: number; col: number; content: RawContent }[],
  held: (row: number, col: number) => RawContent,
): { row: number; col: number; values: RawContent[][] }[] {
  const byRow = new Map<number, Map<number, RawContent>>();
  for (const w of writes) {
    let m = byRow.get(w.row);
    if (!m) byRow.set(w.row, (m = new Map()));
    m.set(w.col, w.content);
  }
  const blocks: { row: number; col: number; c1: number; values: RawContent[][] }[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const m = byRow.get(row)!;
    const cols = [...m.keys()];
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    const values: RawContent[] = [];
    for (let c = c0; c <= c1; c++) values.push(m.has(c) ? m.get(c)! : held(row, c));
    const last = blocks[blocks.length - 1];
    if (last && last.col === c0 && last.c1 === c1 && last.row + last.values.length === row)
      last.values.push(values);
    else blocks.push({ row, col: c0, c1, values: [values] });
  }
  return blocks;
}

/**
 * The non-blank runs of cells of rows (ascending), consecutive rows with a run over the same
 * columns as one rectangle.
 */
export function nonBlankBlocks(
  rows: readonly { row: number; contents: readonly RawContent[] }[],
): { row: number; col: number; values: RawContent[][] }[] {
  const out: { row: number; col: number; values: RawContent[][] }[] = [];
  let open = new Map<string, (typeof out)[number]>();
  let prev = -2;
  for (const { row, contents } of [...rows].sort((a, b) => a.row - b.row)) {
    const next = new Map<string, (typeof out)[number]>();
    for (let c = 0; c < contents.length; c++) {
      if (contents[c] === null) continue;
      let e = c;
      while (e + 1 < contents.length && contents[e + 1] !== null) e++;
      const key = `${c}:${e}`;
      const values = contents.slice(c, e + 1);
      const b = row === prev + 1 ? open.get(key) : undefined;
      if (b) b.values.push(values);
      else out.push({ row, col: c, values: [values] });
      next.set(key, b ?? out[out.length - 1]);
      c = e;
    }
    open = next;
    prev = row;
  }
  return out;
}

/** The row's engine contents, without the unit view's helper column (the views keep it). */
export function rowInputs(
  l: SheetLayout,
  rows: readonly Row[],
  i: number,
  fix?: FormulaFix,
): RawContent[] {
  return rowContents(l, rows, i, fix).slice(0, l.unitCol);
}

/** Whether a row kept what places its cells in the engine (kind, level, part, totals, rule). */
function sameShape(a: Row, b: Row): boolean {
  return (
    a.kind === b.kind &&
    a.level === b.level &&
    a.part === b.part &&
    a.totalSource === b.totalSource &&
    a.rule === b.rule
  );
}

/**
 * After a structural change (`before`: the rows the engine held): the rows the delta changed or
 * added are written whole (those that kept their shape: only their changed cells); every other
 * formula cell (derived or the user's) that the row operations left different from the model is
 * rewritten (of the derived ones, those the step may have changed: derivedChecks.ts). `formulas`
 * false: no row holds a formula of the user's (the engine knows: leanTexts.ts), so only the
 * derived ones named are looked at, not every row's cells (100,000 rows walked per step).
 */
export function restructure(
  hf: HyperFormula,
  sheet: number,
  l: SheetLayout,
  d: SheetDelta,
  rows: readonly Row[],
  before: readonly Row[],
  fix?: FormulaFix,
  formulas = true,
): ExportedChange[] {
  const index = indexOfRows(rows);
  const written = new Set<Id>();
  const first = hf.batch(() => {
    if (d.order) reorderRows(hf, sheet, d.order.before, d.order.after);
    const at: number[] = [];
    const cells: CellWrite[] = [];
    const added: { row: number; contents: RawContent[] }[] = [];
    for (const ch of d.rows) {
      if (!ch.after) continue;
      // a row the row operations just added is empty: only its non-blank cells are written (a
      // blank written there changes nothing but costs the engine a change per cell)
      if (!ch.before && d.order) {
        const i = index.get(ch.id)!;
        added.push({ row: i, contents: rowInputs(l, rows, i, fix) });
        written.add(ch.id);
        continue;
      }
      // a row that kept its shape (renumbered, say) gets only its changed cells; its derived
      // cells are checked below with the rows not written
      if (ch.before && sameShape(ch.before, ch.after)) {
        cells.push(...rowWrites(l, ch.before, ch.after, index.get(ch.id)!, fix));
        continue;
      }
      at.push(index.get(ch.id)!);
      written.add(ch.id);
    }
    for (const w of cells) hf.setCellContents({ sheet, row: w.row, col: w.col }, [[w.content]]);
    // one write per run of consecutive rows (a pasted block of new rows is one write)
    for (const [start, count] of runs(at.sort((a, b) => a - b))) {
      const block: RawContent[][] = [];
      for (let i = start; i < start + count; i++) block.push(rowInputs(l, rows, i, fix));
      hf.setCellContents({ sheet, row: start, col: 0 }, block);
    }
    for (const b of nonBlankBlocks(added))
      hf.setCellContents({ sheet, row: b.row, col: b.col }, b.values);
  });
  const fixes: { row: number; col: number; content: RawContent }[] = [];
  // only the sections whose children the step touched (derivedChecks.ts)
  const check = derivedToCheck(d, before, rows, index);
  const visit = (r: Row, i: number) => {
    if (written.has(r.id)) return;
    if (r.kind !== 'project' && (!check || check.has(r.id)))
      for (const [col, want] of derivedCells(l, rows, i))
        fixes.push({ row: i, col, content: want });
    if (!d.order || !formulas) return;
    // for…in, not Object.entries: no array per row and cell (every row of the sheet)
    for (const k in r.cells) {
      const v = r.cells[k];
      if (typeof v !== 'string' || !v.startsWith('=')) continue;
      const col = inputColumn(l, r, k);
      if (col !== undefined) fixes.push({ row: i, col, content: fix ? fix(v) : v });
    }
  };
  // every row only when its formulas of the user's are looked at, else the rows named (in order)
  if (!check || (d.order && formulas)) rows.forEach(visit);
  else for (const i of namedRows(check, index)) visit(rows[i], i);
  const stale = fixes.filter(
    (f) => (hf.getCellSerialized({ sheet, row: f.row, col: f.col }) ?? null) !== f.content,
  );
  if (!stale.length) return first;
  return [
    ...first,
    ...hf.batch(() => {
      for (const f of stale) hf.setCellContents({ sheet, row: f.row, col: f.col }, [[f.content]]);
    }),
  ];
}

/** The indexes of the rows named (`ids`, those the rows hold), ascending. */
function namedRows(ids: ReadonlySet<Id>, index: ReadonlyMap<Id, number>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i !== undefined) out.push(i);
  }
  return out.sort((a, b) => a - b);
}
