/**
 * #20: the row lists of a workbook just loaded (read back in key order) or just stored (an import)
 * are known in order, so the first structural step reads the order keys of the stretch it changed
 * only, not every row's; the keys given after random steps are those of the old full path
 * (tests/support/structureBefore), and the rows read back from storage come in the session's order.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Command } from '../domain/commands';
import { generatePlan } from '../domain/generate';
import type { Id } from '../domain/types';
import { openDb } from '../storage/db';
import { type LoadedWorkbook, WorkbookRepo } from '../storage/repo';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';
import { storedChangeBefore } from '../../tests/support/structureBefore/storedChange';
import { addRow } from './rowActions';
import { WorkbookSession } from './session';

/** An order map counting its reads. */
class CountedOrder extends Map<Id, string> {
  gets = 0;
  override get(k: Id): string | undefined {
    this.gets++;
    return super.get(k);
  }
}

/** The loaded workbook with its keys in a counting map. */
function counted(loaded: LoadedWorkbook): LoadedWorkbook & { order: CountedOrder } {
  const order = new CountedOrder(loaded.order);
  return { ...loaded, order };
}

/** A row inserted at `at` of the first sheet (as the row menu does). */
function insertAt(s: WorkbookSession, at: number): Command {
  const r = addRow(s.workbook.sheets[0], at, 'project');
  if (!('command' in r)) throw new Error('refused');
  return r.command;
}

let dbs = 0;
const newRepo = () => new WorkbookRepo(openDb(`loaded-order-${dbs++}`));

describe('order keys after a load', () => {
  it('the first step after a load or an import reads the keys of its stretch only', async () => {
    const repo = newRepo();
    const wb = generatePlan({ projects: 1_500, seed: 7 });
    const rows = wb.sheets[0].rows.length;
    const created = counted(await repo.create(wb));
    const loaded = counted((await repo.load(wb.id))!);
    expect([created.keysInOrder, loaded.keysInOrder]).toEqual([true, true]);
    for (const l of [created, loaded]) {
      const s = new WorkbookSession(l, null);
      l.order.gets = 0;
      expect(s.dispatch(insertAt(s, 600), 'insertRow').ok).toBe(true);
      expect(l.order.gets).toBeLessThan(20);
      s.close();
    }
    // not said in order (a session over a workbook of no storage): every key read once
    const unsaid = counted({ ...loaded, keysInOrder: undefined });
    const s = new WorkbookSession(unsaid, null);
    unsaid.order.gets = 0;
    s.dispatch(insertAt(s, 600), 'insertRow');
    expect(unsaid.order.gets).toBeGreaterThan(rows);
    s.close();
  });

  it('rows read back out of key order are not said to be in order', async () => {
    const repo = newRepo();
    const wb = generatePlan({ projects: 30, seed: 3 });
    await repo.create(wb);
    const db = openDb(`loaded-order-${dbs - 1}`);
    // two rows of one key (never given by the app): read back, they are not strictly increasing
    const [a, b] = wb.sheets[0].rows;
    const key = (await db.rows.get([wb.sheets[0].id, a.id]))!.order;
    await db.rows.update([wb.sheets[0].id, b.id], { order: key });
    expect((await repo.load(wb.id))!.keysInOrder).toBe(false);
  });

  it('random steps after a load give the keys of the full path; storage reads the rows back in order', async () => {
    const repo = newRepo();
    const wb = generatePlan({ projects: 600, seed: 11 });
    await repo.create(wb);
    const loaded = (await repo.load(wb.id))!;
    const old = new Map(loaded.order);
    const s = new WorkbookSession(loaded, repo);
    s.subscribe((e) => {
      if (e.kind === 'reload') return;
      storedChangeBefore(e.delta, e.after, old);
      expect([...loaded.order].sort()).toEqual([...old].sort());
    });
    const rnd = seeded(5);
    const sheetId = wb.sheets[0].id;
    for (let k = 0; k < 40; k++) {
      const n = s.workbook.sheets[0].rows.length;
      const at = 1 + Math.floor(rnd() * (n - 3));
      const x = rnd();
      if (x < 0.3) s.dispatch(insertAt(s, at), 'insertRow');
      else if (x < 0.5) {
        const rowIds = [s.workbook.sheets[0].rows[at].id];
        s.dispatch({ type: 'deleteRows', sheetId, rowIds }, 'deleteRows');
      } else if (x < 0.75) {
        const count = 1 + Math.floor(rnd() * 3);
        const to = Math.floor(rnd() * (n - count));
        s.dispatch({ type: 'moveRows', sheetId, from: at, count, to }, 'moveRows');
      } else if (x < 0.9) s.undo();
      else s.redo();
    }
    await s.whenSaved();
    const back = (await repo.load(wb.id))!;
    expect(back.keysInOrder).toBe(true);
    expect(back.workbook.sheets[0].rows.map((r) => r.id)).toEqual(
      s.workbook.sheets[0].rows.map((r) => r.id),
    );
    s.close();
  });
});
