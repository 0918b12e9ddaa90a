import { describe, expect, it } from 'vitest';
import { codeColumn } from '../../domain/matchCodes';
import type { AppendixSheet, Workbook } from '../../domain/types';
import { evaluatedExport } from '../../../tests/support/evaluatedExport';
import { gridFromText } from '../appendix/grid';
import { readGrids, readPlanFile } from '../readPlan';
import { gridsFromWorkbook } from '../sheets';

/** A department's table with a `Mã dự án` column, one code with leading zeros. */
const TABLE = [
  'BIỂU KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025',
  'Đơn vị: Triệu đồng',
  'STT\tDanh mục dự án\tMã dự án\tĐơn vị thực hiện\tTổng mức đầu tư\tKế hoạch năm 2025',
  'I\tNgành giáo dục\t\t\t1.500\t600',
  '1\tTrường THCS Triệu Độ\t0012345\tUBND huyện Triệu Phong\t500\t200',
  '2\tĐường giao thông liên xã\tDA-02\tUBND huyện Triệu Phong\t500\t200',
  '3\tTrạm y tế xã Hải An\tQT.2021.05\tUBND huyện Hải Lăng\t500\t200',
  '\tTổng cộng\t\t\t1.500\t600',
].join('\n');

const appendix = (wb: Workbook): AppendixSheet => {
  const s = wb.sheets[0];
  if (s.kind !== 'appendix') throw new Error('not read as a table');
  return s;
};
/** Each project's name and code. */
const coded = (s: AppendixSheet) => {
  const id = codeColumn(s);
  return s.rows
    .filter((r) => r.kind === 'project')
    .map((r) => [r.cells.name, id ? r.cells[id] : undefined]);
};

describe('project codes through export and back', () => {
  it('keeps each project’s code, as text, in the file re-read and in its table read again', async () => {
    const wb = readGrids('t', [gridFromText(TABLE)]).workbook;
    const before = coded(appendix(wb));
    expect(before.map(([, c]) => c)).toEqual(['0012345', 'DA-02', 'QT.2021.05']);
    const { out } = await evaluatedExport(wb);
    // the file as Planbook opens it again
    expect(coded(appendix(readPlanFile('plan.xlsx', out.bytes).workbook))).toEqual(before);
    // its appendix sheet read as any department's table (the header and cells as exported)
    const grid = gridsFromWorkbook(out.bytes).find((g) => g.name === wb.sheets[0].name)!;
    expect(coded(appendix(readGrids('t', [grid]).workbook))).toEqual(before);
  });
});
