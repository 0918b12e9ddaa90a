/**
 * Reading a file Planbook exported: the hidden `_planbook` sheet gives the plan's structure and
 * metadata; project cells (amounts, texts, formulas) are taken from the visible sheets, so edits made
 * in Excel come back. When the visible rows no longer match (rows inserted in Excel), null: the
 * caller reads the sheets as ordinary tables instead.
 */
import { isNumericLeaf, leaves } from '../../domain/columns';
import { type Placement, placeFormula } from '../../domain/formulaRefs';
import { gridLiteral, gridText } from '../../domain/grid';
import type { CellInput, Workbook } from '../../domain/types';
import { cellText, type RawGrid } from '../appendix/grid';
import { gridSheetFromRaw } from '../appendix/gridSheet';
import { parsePlanbook } from '../planbookFile';
import { PLANBOOK_SHEET, unpackPlan } from './packedPlan';
import { clip, MAX_CELL_TEXT } from './xmlText';
import { type ExportColumns, exportColumns } from './statedCells';

/** The plan inside an exported workbook, or null when there is none or it no longer fits. */
export function readExported(grids: RawGrid[]): Workbook | null {
  const hidden = grids.find((g) => g.name === PLANBOOK_SHEET);
  if (!hidden || cellText(hidden, 0, 0) !== 'planbook-export-v1') return null;
  let firstRows: number[];
  try {
    firstRows = JSON.parse(hidden.rows[0]?.[1]?.text ?? '[]') as number[];
  } catch {
    return null;
  }
  let json: string;
  try {
    json = unpackPlan(
      hidden.rows
        .slice(1)
        .map((r) => r[0]?.text ?? '')
        .join(''),
    );
  } catch {
    return null;
  }
  const parsed = parsePlanbook(json);
  if (!parsed.ok) return null;
  const wb = parsed.workbook;
  const visible = grids.filter((g) => g.name !== PLANBOOK_SHEET);
  const back = unplacer(wb, visible, firstRows);
  for (let k = 0; k < wb.sheets.length; k++) {
    const sheet = wb.sheets[k];
    const g = visible[k];
    const first = firstRows[k];
    if (!g || first === undefined) return null;
    const ls = leaves(sheet.columns);
    const cols = exportColumns(sheet);
    const nameCol = cols.at(ls.findIndex((l) => l.role === 'name')) ?? -1;
    const rows = sheet.rows.map((row, i) => {
      const r = first + i;
      if (
        nameCol >= 0 &&
        cellText(g, r, nameCol) !==
          clip(String(row.cells.name ?? ''), MAX_CELL_TEXT)
            .replace(/\s+/g, ' ')
            .trim()
      )
        throw new Mismatch();
      if (row.kind !== 'project') return row;
      const cells: Record<string, CellInput> = {};
      ls.forEach((l, m) => {
        const c = cols.at(m);
        if (l.role === 'rowTotal' || c === undefined) return;
        const cell = g.rows[r]?.[c];
        if (!cell || (cell.text === '' && cell.formula === undefined)) return;
        // a text as a spreadsheet reads it back (cut to a cell's length, CR LF as LF): the plan's own
        const kept = row.cells[l.id];
        // (a formula of the plan that the export wrote as text comes back as the plan's formula)
        // (a text of a figure column behind its `'` reads back as the text: `'0123` as 0123)
        const shown = typeof kept === 'string' && isNumericLeaf(l) ? gridText(kept) : kept;
        if (
          typeof kept === 'string' &&
          (cell.text === kept ||
            cell.text === asRead(kept) ||
            cell.text === asRead(shown as string))
        ) {
          cells[l.id] = kept;
          return;
        }
        if (cell.formula !== undefined && isNumericLeaf(l))
          cells[l.id] = modelFormula(`=${cell.formula.replace(/^=/, '')}`, first, cols, back);
        else if (typeof cell.value === 'number') cells[l.id] = cell.value;
        else cells[l.id] = isNumericLeaf(l) ? gridLiteral(cell.text) : cell.text;
      });
      return { ...row, cells };
    });
    wb.sheets[k] = { ...sheet, rows };
  }
  // plain grid sheets follow the appendices: their cells come from the visible sheets too
  if (wb.grids)
    wb.grids = wb.grids.map((g, j) => {
      const v = visible[wb.sheets.length + j];
      if (!v) return g;
      const read = gridSheetFromRaw(v);
      const cells = read.cells.map((row) =>
        row.map((x) =>
          typeof x === 'string' && x.startsWith('=') && x.includes('!')
            ? placeFormula(x, (n) => (n === undefined ? null : back(n)))
            : x,
        ),
      );
      return { ...read, cells, id: g.id, name: g.name };
    });
  return wb;
}

class Mismatch extends Error {}

/**
 * Where each sheet of the file stands in the plan, by its name in the file (the inverse of the
 * export's `placer`): an appendix's rows start `firstRows[k]` rows down and may have columns left
 * out; a plain grid sheet starts at its first row. Both may be named otherwise in the file.
 */
function unplacer(
  wb: Workbook,
  visible: readonly RawGrid[],
  firstRows: readonly number[],
): (sheet: string) => Placement | null {
  const at = new Map<string, Placement>();
  const put = (file: string | undefined, model: string, p: Placement) => {
    if (file === undefined) return;
    at.set(file.trim().toLowerCase(), file === model ? p : { ...p, name: model });
  };
  wb.sheets.forEach((s, k) => {
    const cols = exportColumns(s);
    put(visible[k]?.name, s.name, {
      dRow: -(firstRows[k] ?? 0),
      ...(cols.narrowed ? { col: cols.model } : {}),
    });
  });
  (wb.grids ?? []).forEach((g, j) => put(visible[wb.sheets.length + j]?.name, g.name, { dRow: 0 }));
  return (sheet) => at.get(sheet.trim().toLowerCase()) ?? null;
}

/**
 * A formula read from an exported appendix, in the model's rows and columns (inverse of
 * ownFormula and of the export's placing of other sheets): its own references move up by the
 * sheet's rows above the table; a reference to another sheet moves by THAT sheet's rows (none for
 * a plain grid sheet) and takes the sheet's name in the plan. Other names are left as written.
 */
function modelFormula(
  f: string,
  first: number,
  cols: ExportColumns,
  back: (sheet: string) => Placement | null,
): string {
  const own: Placement = { dRow: -first, ...(cols.narrowed ? { col: cols.model } : {}) };
  return placeFormula(f, (n) => (n === undefined ? own : back(n)));
}

/** A text as it reads back from an exported cell. */
const asRead = (s: string) => clip(s, MAX_CELL_TEXT).replace(/\r\n/g, '\n');

/** readExported that answers null instead of throwing when the rows no longer match. */
export function tryReadExported(grids: RawGrid[]): Workbook | null {
  try {
    return readExported(grids);
  } catch (e) {
    if (e instanceof Mismatch) return null;
    throw e;
  }
}
