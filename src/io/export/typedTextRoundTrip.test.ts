import { describe, expect, it } from 'vitest';
import { leaves } from '../../domain/columns';
import { gridInput, gridText } from '../../domain/grid';
import { parseInput } from '../../domain/policy';
import { makePlan } from '../../domain/template';
import type { CellInput, Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { readPlanFile } from '../readPlan';

describe("a leading ' is a keep-as-text marker, not content", () => {
  const sheet = makePlan().sheets[0];
  const leaf = (id: string) => leaves(sheet.columns).find((l) => l.id === id)!;

  it('typing in a text column keeps the text without the apostrophe', () => {
    expect(parseInput("'0123", leaf('notes'))).toBe('0123');
    expect(parseInput("'=1+1", leaf('name'))).toBe('=1+1');
    expect(parseInput("''quoted", leaf('name'))).toBe("'quoted");
    expect(parseInput("'", leaf('notes'))).toBeNull();
    // no apostrophe: as before
    expect(parseInput(' Sở A ', leaf('lead'))).toBe(' Sở A ');
    // an amount cell takes no text, with or without the marker
    expect(parseInput("'0123", leaf('y2011_dtpt'))).toEqual({ invalid: "'0123" });
  });

  it('typing and pasting in a plain grid sheet store the text (shown without the marker)', () => {
    expect(gridInput("'0123")).toBe('0123');
    expect(gridInput('0123')).toBe(123);
    expect(gridInput("'1,5")).toBe('1,5');
    // a text that itself starts with = or ' stays behind the stored marker
    expect(gridInput("'=A1")).toBe("'=A1");
    expect(gridText(gridInput("'=A1") as string)).toBe('=A1');
    expect(gridInput("''x")).toBe("''x");
    expect(gridText(gridInput("''x") as string)).toBe("'x");
  });

  it('export then import keeps a TEXT 0123 (not the number 123), in appendices and grids', async () => {
    const plan = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        [
          'project',
          1,
          'p1',
          { '2011:ĐTPT': 100, notes: parseInput("'0123", leaf('notes')) as string },
        ],
      ],
    });
    const typed: CellInput[] = ["'0123", "'1,5", '7', "'=A1"].map((t) => gridInput(t));
    const wb: Workbook = {
      ...plan,
      grids: [{ kind: 'grid', id: 'g1', name: 'Dữ liệu', cells: [typed] }],
    };
    const { out } = await evaluatedExport(wb);
    const back = readPlanFile('plan.xlsx', out.bytes).workbook;
    expect(back.sheets[0].rows[1].cells.notes).toBe('0123');
    expect(back.grids![0].cells[0]).toEqual(['0123', '1,5', 7, "'=A1"]);
    const again = new PlanEngine();
    again.loadWorkbook(back);
    const id = back.grids![0].id; // (a plan read back takes new ids)
    expect(again.gridValue(id, 0, 0)).toBe('0123');
    expect(again.gridValue(id, 0, 1)).toBe('1,5');
    expect(again.value(back.sheets[0].id, 1, 'notes')).toBe('0123');
  });
});
