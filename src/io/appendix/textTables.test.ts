import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../readPlan';
import { gridFromText } from './grid';
import { textTables } from './textTables';

/** A plan's prose, commas in every sentence, as a PDF copy gives it (no tab). */
const PROSE = Array.from(
  { length: 60 },
  (_, i) => `Câu ${i + 1}: công nghệ thông tin, truyền thông, cải cách hành chính, điều hành.`,
);

/** Seed 004's appendix (Quảng Trị 2011–2015), its first rows, as its text copy lays them. */
const APPENDIX = [
  '**Phụ lục. Danh mục các dự án ứng dụng CNTT**',
  '(Kèm theo Kế hoạch số: 1024 /KH-UBND ngày 06 /5/2011 của UBND tỉnh Quảng Trị)',
  'DVT: Triệu đồng',
  'T T\tTên dự án\tĐơn vị thực hiện\tĐơn vị phối hợp\tNhu cầu vốn đầu tư các năm\t\t\t\tTổng mức đầu tư',
  '\t\t\t\t2011\t\t2012\t\t',
  '\t\t\t\tVốn DTPT\tVốn SN\tVốn DTPT\tVốn SN\t',
  '1\tXây dựng cơ sở hạ tầng thông tin\t\t\t\t\t\t\t23.800',
  '-\tĐầu tư mới, nâng cấp trang thiết bị CNTT\tSở TT và TT\tCác đơn vị liên quan\t3.500\t\t4.500\t600\t15.800',
  '-\tHệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện\tSở TT và TT\tCác đơn vị liên quan\t2.000\t\t2.000\t\t8.000',
  'Tổng cộng\t\t\t\t5.500\t\t6.500\t600\t23.800',
];

/** A small table of past projects in the prose (seed 004's line 80). */
const PAST = [
  'TT\tDanh mục triển khai\tNăm triển khai\tKinh phí\tGhi chú',
  '1.\tỨng dụng CNTT trong công tác quản lý tại Sở TTTT\t2009\t490\t',
  '2.\tNâng cấp mạng LAN UBND huyện Gio Linh\t2009\t200\t',
  '\tTổng số\t\t690\t',
];

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');

describe('a text document with its appendix after its prose', () => {
  it('reads the tab-separated table, the prose’s commas aside', () => {
    const g = gridFromText([...PROSE, ...APPENDIX].join('\n'));
    // the prose is one cell a line, the table's lines are cut at their tabs
    expect(g.rows[0]).toHaveLength(1);
    expect(g.rows[PROSE.length + 7].map((c) => c.text)[1]).toBe(
      'Đầu tư mới, nâng cấp trang thiết bị CNTT',
    );
  });

  it('reads each table of the document as a sheet, the appendix with its projects', () => {
    const r = readPlanFile('ke-hoach.txt', bytes([...PROSE, ...PAST, ...PROSE, ...APPENDIX]));
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['ke-hoach (1)', 'ke-hoach (2)']);
    const appendix = r.workbook.sheets[1];
    const names = appendix.rows.map((x) => x.cells.name);
    expect(names).toContain('Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện');
    const project = appendix.rows.find((x) => x.cells.lead === 'Sở TT và TT')!;
    expect(Object.values(project.cells)).toContain(3500);
    // messages name the document's own lines
    const line = r.linesBySheet?.get(appendix.id)?.get(project.id);
    expect(line).toBe(PROSE.length * 2 + PAST.length + 8);
  });

  it('reads a text of one table whole, as before', () => {
    const g = gridFromText([...PROSE.slice(0, 3), ...APPENDIX].join('\n'), 'x');
    expect(textTables(g)).toEqual([g]);
  });
});
