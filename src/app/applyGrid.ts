/** Commands on plain grid sheets: cell edits, adding and removing a grid sheet. */
import { gridCell, setGridCells } from '../domain/grid';
import type { GridSheet, Id } from '../domain/types';
import type { Effects, ModelState } from './apply';
import { type Command, CommandRefused } from './commands';

/** Rows of a grid sheet whose values changed; `structure` when the sheet was added or removed. */
export interface GridPatch {
  gridId: Id;
  rows: Set<number>;
  structure: boolean;
}

type GridCommand = Extract<Command, { type: 'setGridCells' | 'addGrid' | 'removeGrid' }>;

function gridOf(st: ModelState, id: Id): GridSheet {
  const g = st.wb.grids?.find((x) => x.id === id);
  if (!g) throw new Error(`grid sheet ${id} not found`);
  return g;
}

/** Applies a grid command to the model and the grid engine; returns its inverse. */
export function applyGridCommand(st: ModelState, cmd: GridCommand, fx: Effects): Command {
  const grids = st.wb.grids ?? [];
  switch (cmd.type) {
    case 'setGridCells': {
      const g = gridOf(st, cmd.gridId);
      const old = cmd.changes.map((c) => ({ ...c, value: gridCell(g, c.r, c.c) })).reverse();
      const out = st.gridEngine.setCells(g.id, cmd.changes);
      if (Array.isArray(out))
        throw new CommandRefused(
          out.map((r) => ({ code: r.error as 'CYCLE', at: { r: r.r, c: r.c }, detail: r.message })),
        );
      const next = setGridCells(g, cmd.changes);
      st.wb = { ...st.wb, grids: grids.map((x) => (x.id === g.id ? next : x)) };
      fx.grids.push({ gridId: g.id, rows: out, structure: false });
      return { type: 'setGridCells', gridId: g.id, changes: old };
    }
    case 'addGrid': {
      const next = grids.slice();
      next.splice(cmd.at, 0, cmd.grid);
      st.gridEngine.add(cmd.grid);
      st.wb = { ...st.wb, grids: next };
      fx.grids.push({ gridId: cmd.grid.id, rows: new Set(), structure: true });
      fx.sheets = true;
      return { type: 'removeGrid', gridId: cmd.grid.id };
    }
    case 'removeGrid': {
      const g = gridOf(st, cmd.gridId);
      const at = grids.indexOf(g);
      st.gridEngine.remove(g.id);
      st.wb = { ...st.wb, grids: grids.filter((x) => x !== g) };
      fx.grids.push({ gridId: g.id, rows: new Set(), structure: true });
      fx.sheets = true;
      return { type: 'addGrid', grid: g, at };
    }
  }
}
