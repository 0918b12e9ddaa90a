/**
 * The export in a display unit: figures converted (1.500 triệu → 1,5 tỷ), the unit line naming
 * tỷ đồng, derived formulas and linear typed formulas live, others written as converted values;
 * openpyxl opens the file and LibreOffice, recalculating every formula, finds the values written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter, leaves } from '../domain/columns';
import { amountColumnId, makePlan } from '../domain/template';
import { isLinearFormula, planInUnit } from '../domain/unitExport';
import { PlanEngine } from '../engine/engine';
import { toCsv } from '../../tests/support/libreoffice';
import { readWithOpenpyxl } from '../../tests/support/openpyxl';
import { xlsxInUnit } from './unitExports';

const A = amountColumnId(2011, 'ĐTPT');

/** A plan in triệu đồng: 1.500, a formula twice the first (3.000), a constant formula (1.500). */
function plan() {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'a', { [A]: 1500 }],
    ],
  });
  const sheet = wb.sheets[0];
  const L = columnLetter(leaves(sheet.columns).findIndex((l) => l.id === A));
  const line = (id: string, name: string, v: string) => ({
    id,
    kind: 'project' as const,
    level: 1,
    cells: { tt: '-', name, [A]: v },
  });
  sheet.rows.push(line('r3', 'b', `=${L}2*2`), line('r4', 'c', '=1000+500'));
  wb.meta = { ...wb.meta, unit: 'triệu đồng', ceilings: { '2011|ĐTPT': 7000 } };
  return { wb, L };
}

describe('typed formulas that may stay live in another unit', () => {
  it('are sums and differences of money cells, times or over a number', () => {
    const money = new Set(['E', 'F']);
    expect(isLinearFormula('=E2+F3-E4', money)).toBe(true);
    expect(isLinearFormula('=SUM(E2:E9)*2', money)).toBe(true);
    expect(isLinearFormula('=(E2+F2)/2.5', money)).toBe(true);
    expect(isLinearFormula('=-E2', money)).toBe(true);
    // a constant term, a product of two money cells, another column, sheet or function: not linear
    expect(isLinearFormula('=E2+100', money)).toBe(false);
    expect(isLinearFormula('=1000+500', money)).toBe(false);
    expect(isLinearFormula('=E2*F2', money)).toBe(false);
    expect(isLinearFormula('=E2+G2', money)).toBe(false);
    expect(isLinearFormula("='Dữ liệu'!E2", money)).toBe(false);
    expect(isLinearFormula('=ROUND(E2,0)', money)).toBe(false);
    expect(isLinearFormula('=2*E2', money)).toBe(false);
  });
});

describe('a plan in another unit', () => {
  it('converts figures and ceilings, keeps linear formulas, writes the others as values', () => {
    const { wb, L } = plan();
    const engine = new PlanEngine();
    engine.loadWorkbook(structuredClone(wb));
    const { workbook, frozen } = planInUnit(wb, 'tỷ đồng', (s, i, c) => engine.value(s, i, c));
    expect(workbook.meta.unit).toBe('tỷ đồng');
    expect(workbook.meta.ceilings).toEqual({ '2011|ĐTPT': 7 });
    expect(workbook.sheets[0].rows.map((r) => r.cells[A] ?? null)).toEqual([
      null,
      1.5,
      `=${L}2*2`,
      1.5,
    ]);
    expect(frozen).toBe(1);
    // the plan itself is unchanged; a plan already in the unit comes back as it is
    expect(wb.sheets[0].rows[1].cells[A]).toBe(1500);
    expect(planInUnit(wb, 'triệu đồng', () => null).workbook).toBe(wb);
  });

  it('exports a valid workbook that LibreOffice recalculates to the same figures', async () => {
    const { wb } = plan();
    const engine = new PlanEngine();
    engine.loadWorkbook(structuredClone(wb));
    const { bytes } = await xlsxInUnit(wb, 'tỷ đồng', (s, i, c) => engine.value(s, i, c));
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-unit-')), 'ty.xlsx');
    writeFileSync(file, bytes);
    const [book] = readWithOpenpyxl([file]);
    if (!book.ok) throw new Error(book.error);
    const sheet = book.sheets[0];
    expect(sheet.cells.some((c) => c.value === 'ĐVT: tỷ đồng')).toBe(true);
    const formulas = sheet.cells.filter((c) => c.type === 'f').map((c) => String(c.value));
    expect(formulas.some((f) => /\*2$/.test(f))).toBe(true);
    expect(formulas.some((f) => /SUM\(/.test(f))).toBe(true);
    expect(sheet.cells.filter((c) => c.type === 'n').map((c) => c.value)).toContain(1.5);
    const cached = toCsv(file, false);
    const again = toCsv(file, true);
    const rows = again.get(sheet.name)!;
    // the section, and the grand total: 1,5 + 3 + 1,5 = 6 tỷ
    expect(rows.some((r) => r.includes('Tổng cộng') && r.map(Number).includes(6))).toBe(true);
    for (const [name, cells] of cached)
      cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const [x, y] = [cell, again.get(name)![r]?.[c] ?? ''].map((v) => Number(v));
          if (cell !== '' && Number.isFinite(x)) expect(y, `${name} ${r},${c}`).toBeCloseTo(x, 9);
        }),
      );
  }, 120_000);
});
