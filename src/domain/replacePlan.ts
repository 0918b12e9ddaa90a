/**
 * Find and replace (Ctrl+H) planned as one command over the workbook: every cell whose content
 * holds the query exactly (`replaceText.ts`) gets the replaced text read as if typed there — the
 * same cell policy and the one input parser (`policy.ts`), a figure written and read in the
 * sheet's display unit and the user's number style (`61.600` is 61600 in Vietnamese). Cells no one
 * can type are skipped and counted (section sums and live totals, formulas, the TT column, whose
 * numbers follow the tree), a figure cell whose replaced text is no figure is refused alone.
 */
import { isNumericLeaf, leaves } from './columns';
import type { Command } from './commands';
import { inputScale, isMoneyLeaf, toDisplay } from './display';
import { type GridChange, gridInput, gridText, isGridFormula } from './grid';
import { formatAmount, type NumberStyle } from './numbers';
import type { CellChange } from './ops';
import { percentAt, percentEditText, percentInput } from './percent';
import { cellPolicy, leafById, readInput } from './policy';
import { type ReplaceOptions, replacer } from './replaceText';
import type { AppendixSheet, CellInput, ColumnLeaf, GridSheet, Id, Row, Workbook } from './types';

/** A cell of the workbook: an appendix's (row and column ids) or a plain sheet's (`"r"`, `"c"`). */
export interface ReplaceCell {
  sheetId: Id;
  rowId: Id;
  colId: Id;
}

/** Why a matching cell is left as it is: computed (sums, totals), a formula, the TT numbering. */
export type ReplaceSkip = 'computed' | 'formula' | 'numbering';

/** What a replacement would do: one command, the cells it writes, those skipped and refused. */
export interface ReplacePlan {
  /** The one step (null: nothing to write). */
  command: Command | null;
  replaced: ReplaceCell[];
  skipped: Record<ReplaceSkip, number>;
  /** Figure cells whose replaced text is not a figure (the text as it would be typed). */
  refused: (ReplaceCell & { text: string })[];
}

/** What the planning reads besides the model. */
export interface ReplaceReaders {
  /** A cell's computed figure in the plan's unit (sections, totals, formulas). */
  value?: (sheetId: Id, rowIndex: number, colId: Id) => unknown;
  /** A plain sheet's computed value (a formula's result). */
  gridValue?: (gridId: Id, r: number, c: number) => unknown;
  /** The user's language: the number style figures are written and read in. */
  lang: 'vi' | 'en';
  /** Which cells are in scope (the rows a filter shows; one cell for a single replace). */
  keep?: (c: ReplaceCell) => boolean;
}

interface Acc {
  plan: ReplacePlan;
  /** A text's replaced content, or null when it holds no match (one compiled pattern). */
  hits: (text: string) => string | null;
  r: ReplaceReaders;
}

const figureText = (v: unknown, lang: 'vi' | 'en') =>
  typeof v === 'number' ? formatAmount(v, lang, 10) : '';

/** A number as the cell's editor opens it: a percentage, or a figure in the display unit. */
function editText(wb: Workbook, s: AppendixSheet, row: Row, key: Id, v: number, lang: 'vi' | 'en') {
  if (percentAt(row, key) !== undefined) return percentEditText(v, lang);
  const leaf = leafById(s, key);
  const money = !leaf || isMoneyLeaf(leaf);
  return formatAmount(money ? toDisplay(v, wb.meta.unit, s.display) : v, lang, 10);
}

