/**
 * Comparing two versions of a plan (revisions, or files a department sent): projects matched, added
 * and removed, split and merged, outside the part a department's file holds; every changed cell of matched projects (amounts per year and
 * source, other cells with neither); metadata changes; and the net effect on the plan's total.
 * Amounts are in the plan's unit; a blank amount counts as 0; equality has the amounts' tolerance.
 * Row ids pair projects only when both sides share an identity (`sharesIdentity`).
 */
import { appendAll } from './arrays';
import {
  type CellDiff,
  cellDiff,
  isFormula,
  markAbsent,
  type MetaDiff,
  metaDiffs,
  NONE,
} from './compareCells';
import {
  type ComparedColumn,
  pairColumns,
  pairSheets,
  type Side,
  sharesIdentity,
} from './compareColumns';
import { moneyFactor } from './consolidateSubmission';
import { FigureTable, readFiguresSteps, SheetFigures } from './figures';
import { percentAt } from './percent';
import {
  keptProjectRefsSteps,
  type Match,
  type MatchOverrides,
  matchProjectsSteps,
  type ProjectRef,
} from './match';
import { findGroups, type ProjectGroup } from './matchGroups';
import { movedTest } from './moved';
import { outsidePart, sectionPaths } from './outsidePart';
import { nameChange } from './nameSpelling';
import { amountsEqual } from './numbers';
import { cellsOfSteps, memoisedSteps } from './refsMemo';
import { done, pauseAt, runAll, type Steps } from './steps';
import type { AppendixSheet, CellInput } from './types';

export type { CellDiff, MetaDiff } from './compareCells';
export {
  type ComparedColumn,
  leafPaths,
  pairColumns,
  type Side,
  sharesIdentity,
} from './compareColumns';

/**
 * What b's money figures are multiplied by to be in a's unit (`tỷ đồng` → `triệu đồng`: 1000):
 * 1 when both state the same money unit or either states none.
 */
export function unitScale(a: Side, b: Side): number {
  const fa = moneyFactor(a.workbook.meta.unit ?? '');
  const fb = moneyFactor(b.workbook.meta.unit ?? '');
  return fa && fb ? fb / fa : 1;
}

/** A block of figures multiplied by `k` (15 digits kept: no float noise), ratios left as they are. */
function scaled(block: SheetFigures, cols: readonly ComparedColumn[], k: number): SheetFigures {
  const out = new SheetFigures(block.refs.length, block.width);
  block.refs.forEach((p, i) => (out.refs[i] = p));
  out.order.push(...block.order);
  const money = cols.map((c) => c.b?.additive !== false);
  block.values.forEach((v, i) => {
    out.values[i] = money[i % block.width] && v ? Number((v * k).toPrecision(15)) : v;
  });
  return out;
}

const none = (): Steps<readonly (CellInput | undefined)[]> => done(NONE);

/** What `make` gives for each of `xs`, made one after the other in pieces. */
function* each<X, T>(xs: readonly X[], make: (x: X) => Steps<T>): Steps<T[]> {
  const out: T[] = [];
  for (const x of xs) out.push(yield* make(x));
  return out;
}

export interface MatchedProject extends Match {
  /** Named otherwise (`nameChange`: more than case, diacritics or spacing differ). */
  renamed: boolean;
  /** The same name spelled otherwise (only case or diacritics differ): shown, not a rename. */
  respelled: boolean;
  /** Now under other sections. */
  moved: boolean;
}

export interface Comparison {
  a: string;
  b: string;
  /** Each project's amounts (0 for blank), in the order of its sheet pair's amount columns. */
  amounts: FigureTable;
  /** Sheets paired by id, name, then position; a sheet without a partner has only added/removed projects. */
  sheets: { a?: AppendixSheet; b?: AppendixSheet; columns: ComparedColumn[] }[];
  matched: MatchedProject[];
  added: ProjectRef[];
  removed: ProjectRef[];
  /**
   * Projects of sections the other file does not have at all, when it holds only a part of the
   * plan (a department's own section): neither removed nor counted in the totals (`outsidePart`).
   */
  outside: ProjectRef[];
  /** Splits and merges proposed (their members are in none of matched, added, removed). */
  groups: ProjectGroup[];
  changes: CellDiff[];
  meta: MetaDiff[];
  totals: { before: number; after: number; increase: number; decrease: number };
}

/** Compares side a (before) with side b (after). */
export function compare(a: Side, b: Side, overrides: MatchOverrides = {}): Comparison {
  return runAll(compareSteps(a, b, overrides));
}

