/**
 * Copy, paste, cut, fill and clear over cell ranges, as commands. Text comes and goes as
 * tab-separated values (app/tsv.ts).
 */
import { isNumericLeaf, leaves } from '../domain/columns';
import { shiftFormula } from '../domain/formulaShift';
import type { CellChange } from '../domain/ops';
import { percentAt, percentInput } from '../domain/percent';
import { cellPolicy, readInput } from '../domain/policy';
import { NUMBER_COLUMN } from '../domain/sheetNumbering';
import { isOnForm } from '../domain/totals';
import type { PastedBlock } from '../domain/typedText';
import type { AppendixSheet, CellInput, ColumnLeaf, Row } from '../domain/types';
import type { Command, Refusal } from './commands';
import type { CellPos, CellRange } from './selection';
import { pastedRows } from './pasteRows';
import { detectStyle } from './tsv';

/**
 * A planned paste: one command, the range it covers, the project rows it adds, and how many
 * pasted values fell on cells the policy computes (section sums, row totals) and were skipped.
 */
export type PasteResult =
  | { command: Command; range: CellRange; newRows: number; skipped: number }
  | { refusals: Refusal[] };

/**
 * The leaves a block pasted at leaf index `col` lands on, in order: that column, then the columns
 * on the form. A column the form leaves out (Planbook's own row total, hidden in the grid) is
 * passed over, as the grid's arrows pass over it, so that a row copied from the printed form (or
 * from Excel with the form's columns) lands column for column.
 */
export function landingLeaves(ls: readonly ColumnLeaf[], col: number): ColumnLeaf[] {
  return col < ls.length ? [ls[col], ...ls.slice(col + 1).filter(isOnForm)] : [];
}

function firstTotal(rows: readonly Row[]): number {
  const i = rows.findIndex((r) => r.kind === 'total');
  return i < 0 ? rows.length : i;
}

/**
 * Plans a paste of `m` at `at`: one command (new project rows first when the block runs past the
 * last project row, then the cells). A block that spans section or computed cells fills the cells
 * that take input and skips the computed ones (counted in `skipped`, as Excel users paste a column
 * copied from a printed table over its section rows); a block that lands only on computed cells is
 * refused. Text in an amount cell refuses the whole block. Pasted texts are figures in the display
 * unit (`scale`, see `inputScale`); `raw` contents (copied in Planbook, a fill) are the model's own.
 * A cell read from a spreadsheet's clipboard HTML (`PastedCell`) brings its stated value or its
 * text mark to the same reading (`parseInput`): a text-marked cell in an amount column refuses.
 */
export function planPaste(
  sheet: AppendixSheet,
  at: CellPos,
  m: PastedBlock,
  raw?: readonly (readonly CellInput[])[],
  /** Rows a filter shows: the others are left as they are (a fill over a filtered range). */
  keep?: (row: Row) => boolean,
  scale = 1,
  /** The percent marks `raw` contents bring (a fill: its source cells'; null: a plain figure). */
  marks?: readonly (readonly (number | null)[])[],
  /** A fill's cells whose source the sheet computes (a section's sum): left as they are. */
  computed?: readonly (readonly boolean[])[],
  /** False for a fill: it lays on the rows selected, total rows included, and never adds rows. */
  grow = true,
): PasteResult {
  const ls = leaves(sheet.columns);
  const targets = landingLeaves(ls, at.col);
  if (!m.length || !targets.length) return { refusals: [] };
  const style = detectStyle(m);
  // a block from a project row that runs into the total rows adds project rows before them; a
  // block on the total rows themselves writes their figures, as typing there does
  // (a block pasted just below the last row, none there, adds all its lines)
  const room = firstTotal(sheet.rows) - at.row;
  const below = room === 0 && at.row === sheet.rows.length;
  const extra = grow && (room > 0 || below) ? Math.max(0, m.length - room) : 0;
  const rows = sheet.rows.slice();
  const isAdded = new Set<Row>();
  const insertAt = firstTotal(rows);
  // the lines below the last row are sections or projects by their numbering, read in the
  // sequence of the plan's numbers around them (the reader's rule)
  const added = extra > 0 ? pastedRows(m, m.length - extra, targets, rows, insertAt) : [];
  if (extra > 0) {
    rows.splice(insertAt, 0, ...added);
    for (const r of added) isAdded.add(r);
  }
  const changes: CellChange[] = [];
  const refusals: Refusal[] = [];
  const kept: Refusal[] = []; // values over computed cells: skipped unless nothing else lands
  let landed = 0;
  let notCopied = 0; // figures under a computed source, left as they are
  for (let i = 0; i < m.length; i++) {
    const row = rows[at.row + i];
    if (!row) break;
    if (keep && !isAdded.has(row) && !keep(row)) continue;
    for (let j = 0; j < m[i].length && j < targets.length; j++) {
      const leaf = targets[j];
      const rawCell = raw?.[i]?.[j];
      const fromRaw =
        rawCell !== undefined &&
        (typeof rawCell === 'number' ||
          rawCell === null ||
          rawCell.startsWith('=') ||
          !isNumericLeaf(leaf));
      const rule = cellPolicy(sheet, row, leaf);
      const colId = rule.target;
      if (computed?.[i]?.[j]) {
        if (rule.editable && (row.cells[colId] ?? null) !== null) notCopied++;
        continue;
      }
      const percent = percentInput(row, colId);
      const read = fromRaw
        ? { value: rawCell, percent: isNumericLeaf(leaf) ? marks?.[i]?.[j] : undefined }
        : readInput(m[i][j], leaf, style, scale, percent);
      const v = 'invalid' in read ? read : read.value;
      const mark = 'invalid' in read ? undefined : read.percent;
      if (!rule.editable && isAdded.has(row) && row.kind === 'section' && typeof v === 'number') {
        // a pasted section's figure is the figure it states (shown beside the computed sum)
        row.cells[leaf.id] = v;
        landed++;
        continue;
      }
      if (!rule.editable) {
        // blanks over computed cells are fine (a block copied from a printed table)
        if (v !== null)
          kept.push({
            code: row.kind === 'project' ? 'computedColumn' : 'pasteIntoTotals',
            rowId: row.id,
            colId,
          });
        continue;
      }
      if (v !== null && typeof v === 'object') {
        refusals.push({ code: 'notNumber', rowId: row.id, colId, detail: v.invalid });
        continue;
      }
      if (v !== null) landed++;
      if (isAdded.has(row) && !(typeof v === 'string' && v.startsWith('='))) {
        // a new row carries its pasted values (formulas go through the checked cell write)
        if (v !== null) row.cells[colId] = v;
        if (typeof mark === 'number') row.percent = { ...row.percent, [colId]: mark };
        // a pasted number is the user's own: renumbering keeps it
        if (v !== null && colId === NUMBER_COLUMN) row.manualNumber = true;
      } else {
        const remark = markChanges(row, colId, mark);
        // (a change names a mark only where it sets or clears one: plain sheets plan as before)
        if ((row.cells[colId] ?? null) !== v || remark)
          changes.push({ rowId: row.id, colId, value: v, ...(remark ? { percent: mark } : {}) });
      }
    }
  }
  if (refusals.length) return { refusals };
  if (kept.length && !landed) return { refusals: kept };
  const width = Math.min(
    m.reduce((w, r) => Math.max(w, r.length), 0),
    targets.length,
  );
  const last = ls.indexOf(targets[Math.max(0, width - 1)]);
  const range = { r0: at.row, c0: at.col, r1: at.row + m.length - 1, c1: last };
  const commands: Command[] = [];
  if (added.length)
    commands.push({
      type: 'insertRows',
      sheetId: sheet.id,
      at: firstTotal(sheet.rows),
      rows: added,
    });
  if (changes.length) commands.push({ type: 'setCells', sheetId: sheet.id, changes });
  return {
    command: { type: 'batch', commands },
    range,
    newRows: added.length,
    skipped: kept.length + notCopied,
  };
}

