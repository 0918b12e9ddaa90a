/**
 * Random steps for the property tests: a small workbook, and commands of every kind built from
 * random seeds against the workbook as it is (so that they name rows, sheets and cells that exist).
 */
import { leaves } from '../domain/columns';
import type { Command } from '../domain/commands';
import { makePlan, newSheet } from '../domain/template';
import type { CellInput, GridSheet, Workbook } from '../domain/types';
import { formCommand } from './randomForm';
import { amount, type Ids, KINDS, newRow, type Seed, text } from './randomSeeds';
import { WorkbookSession } from './session';

export { type Ids, type Seed, seedArb } from './randomSeeds';

/** The command a seed stands for, against the workbook as it is now (null: nothing to do). */
export function commandOf(wb: Workbook, s: Seed, ids: Ids): Command | null {
  if (s.kind < 0) {
    // form edits are steps of their own (the app never batches them with cell writes: a sheet
    // built again for new columns is written without the dry check of cell writes)
    const cmds = s.parts
      .filter((p) => p.kind % 14 !== 13)
      .map((p) => commandOf(wb, p, ids))
      .filter((c): c is Command => !!c);
    // later parts are built against the workbook before the batch: they may fail, as users' do
    return cmds.length ? { type: 'batch', commands: cmds } : null;
  }
  const sheet = wb.sheets[s.a % Math.max(1, wb.sheets.length)];
  const grids = wb.grids ?? [];
  const k = s.kind % 14;
  if (!sheet && (k <= 5 || k === 13)) return null;
  const n = sheet?.rows.length ?? 0;
  const ls = sheet ? leaves(sheet.columns) : [];
  switch (k) {
    case 0:
    case 1:
    case 2: {
      if (!n) return null;
      const count = 1 + (s.d % 3);
      const changes = Array.from({ length: count }, (_, j) => {
        const row = sheet.rows[(s.b + j * 7) % n];
        const l = ls[(s.c + j) % ls.length];
        const numeric = ['amount', 'stated', 'value', 'rowTotal'].includes(l.role);
        const colId = row.kind === 'total' && (s.d + j) % 5 === 0 ? 'y2011' : l.id;
        return { rowId: row.id, colId, value: numeric ? amount(s.d + j * 13, n) : text(s.d + j) };
      });
      return { type: 'setCells', sheetId: sheet.id, changes };
    }
    case 3: {
      const count = 1 + (s.d % 3);
      const rows = Array.from({ length: count }, (_, j) => newRow(s, j, n, ids));
      return { type: 'insertRows', sheetId: sheet.id, at: s.b % (n + 1), rows };
    }
    case 4: {
      if (!n) return null;
      const count = 1 + (s.d % 3);
      const rowIds = [
        ...new Set(Array.from({ length: count }, (_, j) => sheet.rows[(s.b + j * 3) % n].id)),
      ];
      return { type: 'deleteRows', sheetId: sheet.id, rowIds };
    }
    case 5: {
      if (n < 2) return null;
      const from = s.b % n;
      const count = 1 + (s.c % Math.min(3, n - from));
      const to = s.d % (n - count + 1);
      if (to === from) return null;
      if (s.kind % 2) {
        const shapes = [0, 1].map((j) => {
          const row = sheet.rows[(s.b + j * 5) % n];
          return { rowId: row.id, level: (s.c + j) % 4, kind: KINDS[(s.d + j) % KINDS.length] };
        });
        return { type: 'reshape', sheetId: sheet.id, shapes };
      }
      return { type: 'moveRows', sheetId: sheet.id, from, count, to };
    }
    case 6: {
      const meta = { ...wb.meta, title: `Kế hoạch ${s.b}` };
      if (s.c % 2) meta.ceilings = { ...(meta.ceilings ?? {}), [`2011|ĐTPT`]: s.d };
      if (s.c % 3 === 0) meta.unitAliases = { ubnd: 'Sở Tài chính' };
      return { type: 'setMeta', meta };
    }
    case 7: {
      const sh = { ...newSheet(wb.meta, `Phụ lục ${s.b}`), id: `s${ids.prefix}${ids.next++}` };
      return { type: 'addSheet', sheet: sh, at: s.c % (wb.sheets.length + 1) };
    }
    case 8:
      return wb.sheets.length > 1 ? { type: 'removeSheet', sheetId: sheet.id } : null;
    case 9:
    case 10: {
      const g = grids[s.b % Math.max(1, grids.length)];
      if (!g) return null;
      const others = grids.filter((x) => x !== g).map((x) => x.name);
      const values: CellInput[] = [
        s.d % 100,
        null,
        `=A1+${1 + (s.d % 5)}`,
        `=SUM(A1:B${1 + (s.d % 4)})`,
        'chữ',
        '=1/0',
        `=C${1 + (s.c % 4)}`,
        others.length ? `='${others[0]}'!A1*2` : '=2*3',
        `='Phụ lục'!E${1 + (s.d % 6)}+1`,
        `=SUM('Phụ lục'!E1:F${1 + (s.c % 8)})`,
        `='Phụ lục'!I${1 + (s.c % 6)}`,
      ];
      const changes = [0, 1].slice(0, 1 + (s.a % 2)).map((j) => ({
        r: (s.c + j) % 5,
        c: (s.d + j) % 3,
        value: values[(s.kind + s.d + j) % values.length],
      }));
      return { type: 'setGridCells', gridId: g.id, changes };
    }
    case 11: {
      const g: GridSheet = {
        kind: 'grid',
        id: `g${ids.prefix}${ids.next++}`,
        name: `Bảng ${s.b % 7}`,
        cells: [
          [s.c % 50, '=A1*2'],
          ['x', s.d % 9],
        ],
      };
      return { type: 'addGrid', grid: g, at: s.c % (grids.length + 1) };
    }
    case 13:
      return formCommand(wb, sheet, s, ids);
    default:
      return grids.length ? { type: 'removeGrid', gridId: grids[s.b % grids.length].id } : null;
  }
}