/**
 * `compare` in pieces (the app runs it a few pieces per turn of the page): what each version's
 * rows give (project lists, figures, raw cells, id and key maps) is made in pieces and kept with
 * the version, then the projects are paired and their cells compared in pieces.
 */
export function* compareSteps(a: Side, b: Side, overrides: MatchOverrides = {}): Steps<Comparison> {
  const out: Comparison = {
    a: a.label,
    b: b.label,
    amounts: new FigureTable(),
    sheets: [],
    matched: [],
    added: [],
    removed: [],
    outside: [],
    groups: [],
    changes: [],
    meta: metaDiffs(a.workbook, b.workbook),
    totals: { before: 0, after: 0, increase: 0, decrease: 0 },
  };
  const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
  const ids = sharesIdentity(a, b);
  const scale = unitScale(a, b);
  const confirmed = new Set(overrides.confirmed ?? []);
  const refused = new Set(overrides.ungrouped ?? []);
  for (const pair of pairSheets(a.workbook.sheets, b.workbook.sheets)) {
    const columns = pairColumns(pair.a, pair.b);
    out.sheets.push({ ...pair, columns });
    const amountCols = columns.filter((c) => c.amount);
    const others = columns.filter((c) => !c.amount);
    // what matching weighs and groups add up: the amounts, or a table's numeric columns
    const figureCols = amountCols.length
      ? amountCols
      : others.filter((c) => c.a?.role === 'value' || c.b?.role === 'value');
    // each sheet's projects as kept for the next comparison (never changed here)
    const refsA = pair.a ? yield* keptProjectRefsSteps(pair.a) : [];
    const refsB = pair.b ? yield* keptProjectRefsSteps(pair.b) : [];
    const figures = figureCols === amountCols ? out.amounts : new FigureTable();
    // each side's figures read once, into one block per sheet (no array per project)
    const sides: SheetFigures[] = [];
    for (const [s, refs, side, sheet] of [
      [a, refsA, 'a', pair.a],
      [b, refsB, 'b', pair.b],
    ] as const) {
      const read = (cols: ComparedColumn[]): Steps<SheetFigures> => {
        const ids = cols.map((c) => c[side]?.id);
        const rows = sheet?.rows.length ?? 0;
        const made = () =>
          readFiguresSteps(refs, rows, ids, !!s.typed, (sheetId, row, colId) =>
            s.value(sheetId, row, colId),
          );
        // cells as typed are the rows' own (kept with their list); computed values are the engine's
        return s.typed
          ? memoisedSteps(
              refs,
              `figures ${rows} ${ids.map((id) => id ?? '\u0000').join('\u0001')}`,
              made,
            )
          : made();
      };
      // b's figures in a's money unit (a file returned in `tỷ đồng` for one in `triệu đồng`)
      const block =
        scale !== 1 && side === 'b'
          ? scaled(yield* read(amountCols), amountCols, scale)
          : yield* read(amountCols);
      out.amounts.blocks.push(block);
      if (figures !== out.amounts) {
        const fig = yield* read(figureCols);
        figures.blocks.push(scale !== 1 && side === 'b' ? scaled(fig, figureCols, scale) : fig);
      }
      sides.push(block);
    }
    const m = yield* matchProjectsSteps(refsA, refsB, overrides, { ids, figures });
    const groups = findGroups(m, figures, refused, confirmed);
    appendAll(out.groups, groups);
    // a file holding only its own sections: the others are outside it, not removed (no total)
    if (m.removed.length) {
      const paired = new Set([...m.matched.map((x) => x.a), ...groups.flatMap((g) => g.a)]);
      const outside = outsidePart(refsA, refsB, paired, m.removed, sectionPaths(pair.b));
      if (outside.length) {
        const away = new Set(outside);
        m.removed = m.removed.filter((p) => !away.has(p));
        appendAll(out.outside, outside);
      }
    }
    const amounts = (p: ProjectRef) => out.amounts.get(p)!;
    // a percentage (the source's `0.0%`, domain/percent) is never added into a total
    const counted = (p: ProjectRef, side: 'a' | 'b', k: number): number => {
      const id = amountCols[k][side]?.id;
      return p.row.percent && id && percentAt(p.row, id) !== undefined ? 0 : amounts(p)[k];
    };
    const countedSum = (p: ProjectRef, side: 'a' | 'b'): number =>
      p.row.percent ? amountCols.reduce((t, _, k) => t + counted(p, side, k), 0) : sum(amounts(p));
    for (const p of m.removed) {
      const v = countedSum(p, 'a');
      out.totals.before += v;
      out.totals.decrease += v;
    }
    for (const p of m.added) {
      const v = countedSum(p, 'b');
      out.totals.after += v;
      out.totals.increase += v;
    }
    for (const g of groups)
      amountCols.forEach((_, k) => {
        const va = g.a.reduce((t, p) => t + counted(p, 'a', k), 0);
        const vb = g.b.reduce((t, p) => t + counted(p, 'b', k), 0);
        out.totals.before += va;
        out.totals.after += vb;
        if (vb > va) out.totals.increase += vb - va;
        else out.totals.decrease += va - vb;
      });
    appendAll(out.added, m.added);
    appendAll(out.removed, m.removed);
    const moved = movedTest(refsA, refsB, m.matched);
    const totals = out.totals;
    const amountA = amountCols.map((c) => c.a?.id);
    const amountB = amountCols.map((c) => c.b?.id);
    const [fa, fb] = sides;
    const w = amountCols.length;
    // both sides as typed: a cell changed exactly when its amounts differ (no raw cell to read)
    const raw = !(a.typed && b.typed);
    // raw cells by row index, kept with each side's list (none to read: undefined, as a blank)
    const rowsA = pair.a?.rows.length ?? 0;
    const rowsB = pair.b?.rows.length ?? 0;
    const cellsA = (id: string | undefined) => (id ? cellsOfSteps(refsA, rowsA, id) : none());
    const cellsB = (id: string | undefined) => (id ? cellsOfSteps(refsB, rowsB, id) : none());
    const rawA = raw ? yield* each(amountA, cellsA) : [];
    const rawB = raw ? yield* each(amountB, cellsB) : [];
    const otherA = yield* each(others, (c) => cellsA(c.a?.id));
    const otherB = yield* each(others, (c) => cellsB(c.b?.id));
    let n = 0;
    for (const pair of m.matched) {
      if (pauseAt(n++)) yield;
      // the compared project made whole at once (one shape for 100,000 pairs: no fields added
      // late); a name in capitals or without diacritics is the same name respelled, not a rename
      // one name's forms (the same token list): the same name as written, no cell read
      const spelling =
        pair.a.tokens === pair.b.tokens
          ? 'same'
          : nameChange(pair.a.row.cells.name, pair.b.row.cells.name);
      const match: MatchedProject = {
        a: pair.a,
        b: pair.b,
        by: pair.by,
        score: pair.score,
        ambiguous: pair.ambiguous,
        confidence: pair.confidence,
        reasons: pair.reasons,
        doubtful: pair.doubtful,
        renamed: spelling === 'renamed',
        respelled: spelling === 'respelled',
        moved: moved(pair),
      };
      out.matched.push(match);
      const va = fa.values;
      const vb = fb.values;
      const ia = match.a.index * w;
      const ib = match.b.index * w;
      const ja = match.a.index;
      const jb = match.b.index;
      const percentRow = !!(match.a.row.percent || match.b.row.percent);
      for (let k = 0; k < w; k++) {
        const x = va[ia + k];
        const y = vb[ib + k];
        const tx = percentRow ? counted(match.a, 'a', k) : x;
        const ty = percentRow ? counted(match.b, 'b', k) : y;
        totals.before += tx;
        totals.after += ty;
        const ra = raw ? rawA[k][ja] : undefined;
        const rb = raw ? rawB[k][jb] : undefined;
        // the same amount from the same cell (most cells of a revision): nothing to add or note
        if (x === y && ra === rb && Number.isFinite(x) && !isFormula(ra)) continue;
        if (ty > tx) totals.increase += ty - tx;
        else totals.decrease += tx - ty;
        // the common case first: the same typed amount (a diff entry only for a changed cell)
        if (ra === rb && !isFormula(ra)) {
          if (!amountsEqual(x, y))
            out.changes.push({ match, column: amountCols[k], before: x, after: y, kind: 'value' });
          continue;
        }
        const d = cellDiff(match, amountCols[k], x, y);
        if (d) out.changes.push(d);
      }
      for (let k = 0; k < others.length; k++) {
        // the same raw content is no change (what cellDiff finds first)
        const ra = otherA[k][ja];
        if (ra === otherB[k][jb] && !isFormula(ra)) continue;
        const d = cellDiff(match, others[k], 0, 0, scale);
        if (d) out.changes.push(d);
      }
    }
  }
  // a column one file lacks is absent there, not a figure cut to 0
  if (out.sheets.some((s) => s.columns.some((c) => !c.a || !c.b))) markAbsent(out.changes);
  // changes in column order, as a reader scans each project's row
  const order = new Map(out.sheets.flatMap((s) => s.columns).map((c, i) => [c, i]));
  out.changes.sort(
    (x, y) =>
      x.match.b.index - y.match.b.index || (order.get(x.column) ?? 0) - (order.get(y.column) ?? 0),
  );
  return out;
}
