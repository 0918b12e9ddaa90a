/**
 * A workbook without formulas is loaded without its labels in the engine, and reads the same: every
 * value and raw input of the real Quảng Trị plan equals a full load's; the first formula written
 * (typed into a cell, a grid sheet's, a sheet added) reads the labels it names.
 */
import type { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { leaves } from '../domain/columns';
import { generatePlan } from '../domain/generate';
import { setCells } from '../domain/ops';
import type { AppendixSheet, Workbook } from '../domain/types';
import { PlanEngine } from './engine';

const plan = (): Workbook => generatePlan({ projects: 120 });

/** The engine's HyperFormula instance (tests only). */
const hfOf = (e: PlanEngine) => (e as unknown as { hf: HyperFormula }).hf;

/** The same workbook with a grid sheet holding one formula: every text is loaded. */
const withFormula = (wb: Workbook): Workbook => ({
  ...wb,
  grids: [{ kind: 'grid', id: 'g1', name: 'Ghi chép', cells: [['=1+1']] }],
});

/** The first project row with a name, and the column ids of its name and an amount. */
function firstProject(s: AppendixSheet) {
  const i = s.rows.findIndex((r) => r.kind === 'project' && typeof r.cells.name === 'string');
  const amount = leaves(s.columns).find((l) => l.role === 'amount')!.id;
  return { i, row: s.rows[i], amount };
}

describe('labels left out of the engine while no formula reads them', () => {
  it('a plan without formulas holds no label in the engine, and reads every value and raw input as a full load', () => {
    const wb = plan();
    const s = wb.sheets[0];
    const lean = new PlanEngine();
    lean.loadWorkbook(wb);
    const full = new PlanEngine();
    full.loadWorkbook(withFormula(wb));
    const { i } = firstProject(s);
    const nameCol = lean.layout(s.id).col.get('name')!;
    const sheetId = hfOf(lean).getSheetId(s.name)!;
    expect(hfOf(lean).getCellValue({ sheet: sheetId, row: i, col: nameCol })).toBeNull();
    expect(hfOf(full).getCellValue({ sheet: sheetId, row: i, col: nameCol })).toBe(
      s.rows[i].cells.name,
    );
    let texts = 0;
    for (let r = 0; r < s.rows.length; r++)
      for (const l of leaves(s.columns)) {
        const v = lean.value(s.id, r, l.id);
        if (typeof v === 'string') texts++;
        expect(v, `${r} ${l.id}`).toEqual(full.value(s.id, r, l.id));
        expect(lean.raw(s.id, r, l.id), `${r} ${l.id}`).toEqual(full.raw(s.id, r, l.id));
      }
    expect(texts).toBeGreaterThan(50);
  });

  it('a formula typed into a cell reads the label it names (every text is put in first)', () => {
    const wb = plan();
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const s = wb.sheets[0];
    const { i, row, amount } = firstProject(s);
    const name = String(row.cells.name);
    const nameA1 = `${String.fromCharCode(65 + e.layout(s.id).col.get('name')!)}${i + 1}`;
    const after = setCells(s, [{ rowId: row.id, colId: amount, value: `=LEN(${nameA1})` }]);
    const patch = e.setCells(after);
    expect(Array.isArray(patch)).toBe(false);
    expect(e.value(s.id, i, amount)).toBe(name.length);
    // the label of another row too: the texts are all in now
    const j = s.rows.findIndex((r, k) => k > i && typeof r.cells.name === 'string');
    const otherA1 = `${String.fromCharCode(65 + e.layout(s.id).col.get('name')!)}${j + 1}`;
    const again = setCells(after, [{ rowId: row.id, colId: amount, value: `=LEN(${otherA1})` }]);
    e.setCells(again);
    expect(e.value(s.id, i, amount)).toBe(String(s.rows[j].cells.name).length);
  });

  it("a grid sheet's formula reads an appendix label", () => {
    const wb = plan();
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const s = wb.sheets[0];
    const { i, row } = firstProject(s);
    const col = String.fromCharCode(65 + e.layout(s.id).col.get('name')!);
    e.addGrid({
      kind: 'grid',
      id: 'g2',
      name: 'Tra cứu',
      cells: [[`='${s.name}'!${col}${i + 1}`]],
    });
    expect(e.gridValue('g2', 0, 0)).toBe(row.cells.name);
  });

  it('a workbook with formulas loads its labels', () => {
    const wb = withFormula(plan());
    const s = wb.sheets[0];
    const { i, row } = firstProject(s);
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const col = e.layout(s.id).col.get('name')!;
    const sheetId = hfOf(e).getSheetId(s.name)!;
    expect(hfOf(e).getCellValue({ sheet: sheetId, row: i, col })).toBe(row.cells.name);
  });
});
