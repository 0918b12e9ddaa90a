/**
 * #20: a structural step (insert, delete, move rows, then undo and redo) reads only the stretch of
 * rows it changed: the rows both lists share at their ends are not looked up, not walked for
 * formulas, their order keys not read. Proved against the frozen whole-list code
 * (tests/support/structureBefore): through random steps on a plan of ~2,700 rows with formulas,
 * hand numbers and rows numbered wrongly, the resulting rows, the delta, the rows an undo and a
 * redo give, the stored change and the order keys are the old ones; the indexes and formula rows
 * read through earlier lists are those of the whole list.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../domain/commands';
import { diffWorkbooks, reverseDelta } from '../domain/delta';
import { applyDeltaOnto } from '../domain/deltaOnto';
import { formulaRows, holdsFormula } from '../domain/formulaRows';
import { generatePlan } from '../domain/generate';
import { insertRows } from '../domain/ops';
import { indexOfRows } from '../domain/rowIndex';
import type { AppendixSheet, Row, RowKind, Workbook } from '../domain/types';
import { orderKeys } from '../storage/repo';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { diffSheetBefore, patchSheetBefore } from '../../tests/support/structureBefore/delta';
import {
  deleteRowsBefore,
  insertRowsBefore,
  moveRowsBefore,
  renumberBefore,
} from '../../tests/support/structureBefore/ops';
import { storedChangeBefore } from '../../tests/support/structureBefore/storedChange';
import { addRow } from './rowActions';
import { storedChange } from './storedChange';

/**
 * A plan of `projects` projects with formulas naming rows below and above (in its first `span`
 * rows, naming rows among them), and odd numbers.
 */
function plan(projects: number, seed: number, span = Infinity): Workbook {
  const wb = generatePlan({ projects, seed });
  const rnd = seeded(seed);
  const s = wb.sheets[0];
  const rows = s.rows.map((r, i) => {
    if (r.kind === 'total') return r;
    const x = rnd();
    const to = 1 + Math.floor(rnd() * Math.min(span, s.rows.length));
    if (x < 0.04 && i < span) return { ...r, cells: { ...r.cells, note: `=F${to}+F${i + 1}` } };
    if (x < 0.05) return { ...r, cells: { ...r.cells, tt: 'x.' }, manualNumber: true as const };
    if (x < 0.06) return { ...r, cells: { ...r.cells, tt: '7)' } };
    return r;
  });
  return { ...wb, sheets: [{ ...s, rows }, ...wb.sheets.slice(1)] };
}

/** The command adding a row of `kind` at row `at` (as the row menu does). */
function added(s: AppendixSheet, at: number, kind: RowKind): Command {
  const r = addRow(s, at, kind);
  if (!('command' in r)) throw new Error('refused');
  return r.command;
}

/** The sheet the frozen code gives for a structural command (null: not one). */
function oldSheet(s: AppendixSheet, cmd: Command, now: AppendixSheet): Row[] | null {
  const scheme = now.numbering!;
  if (cmd.type === 'insertRows')
    return renumberBefore(insertRowsBefore(s, cmd.at, cmd.rows).rows, scheme);
  if (cmd.type === 'deleteRows')
    return renumberBefore(deleteRowsBefore(s, cmd.rowIds).rows, scheme);
  if (cmd.type === 'moveRows')
    return renumberBefore(moveRowsBefore(s, cmd.from, cmd.count, cmd.to).rows, scheme);
  return null;
}

/** Checks one step from `wb` to `after` against the frozen code; returns the delta. */
function sameStep(
  wb: Workbook,
  after: Workbook,
  orders: [Map<string, string>, Map<string, string>],
) {
  const d = diffWorkbooks(wb, after);
  const a = wb.sheets[0];
  const b = after.sheets[0];
  const want = diffSheetBefore(a, b);
  expect(d.sheets[0] ?? null).toEqual(want);
  d.sheets[0]?.rows.forEach((r, k) => {
    expect(r.before).toBe(want!.rows[k].before);
    expect(r.after).toBe(want!.rows[k].after);
  });
  // the stored change and the keys, the new path knowing the rows before
  const got = storedChange(d, after, orders[0], wb);
  const old = storedChangeBefore(d, after, orders[1]);
  expect(got.putRows.length).toBe(old.putRows.length);
  got.putRows.forEach((p, k) => {
    expect(p.row).toBe(old.putRows[k].row);
    expect([p.sheetId, p.order]).toEqual([old.putRows[k].sheetId, old.putRows[k].order]);
  });
  expect(got.deleteRows).toEqual(old.deleteRows);
  expect([got.projects, got.meta]).toEqual([old.projects, old.meta]);
  expect(got.sheets).toBe(old.sheets);
  expect(got.grids).toBe(old.grids);
  expect([...orders[0]].sort()).toEqual([...orders[1]].sort());
  // indexes and formula rows read through earlier lists: those of the whole list
  const index = indexOfRows(b.rows);
  b.rows.forEach((r, i) => expect(index.get(r.id)).toBe(i));
  for (const r of a.rows)
    if (!index.has(r.id)) expect(b.rows.some((x) => x.id === r.id)).toBe(false);
  expect(index.get('nowhere')).toBeUndefined();
  expect(formulaRows(b.rows)).toEqual(b.rows.flatMap((r, i) => (holdsFormula(r) ? [i] : [])));
  return d;
}

