/**
 * The live findings after edits (kept incrementally: the check context and the balance rows carried
 * over cells-only steps, only the changed rows re-checked) equal a full pass over a fresh copy of
 * the workbook, after random edits from fixed seeds: figures, labels, rows the balance search reads.
 */
import { describe, expect, it } from 'vitest';
import { balanceRows } from '../domain/balanceRows';
import { carryBalances, sheetBalances } from '../domain/balanceSheet';
import { carryContext, sheetContext } from '../domain/checkContext';
import { setCells } from '../domain/ops';
import { leaves } from '../domain/columns';
import { generatePlan, prng as random } from '../domain/generate';
import type { AppendixSheet, Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { readPlanFile } from '../io/readPlan';
import { CheckStore } from './checkStore';
import { WorkbookSession } from './session';

/** Two budget tables with derived balances (a deficit C − A − B, a difference I − II). */
function balancePlan(): Workbook {
  const lines = [
    ['STT', 'Chỉ tiêu', 'Dự toán', 'Ước thực hiện', 'Quyết toán'],
    ['A', 'TỔNG THU CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '740.500', '750.000', '760.000'],
    ['1', 'Thu nội địa', '494.600', '500.000', '510.000'],
    ['2', 'Thu từ dầu thô', '245.900', '250.000', '250.000'],
    ['B', 'THU CHUYỂN NGUỒN NĂM TRƯỚC', '22.400', '22.400', '22.400'],
    ['C', 'TỔNG CHI CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC', '903.100', '910.000', '915.000'],
    ['1', 'Chi đầu tư phát triển', '180.000', '181.000', '182.000'],
    ['2', 'Chi thường xuyên', '723.100', '729.000', '733.000'],
    ['D', 'BỘI CHI NGÂN SÁCH NHÀ NƯỚC', '140.200', '137.600', '132.600'],
    ['E', 'NGÂN SÁCH ĐỊA PHƯƠNG', '', '', ''],
    ['I', 'Nguồn thu ngân sách địa phương', '240.882', '241.000', '242.000'],
    ['II', 'Chi cân đối ngân sách địa phương', '214.864', '215.000', '216.000'],
    ['III', 'Chênh lệch thu chi ngân sách địa phương', '26.018', '26.000', '26.000'],
    ['G', 'CHI KHÁC', '10', '20', '30'],
    ['1', 'Chi khác 1', '4', '5', '6'],
    ['2', 'Chi khác 2', '6', '15', '24'],
  ];
  const text = lines.map((l) => l.join('\t')).join('\n');
  return readPlanFile('plan.tsv', new TextEncoder().encode(text)).workbook;
}

/** Every finding of every sheet, from a full pass over a fresh copy (no cache shared). */
function fresh(wb: Workbook) {
  const copy = structuredClone(wb);
  const engine = new PlanEngine();
  engine.loadWorkbook(copy);
  const store = new CheckStore();
  store.full(copy, engine);
  return copy.sheets.map((s) => store.list(copy, s.id));
}

/** The figure columns of a sheet (amounts, stated totals, or the values of a read table). */
const figures = (sheet: AppendixSheet) =>
  leaves(sheet.columns).filter((l) => ['amount', 'stated', 'value'].includes(l.role));

const LABELS = ['Bội chi', 'Chênh lệch thu chi', 'Thu khác', 'Chi khác', 'Tổng thu', 'Dự án A'];

/** Random cells-only edits (figures mostly, now and then a label), checked after each step. */
function editAndCompare(s: WorkbookSession, seed: number, steps: number): void {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  for (let k = 0; k < steps; k++) {
    const sheet = s.workbook.sheets[0];
    const amounts = figures(sheet);
    const changes = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
      const row = pick(sheet.rows);
      if (rnd() < 0.15) return { rowId: row.id, colId: 'name', value: pick(LABELS) };
      const v = rnd() < 0.1 ? null : Math.round(rnd() * 1000);
      return { rowId: row.id, colId: pick(amounts).id, value: v };
    });
    s.dispatch({ type: 'setCells', sheetId: sheet.id, changes }, 'edit');
    const wb = s.workbook;
    expect(wb.sheets.map((x) => s.checks.list(wb, x.id))).toEqual(fresh(wb));
    const now = wb.sheets[0];
    const ctx = sheetContext(structuredClone(now));
    const full = balanceRows(now.rows, ctx.additive, ctx.labelRules);
    const kept = sheetBalances(now);
    expect([kept.derived, kept.rules]).toEqual([full.derived, full.rules]);
  }
}

const session = (wb: Workbook) =>
  new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);

describe('incremental checks equal a full pass', () => {
  it('on budget tables with derived balance rows, after random edits', () => {
    for (const seed of [1, 2]) editAndCompare(session(balancePlan()), seed, 30);
  });

  it('on a generated plan of projects, after random edits', () => {
    editAndCompare(session(generatePlan({ projects: 120 })), 7, 25);
  });

  it('carries the balances of a sheet over an edit far from every balance row', () => {
    const s = session(balancePlan());
    const sheet = s.workbook.sheets[0];
    const before = sheetBalances(sheet);
    expect(before.derived.size).toBeGreaterThan(0);
    const far = sheet.rows.find((r) => String(r.cells.name).startsWith('Chi khác 1'))!;
    const col = figures(sheet)[0].id;
    s.dispatch(
      { type: 'setCells', sheetId: sheet.id, changes: [{ rowId: far.id, colId: col, value: 5 }] },
      'e',
    );
    expect(sheetBalances(s.workbook.sheets[0])).toBe(before);
    // the carry-over B, an operand of the deficit (stated figures, as a reader may change them)
    const operand = sheet.rows.find((r) => String(r.cells.name).startsWith('THU CHUYỂN'))!;
    const now = s.workbook.sheets[0];
    const after = setCells(now, [{ rowId: operand.id, colId: col, value: 1 }]);
    carryBalances(now, after, [{ before: operand, after: after.rows[now.rows.indexOf(operand)] }]);
    expect(sheetBalances(after)).not.toBe(before);
  });

  it('carried balances equal a fresh search after random edits of any row (figures, labels)', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
      let sheet = balancePlan().sheets[0];
      const cols = figures(sheet);
      sheetBalances(sheet);
      for (let k = 0; k < 60; k++) {
        const row = pick(sheet.rows);
        const change =
          rnd() < 0.15
            ? { rowId: row.id, colId: 'name', value: pick(LABELS) }
            : {
                rowId: row.id,
                colId: pick(cols).id,
                value: rnd() < 0.1 ? null : Math.round(rnd() * 1e6),
              };
        const next = setCells(sheet, [change]);
        const i = sheet.rows.indexOf(row);
        carryContext(sheet, next, [{ before: row, after: next.rows[i] }]);
        carryBalances(sheet, next, [{ before: row, after: next.rows[i] }]);
        sheet = next;
        const ctx = sheetContext(structuredClone(sheet));
        const full = balanceRows(structuredClone(sheet.rows), ctx.additive, ctx.labelRules);
        const kept = sheetBalances(sheet);
        expect([kept.derived, kept.rules]).toEqual([full.derived, full.rules]);
      }
    }
  });
});
