/**
 * A workbook read from a file, as it is stored at import: each sheet's section and total figures
 * that agree with their rows become live totals (`domain/liveTotals`); those that disagree stay
 * stated. Values come without the engine where the sheet allows it (an imported sheet holds
 * figures, not formulas): computed once, then followed where figures are cleared (the sections
 * above them and the total rows, never the projects again); else from one engine build for the
 * workbook. Computed in the import preview's worker while the preview is shown (`liveCells`), the
 * page only clears the cells it names (`withLiveCells`).
 */
import { type LiveValues, liveTotals } from '../domain/liveFollow';
import { type StatedCell, withoutStated } from '../domain/liveTotals';
import { leaves } from '../domain/columns';
import type { AppendixSheet, Id, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';

/**
 * The stated figures that become live totals, by sheet id (sheets without any left out), and the
 * shape of the workbook they were computed on (`planShape`).
 */
export interface LiveCells {
  shape: number;
  cells: Record<Id, StatedCell[]>;
}

/** The workbook with its agreeing stated figures live (the same object when none is). */
export function withLiveTotals(wb: Workbook): Workbook {
  const engineValues = (s: AppendixSheet) => {
    // a sheet that needs the engine (a formula typed in a cell), built with the workbook's others
    const engine = new PlanEngine();
    engine.loadWorkbook({ ...wb, sheets: wb.sheets.map((x) => (x.id === s.id ? s : x)) });
    return engine.values(s.id);
  };
  const valuesFor = (s: AppendixSheet): LiveValues => {
    const plain = PlainValues.of(s);
    if (!plain) return { read: engineValues(s), follow: (out) => engineValues(out) };
    return {
      read: plain.values(),
      follow: (out, changed) =>
        plain.edit(out.rows, changed) ? plain.values() : engineValues(out),
    };
  };
  const sheets = wb.sheets.map((s) => liveTotals(s, valuesFor));
  return sheets.every((s, i) => s === wb.sheets[i]) ? wb : { ...wb, sheets };
}

/** The figures `withLiveTotals` clears, as data (for the page, from the preview's worker). */
export function liveCells(wb: Workbook): LiveCells {
  const live = withLiveTotals(wb);
  const cells: LiveCells['cells'] = {};
  wb.sheets.forEach((s, k) => {
    const after = live.sheets[k];
    if (after === s) return;
    const mine: StatedCell[] = [];
    s.rows.forEach((r, i) => {
      const now = after.rows[i];
      if (now === r) return;
      for (const key of Object.keys(r.cells))
        if (!(key in now.cells)) mine.push({ rowId: r.id, key });
    });
    if (mine.length) cells[s.id] = mine;
  });
  return { shape: planShape(wb), cells };
}

/**
 * A fingerprint of what live totals read of a workbook's structure and stated figures: its sheets'
 * ids and columns, each row's id, kind, level and reading, and the figures of its sections and
 * total rows (32-bit; the page checks that live cells computed elsewhere are for the plan it holds).
 */
export function planShape(wb: Workbook): number {
  let h = wb.sheets.length | 0;
  const mix = (x: number) => {
    h = (Math.imul(h ^ x, 0x01000193) + 0x9e3779b9) | 0;
  };
  const str = (t: string) => {
    mix(t.length);
    for (let k = 0; k < t.length; k++) mix(t.charCodeAt(k));
  };
  for (const s of wb.sheets) {
    str(s.id);
    for (const l of leaves(s.columns)) str(`${l.id}\u0000${l.role}\u0000${l.year ?? ''}`);
    mix(s.rows.length);
    for (const r of s.rows) {
      str(r.id);
      mix(r.kind.charCodeAt(0));
      mix(r.level);
      str(r.part ?? '');
      if (r.kind === 'project') continue;
      for (const [k, x] of Object.entries(r.cells)) if (typeof x === 'number') str(`${k}=${x}`);
    }
  }
  return h >>> 0;
}

/**
 * The workbook with the figures `live` names cleared: what `withLiveTotals` gives, `live` being
 * computed on this very workbook; null when it was not (another shape, or a cell named that is no
 * stated figure here): the caller then computes them itself.
 */
export function withLiveCells(wb: Workbook, live: LiveCells): Workbook | null {
  if (planShape(wb) !== live.shape) return null;
  if (Object.keys(live.cells).some((id) => !wb.sheets.some((s) => s.id === id))) return null;
  let changed = false;
  const sheets: AppendixSheet[] = [];
  for (const s of wb.sheets) {
    const mine = live.cells[s.id];
    if (!mine?.length) {
      sheets.push(s);
      continue;
    }
    const rows = new Map(s.rows.map((r) => [r.id, r]));
    for (const c of mine) if (typeof rows.get(c.rowId)?.cells[c.key] !== 'number') return null;
    changed = true;
    sheets.push(withoutStated(s, mine));
  }
  return changed ? { ...wb, sheets } : wb;
}