describe('structural steps read the stretch they changed', () => {
  it('give the rows, delta, undo, redo and stored change of the whole-list code', () => {
    // formulas all over (steps change rows far off), and near the top only (steps change a few)
    for (const [seed, span] of [
      [1, Infinity],
      [2, 200],
    ]) {
      const rnd = seeded(seed * 77);
      const int = (n: number) => Math.floor(rnd() * n);
      let wb = plan(2_500, seed, span);
      const sheetId = wb.sheets[0].id;
      const keys = orderKeys(null, null, wb.sheets[0].rows.length);
      const orders: [Map<string, string>, Map<string, string>] = [new Map(), new Map()];
      wb.sheets[0].rows.forEach((r, i) => orders.forEach((o) => o.set(r.id, keys[i])));
      const undo: { d: ReturnType<typeof diffWorkbooks> }[] = [];
      const redo: typeof undo = [];
      for (let step = 0; step < 50; step++) {
        const s = wb.sheets[0];
        const x = rnd();
        if (x < 0.15 && undo.length) {
          const e = undo.pop()!;
          const back = reverseDelta(e.d);
          const { after } = applyDeltaOnto(wb, back);
          expect(after.sheets[0].rows).toEqual(patchSheetBefore(s, back.sheets[0]).rows);
          sameStep(wb, after, orders);
          redo.push(e);
          wb = after;
          continue;
        }
        if (x < 0.25 && redo.length) {
          const e = redo.pop()!;
          const { after } = applyDeltaOnto(wb, e.d);
          expect(after.sheets[0].rows).toEqual(patchSheetBefore(s, e.d.sheets[0]).rows);
          sameStep(wb, after, orders);
          undo.push(e);
          wb = after;
          continue;
        }
        const n = s.rows.length - 1; // (the grand total stays last)
        let cmd: Command;
        if (x < 0.5) cmd = added(s, int(n), rnd() < 0.8 ? 'project' : 'section');
        else if (x < 0.7) {
          const ids = Array.from({ length: 1 + int(3) }, () => s.rows[int(n)].id);
          cmd = { type: 'deleteRows', sheetId, rowIds: [...new Set(ids)] };
        } else if (x < 0.9) {
          const from = int(n - 4);
          const count = 1 + int(3);
          cmd = { type: 'moveRows', sheetId, from, count, to: Math.max(0, from + int(40) - 20) };
        } else {
          const r = s.rows[int(n)];
          cmd = {
            type: 'setCells',
            sheetId,
            changes: [{ rowId: r.id, colId: 'name', value: `n${step}` }],
          };
        }
        const after = applyCommand(wb, cmd);
        const want = oldSheet(s, cmd, after.sheets[0]);
        if (want) expect(after.sheets[0].rows).toEqual(want);
        const d = sameStep(wb, after, orders);
        undo.push({ d });
        redo.length = 0;
        wb = after;
      }
    }
  }, 300_000);

  it('a row inserted into thousands reads the cells of the rows around it only', () => {
    const wb = plan(2_500, 3);
    const s = wb.sheets[0];
    formulaRows(s.rows);
    indexOfRows(s.rows);
    // every row counts the times its cells are read
    let reads = 0;
    const counted = s.rows.map((r) => {
      const { cells, ...rest } = r;
      return Object.defineProperty({ ...rest }, 'cells', {
        get: () => (reads++, cells),
        enumerable: true,
      }) as Row;
    });
    const sheet = { ...s, rows: counted };
    formulaRows(counted);
    indexOfRows(counted);
    reads = 0;
    const row: Row = { id: 'new', kind: 'project', level: 2, cells: { name: 'x' } };
    const out = insertRows(sheet, 1_000, [row]);
    expect(out.rows[1_000].id).toBe('new');
    // (the formulas naming rows below are followed: those rows are read, none else)
    expect(reads).toBeLessThan(counted.filter(holdsFormula).length * 20 + 50);
    expect(counted.length * 5).toBeLessThan(reads * 20); // (the whole list: 5 or more per row)
  });

  it('the stored change of a row inserted into thousands reads the keys around it only', () => {
    // (no formulas: a formula naming rows below the new one would change its row too)
    const wb = generatePlan({ projects: 2_500, seed: 4 });
    const keys = orderKeys(null, null, wb.sheets[0].rows.length);
    let gets = 0;
    const order = new (class extends Map<string, string> {
      override get(k: string) {
        gets++;
        return super.get(k);
      }
    })();
    wb.sheets[0].rows.forEach((r, i) => order.set(r.id, keys[i]));
    const step = (w: Workbook, cmd: Command) => {
      const after = applyCommand(w, cmd);
      gets = 0;
      storedChange(diffWorkbooks(w, after), after, order, w);
      return after;
    };
    const s = wb.sheets[0];
    const wb1 = step(wb, added(s, 500, 'project')); // the first: every key read
    const wb2 = step(wb1, added(wb1.sheets[0], 1_500, 'project'));
    expect(wb2.sheets[0].rows.length).toBe(s.rows.length + 2);
    expect(gets).toBeLessThan(20);
  });
});