/** One appendix cell: the change it gets, or why not (counted on the plan). */
function appendixCell(
  a: Acc,
  wb: Workbook,
  s: AppendixSheet,
  i: number,
  leaf: ColumnLeaf,
  changes: Map<string, CellChange>,
): void {
  const row = s.rows[i];
  const at = { sheetId: s.id, rowId: row.id, colId: leaf.id };
  const { hits } = a;
  const skip = (why: ReplaceSkip) => a.plan.skipped[why]++;
  if (leaf.role === 'number') {
    if (hits(String(row.cells[leaf.id] ?? '')) !== null) skip('numbering');
    return;
  }
  const style: NumberStyle = a.r.lang;
  if (!isNumericLeaf(leaf)) {
    const old = row.cells[leaf.id] ?? null;
    const next = old === null ? null : hits(String(old));
    if (next === null) return;
    const read = readInput(next, leaf, style);
    if ('invalid' in read || read.value === old) return;
    changes.set(`${row.id}\u0000${leaf.id}`, { rowId: row.id, colId: leaf.id, value: read.value });
    a.plan.replaced.push(at);
    return;
  }
  const rule = cellPolicy(s, row, leaf);
  const old: CellInput = row.cells[rule.target] ?? null;
  const computed = () => figureText(a.r.value?.(s.id, i, leaf.id), a.r.lang);
  if (typeof old === 'string' && old.startsWith('=')) {
    if (hits(old) !== null || hits(computed()) !== null) skip('formula');
    return;
  }
  if (rule.refusal || (old === null && row.kind !== 'project')) {
    const shown = typeof old === 'number' ? editText(wb, s, row, rule.target, old, a.r.lang) : '';
    if ((shown || computed()) && hits(shown || computed()) !== null) skip('computed');
    return;
  }
  if (old === null) return;
  const text = typeof old === 'number' ? editText(wb, s, row, rule.target, old, a.r.lang) : old;
  const next = hits(text);
  if (next === null) return;
  const scale = inputScale(wb.meta.unit, s.display);
  const read = readInput(next, leaf, style, scale, percentInput(row, rule.target));
  if ('invalid' in read) {
    a.plan.refused.push({ ...at, text: next });
    return;
  }
  if (read.value === old && read.percent === undefined) return;
  const mark = read.percent === undefined ? {} : { percent: read.percent };
  changes.set(`${row.id}\u0000${rule.target}`, {
    rowId: row.id,
    colId: rule.target,
    value: read.value,
    ...mark,
  });
  a.plan.replaced.push(at);
}

/** A plain sheet's cells: texts and figures as typed there (`gridInput`), formulas skipped. */
function gridChanges(a: Acc, g: GridSheet): GridChange[] {
  const out: GridChange[] = [];
  g.cells.forEach((cells, r) =>
    cells.forEach((raw, c) => {
      if (raw === null || raw === '') return;
      const at = { sheetId: g.id, rowId: String(r), colId: String(c) };
      if (a.r.keep && !a.r.keep(at)) return;
      const { hits } = a;
      if (isGridFormula(raw)) {
        const v = figureText(a.r.gridValue?.(g.id, r, c), a.r.lang);
        if (hits(raw) !== null || (v && hits(v) !== null)) a.plan.skipped.formula++;
        return;
      }
      const next = hits(typeof raw === 'number' ? figureText(raw, a.r.lang) : gridText(raw));
      if (next === null) return;
      const value = gridInput(next, a.r.lang);
      if (value === raw) return;
      out.push({ r, c, value });
      a.plan.replaced.push(at);
    }),
  );
  return out;
}

/**
 * Plans replacing `query` by `replacement` over every appendix and plain sheet of `wb` (the cells
 * `readers.keep` keeps): one command for all the cells written, so the whole replacement is one
 * undo step, with the cells skipped and refused counted.
 */
export function planReplace(
  wb: Workbook,
  query: string,
  replacement: string,
  o: ReplaceOptions,
  readers: ReplaceReaders,
): ReplacePlan {
  const plan: ReplacePlan = {
    command: null,
    replaced: [],
    skipped: { computed: 0, formula: 0, numbering: 0 },
    refused: [],
  };
  const a: Acc = { plan, hits: replacer(query, replacement, o), r: readers };
  const commands: Command[] = [];
  for (const s of wb.sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    const changes = new Map<string, CellChange>();
    s.rows.forEach((row, i) => {
      for (const leaf of cols)
        if (!readers.keep || readers.keep({ sheetId: s.id, rowId: row.id, colId: leaf.id }))
          appendixCell(a, wb, s, i, leaf, changes);
    });
    if (changes.size)
      commands.push({ type: 'setCells', sheetId: s.id, changes: [...changes.values()] });
  }
  for (const g of wb.grids ?? []) {
    const changes = gridChanges(a, g);
    if (changes.length) commands.push({ type: 'setGridCells', gridId: g.id, changes });
  }
  plan.command =
    commands.length === 0
      ? null
      : commands.length === 1
        ? commands[0]
        : { type: 'batch', commands };
  return plan;
}
