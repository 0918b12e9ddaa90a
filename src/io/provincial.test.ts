/**
 * Provincial plans of the kinds the checks must read right, written by other software (openpyxl,
 * then LibreOffice): a medium-term public investment plan where Tổng mức đầu tư is each project's
 * total investment, cumulative allocations, a code row `9=10+...+14`, text columns, an of-which
 * column, a footnote marker standing in a figure cell, notes and a signature block below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../cli/check';
import { sheetContext } from '../domain/checkContext';
import { leaves } from '../domain/columns';
import { readPlanFile } from './readPlan';

const NAME = 'fixtures/provincial/ke-hoach-dau-tu-trung-han-2021-2025';

for (const ext of ['xlsx', 'ods']) {
  describe(`a medium-term investment plan (.${ext})`, () => {
    const reading = readPlanFile(`plan.${ext}`, readFileSync(`${NAME}.${ext}`));
    const s = reading.workbook.sheets[0];

    it('reads the structure: total, sections, projects, text columns, no signature rows', () => {
      const kinds = s.rows.map((r) => r.kind[0]).join('');
      expect(kinds).toBe('tssppsppsppp');
      const byId = Object.fromEntries(leaves(s.columns).map((l) => [l.label, l.role]));
      expect(byId['Địa điểm xây dựng']).toBe('text');
      expect(byId['Thời gian KC-HT']).toBe('text');
      expect(byId['Số quyết định; ngày, tháng, năm ban hành']).toBe('text');
      expect(s.footer?.join(' ')).toMatch(/NGƯỜI LẬP BIỂU.*CHỦ TỊCH/);
      expect(s.rows.some((r) => /NGƯỜI LẬP|CHỦ TỊCH|Nguyễn/.test(String(r.cells.name)))).toBe(
        false,
      );
      // the marker `(1)` is a note, never −1
      expect(Object.values(s.rows[6].cells)).not.toContain(-1);
      expect(s.rows[6].cells.name).toMatch(/^Xây dựng Trung tâm dữ liệu/);
      expect(sheetContext(s).statedMode).toBe('atMost');
    });

    it('finds the two published errors (and the gaps they leave), nothing on total investments', () => {
      const r = checkWorkbook('plan', reading);
      const errors = r.findings.filter((f) => f.severity === 'error').map((f) => f.cell);
      // A.II.2 states 100.000 for a period whose years add up to 110.000 (A.II states the right
      // 215.000); B states 67.000 for 2023 where its projects add up to 57.000 (and 280.000 for the
      // period, computed from that figure)
      expect(errors.sort()).toEqual(['I17', 'I19', 'I20', 'L20']);
      expect(r.findings.filter((f) => f.rule === 'row-total')).toEqual([]);
      const warnings = r.findings.filter((f) => f.severity === 'warning');
      expect(warnings.map((f) => [f.cell, f.message.includes('note below the table')])).toEqual([
        ['G17', true],
      ]);
    });
  });
}