/** The starting workbook of a run (sheet and grid ids unique to the run). */
export function startWorkbook(run: number): Workbook {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'p1', { '2011:ĐTPT': 100, '2011:SN': 10, lead: 'Sở Tài chính' }],
      ['section', 1, '1', {}],
      ['project', 2, 'p2', { '2011:ĐTPT': '=E2*2', '2012:SN': 4, lead: 'UBND' }],
      ['project', 2, 'p3', { '2012:ĐTPT': 5 }],
      ['section', 0, 'II', { y2011_dtpt: 999 }],
      ['project', 1, 'p4', { '2011:SN': 7 }],
      ['total', 0, 'Tổng cộng', { stated: 300, y2011: 310 }],
    ],
  });
  const sheet = { ...wb.sheets[0], id: `s${run}` };
  const grid: GridSheet = {
    kind: 'grid',
    id: `g${run}`,
    name: 'Dữ liệu',
    cells: [
      [1, 2, '=A1+B1'],
      ['chữ', 3.5, '=SUM(A1:B1)'],
    ],
  };
  return { ...wb, id: `w${run}`, sheets: [sheet], grids: [grid] };
}

/** Everything a user can see of the workbook: the model and every computed figure. */
export function snapshot(s: WorkbookSession): { model: unknown; values: unknown } {
  const wb = s.workbook;
  const values: unknown[] = [];
  for (const sh of wb.sheets) {
    const ls = leaves(sh.columns);
    sh.rows.forEach((_, i) => values.push(ls.map((l) => s.value(sh.id, i, l.id))));
    const layout = s.layout(sh.id);
    for (const src of [...layout.sources, null])
      values.push(ls.map((l) => s.total(sh.id, src, l.id)));
  }
  for (const g of wb.grids ?? [])
    for (let r = 0; r < 6; r++) values.push([0, 1, 2, 3].map((c) => s.gridValue(g.id, r, c)));
  // the model is immutable: holding it is a snapshot
  return { model: { meta: wb.meta, sheets: wb.sheets, grids: wb.grids ?? [] }, values };
}

/** What a run of the property checks after each step (storage is read back when a repo is given). */
export interface RunChecks {
  /** The stored workbook as the model (meta, sheets, grids), after every write so far. */
  stored?: () => Promise<unknown>;
  equal: (a: unknown, b: unknown) => void;
}

/** The figures of a session built afresh from the model (what the engine must agree with). */
export function freshValues(s: WorkbookSession): unknown {
  const order = new Map<string, string>();
  return snapshot(new WorkbookSession({ workbook: s.workbook, order, rev: 0 }, null)).values;
}

/**
 * Runs the seeds as steps on a session, then undoes them all and redoes them all, checking at each
 * step that the model, every figure and (with storage) the stored rows are those of that state.
 * Returns the number of steps dispatched.
 */
export async function runSteps(
  s: WorkbookSession,
  seeds: readonly Seed[],
  ids: Ids,
  check: RunChecks,
): Promise<number> {
  let steps = 0;
  const states = [snapshot(s)];
  const stored = async (k: number) => {
    if (check.stored) check.equal(await check.stored(), states[k].model);
  };
  for (const seed of seeds) {
    const cmd = commandOf(s.workbook, seed, ids);
    if (!cmd) continue;
    let r;
    try {
      r = s.dispatch(cmd, `step ${steps}`);
    } catch (e) {
      // a later part of a batch may name a row or sheet an earlier part removed
      if (e instanceof Error && / not found| exists/.test(e.message)) continue;
      throw e;
    }
    steps++;
    if (!r.ok || s.history.labels().undo !== `step ${steps - 1}`) {
      check.equal(snapshot(s), states.at(-1));
      continue;
    }
    states.push(snapshot(s));
    await stored(states.length - 1);
  }
  const done = states.length - 1;
  for (let k = done; k > 0; k--) {
    check.equal(s.undo(), true);
    check.equal(snapshot(s), states[k - 1]);
    await stored(k - 1);
  }
  check.equal(s.undo(), false);
  for (let k = 1; k <= done; k++) {
    check.equal(s.redo(), true);
    check.equal(snapshot(s), states[k]);
    await stored(k);
  }
  check.equal(freshValues(s), states[done].values);
  return steps;
}
