/**
 * Workbooks for the tests of the checks' passes: a generated plan bent to give findings on many
 * rows, with a Ministry of Finance table and the property kit's appendix beside it; and the
 * findings of a one-go pass over a fresh copy (the oracle every stepped pass must end in).
 */
import { readFileSync } from 'node:fs';
import { CheckStore } from '../../src/app/checkStore';
import { startWorkbook } from '../../src/app/randomSteps';
import type { WorkbookSession } from '../../src/app/session';
import { generatePlan, prng } from '../../src/domain/generate';
import type { Finding } from '../../src/domain/checks';
import type { AppendixSheet, Row, Workbook } from '../../src/domain/types';
import { PlanEngine } from '../../src/engine/engine';
import { readPlanFile } from '../../src/io/readPlan';

const AMOUNTS = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [`y${y}_dtpt`, `y${y}_sn`]);

/** A generated plan with wrong stated figures here and there (findings on many rows). */
export function bent(seed: number, projects = 300): Workbook {
  const wb = generatePlan({ projects, seed, perSection: 12 });
  const rnd = prng(seed * 7 + 1);
  const rows: Row[] = wb.sheets[0].rows.map((r) => {
    const cells = { ...r.cells };
    const x = rnd();
    if (r.kind === 'project' && x < 0.1) cells.stated = Number(cells.stated ?? 0) + 7;
    if (r.kind === 'section' && x < 0.3) cells[AMOUNTS[seed % 10]] = Math.round(rnd() * 20000);
    return { ...r, cells };
  });
  return { ...wb, sheets: [{ ...wb.sheets[0], rows }] };
}

/** A workbook of three appendices: a bent plan, a Ministry of Finance table, the property kit's. */
export function threeSheets(seed: number, mof = 'fixtures/mof/Plan_2014.xls'): Workbook {
  const wb = bent(seed);
  const table = readPlanFile('p.xls', readFileSync(mof)).workbook;
  const kit = startWorkbook(seed);
  const second = { ...(table.sheets[0] as AppendixSheet), id: 'mof', name: 'Bộ Tài chính' };
  const third = { ...kit.sheets[0], id: 'kit', name: 'Bộ thử' };
  return { ...wb, sheets: [...wb.sheets, second, third] };
}

/** Every finding of every sheet, from a one-go pass over a fresh copy (no cache shared). */
export function fresh(wb: Workbook): Finding[][] {
  const copy = structuredClone(wb);
  const engine = new PlanEngine();
  engine.loadWorkbook(copy);
  const store = new CheckStore();
  store.full(copy, engine);
  return copy.sheets.map((s) => store.list(copy, s.id));
}

/** The findings a session shows, per sheet in order. */
export const shown = (s: WorkbookSession): Finding[][] =>
  s.workbook.sheets.map((sh) => s.checks.list(s.workbook, sh.id));
