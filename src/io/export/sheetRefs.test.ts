import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../../domain/template';
import type { GridSheet, Workbook } from '../../domain/types';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { toCsv } from '../../../tests/support/libreoffice';

describe('formulas across sheets in the export', () => {
  it('an appendix reading a plain sheet and a plain sheet reading an appendix recalculate alike', async () => {
    const plan = makePlan({
      rows: [
        ['section', 0, 'I', {}],
        ['project', 1, 'p1', { '2011:ĐTPT': 100 }],
        ['project', 1, 'p2', { '2011:ĐTPT': "='Dữ liệu'!B1*2" }],
      ],
    });
    const grid: GridSheet = {
      kind: 'grid',
      id: 'g1',
      name: 'Dữ liệu',
      cells: [["='Phụ lục'!I1", 5]],
    };
    const wb: Workbook = { ...plan, grids: [grid] };
    const { out, engine } = await evaluatedExport(wb);
    expect(engine.gridValue('g1', 0, 0)).toBe(110);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-refs-')), 'refs.xlsx');
    writeFileSync(file, out.bytes);
    for (const recalc of [false, true]) {
      const csv = toCsv(file, recalc);
      expect(csv.get('Dữ liệu')![0].slice(0, 2)).toEqual(['110', '5']);
      const sheet = csv.get('Phụ lục')!;
      const p2 = sheet.find((r) => r.includes('p2'))!;
      expect(p2).toContain('10');
    }
  });
});