/** Whether a change's mark differs from the cell's (undefined: the change leaves it). */
function markChanges(row: Row, colId: string, mark: number | null | undefined): boolean {
  return mark !== undefined && (row.percent?.[colId] ?? null) !== mark;
}

/**
 * Clears the editable cells of a range (amounts, texts); cells the policy keeps are skipped, and
 * so are rows a filter hides (`keep`), as Excel clears only the visible cells of a filtered range.
 */
export function planClear(
  sheet: AppendixSheet,
  r: CellRange,
  keep?: (row: Row) => boolean,
): Command | null {
  const ls = leaves(sheet.columns);
  const changes: CellChange[] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const row = sheet.rows[i];
    if (!row || (keep && !keep(row))) continue;
    for (let j = r.c0; j <= r.c1; j++) {
      const leaf = ls[j];
      const rule = leaf && cellPolicy(sheet, row, leaf);
      if (!rule?.editable) continue;
      if (row.cells[rule.target] !== undefined)
        changes.push({ rowId: row.id, colId: rule.target, value: null });
    }
  }
  return changes.length ? { type: 'setCells', sheetId: sheet.id, changes } : null;
}

/**
 * Fills `target` from `source` (its first rows or columns), repeating the source and moving its
 * relative formulas as Excel's fill does. `raw` reads a cell's content (formula text or value).
 * A fill never adds rows: dragged onto the total rows it writes their stated figures, as typing
 * there does (a paste running past the last project adds project rows instead).
 */
export function planFill(
  sheet: AppendixSheet,
  source: CellRange,
  target: CellRange,
  raw: (row: number, colId: string) => CellInput,
  keep?: (row: Row) => boolean,
): PasteResult {
  const h = source.r1 - source.r0 + 1;
  const w = source.c1 - source.c0 + 1;
  const ls = leaves(sheet.columns);
  // the block planPaste lays on the columns the grid shows (the hidden row total passed over)
  const cols = landingLeaves(ls, target.c0).map((l) => ls.indexOf(l));
  const texts: string[][] = [];
  const rawM: CellInput[][] = [];
  const marks: (number | null)[][] = [];
  const computed: boolean[][] = [];
  for (let i = target.r0; i <= target.r1; i++) {
    const tr: string[] = [];
    const rr: CellInput[] = [];
    const mr: (number | null)[] = [];
    const cr: boolean[] = [];
    for (const j of cols.filter((c) => c <= target.c1)) {
      const si = source.r0 + ((((i - source.r0) % h) + h) % h);
      const sj = source.c0 + ((((j - source.c0) % w) + w) % w);
      const v = raw(si, ls[sj].id);
      const moved =
        typeof v === 'string' && v.startsWith('=') ? shiftFormula(v, i - si, j - sj) : v;
      rr.push(moved);
      tr.push(moved === null ? '' : String(moved));
      // the source cell's mark goes with its figure, as a fill carries a spreadsheet's format
      mr.push(percentAt(sheet.rows[si], ls[sj].id) ?? null);
      // a sum the sheet computes (a section's, a row total) is no figure to copy
      cr.push(!cellPolicy(sheet, sheet.rows[si], ls[sj]).editable);
    }
    texts.push(tr);
    rawM.push(rr);
    marks.push(mr);
    computed.push(cr);
  }
  return planPaste(
    sheet,
    { row: target.r0, col: target.c0 },
    texts,
    rawM,
    keep,
    1,
    marks,
    computed,
    false,
  );
}
