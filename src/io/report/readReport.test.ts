import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figureKey } from '../../domain/executionReport';
import { readPlanFile } from '../readPlan';
import { hasCodeColumn, planCodes } from './planCodes';
import { gridsOf, readReportFile } from './readReport';

const F = 'fixtures/execution';
const read = (f: string, year?: number) => readReportFile(f, readFileSync(`${F}/${f}`), year);
const text = (name: string, rows: string[][]) =>
  readReportFile(name, new TextEncoder().encode(rows.map((r) => r.join('\t')).join('\n')));
const measures = (r: ReturnType<typeof read>) =>
  r.sheets[0].columns.map(
    (c) => `${c.meaning.measure}:${c.meaning.part}:${c.meaning.source ?? ''}`,
  );

describe('reading disbursement reports', () => {
  it('reads the Treasury form (codes, carry-over apart, the period from the header)', () => {
    const r = read('kbnn-giai-ngan-2024-01.xlsx');
    expect([r.year, r.asOf, r.kind, r.unit, r.scale]).toEqual([
      2024,
      '2024-01-31',
      'month',
      'triệu đồng',
      1e6,
    ]);
    expect(measures(r)).toEqual([
      'other:all:',
      'name:all:',
      'code:all:',
      'lead:all:',
      'priorAllocated:all:',
      'priorDisbursed:all:',
      'carry:all:',
      'plan:all:',
      'plan:all:NSTW',
      'plan:all:NST',
      'ytd:all:',
      'ytd:carry:',
      'ytd:plan:',
      'rate:all:',
      'notes:all:',
    ]);
    const lines = r.sheets[0].lines;
    expect(lines[0]).toMatchObject({ kind: 'total', name: 'TỔNG CỘNG' });
    expect(lines[1]).toMatchObject({
      line: 10,
      kind: 'project',
      code: '7812301',
      lead: 'Ban QLDA ĐTXD công trình giao thông',
      figures: {
        [figureKey('priorDisbursed', 'all')]: { '': 62000 }, // a column the plan reader keeps as text
        [figureKey('carry', 'all')]: { '': 2500 },
        [figureKey('ytd', 'carry')]: { '': 500 },
        [figureKey('ytd', 'plan')]: { '': 1500 },
      },
    });
  });

  it('reads a unit’s old-Excel report in đồng, grouped by investor, without codes', () => {
    const r = read('bao-cao-giai-ngan-thang-02-2024.xls');
    expect([r.year, r.asOf, r.unit, r.scale]).toEqual([2024, '2024-02-29', 'đồng', 1]);
    expect(measures(r)).toContain('inPeriod:all:');
    expect(measures(r)).toContain('ytd:all:NSTW');
    expect(measures(r)).toContain('ytd:carry:');
    const lines = r.sheets[0].lines;
    expect(lines.filter((l) => l.kind === 'section').map((l) => l.name)).toContain('Công an tỉnh');
    const renamed = lines.find((l) => l.name.startsWith('Đường GT'))!;
    expect(renamed).toMatchObject({ code: '', lead: 'Ban QLDA ĐTXD công trình giao thông' });
    expect(renamed.figures[figureKey('ytd', 'all')]).toEqual({
      NSTW: 3_360_000_000,
      NST: 840_000_000,
    });
  });

  it('reads real wordings: Mã dự án, Vốn kéo dài, Giải ngân từ 01/01 đến …, Lũy kế giải ngân, Tỷ lệ', () => {
    const r = text('bao-cao.tsv', [
      ['UBND TỈNH X'],
      ['BÁO CÁO TÌNH HÌNH GIẢI NGÂN KẾ HOẠCH VỐN ĐẦU TƯ CÔNG NĂM 2024'],
      ['(Số liệu đến hết ngày 30/6/2024)'],
      ['ĐVT: triệu đồng'],
      [
        'STT',
        'Tên dự án',
        'Mã dự án',
        'Chủ đầu tư',
        'Kế hoạch vốn năm 2024',
        'Vốn kéo dài',
        'Lũy kế giải ngân',
        'Tỷ lệ giải ngân (%)',
        'Ghi chú',
      ],
      ['1', 'Đường ven biển', '7 123 456', 'Ban QLDA', '10.000', '1.500', '4.250,5', '42,5', ''],
      ['2', 'Kè sông Hiếu (mã dự án: 7654321)', '', 'UBND huyện', '2.000', '', '100', '5', ''],
    ]);
    expect([r.year, r.asOf]).toEqual([2024, '2024-06-30']);
    expect(measures(r).slice(2, 8)).toEqual([
      'code:all:',
      'lead:all:',
      'plan:all:',
      'carry:all:',
      'ytd:all:',
      'rate:all:',
    ]);
    const [a, b] = r.sheets[0].lines;
    expect([a.code, a.figures[figureKey('ytd', 'all')]]).toEqual(['7123456', { '': 4250.5 }]);
    expect(b.code).toBe('7654321');
  });

  it('reads a recurrent-fund report and takes the year from the title when headers carry none', () => {
    const r = text('su-nghiep.tsv', [
      ['SỞ TÀI CHÍNH', '', '', 'Quảng Trị, ngày 05 tháng 10 năm 2024'],
      ['BÁO CÁO GIẢI NGÂN KINH PHÍ SỰ NGHIỆP THÁNG 9 NĂM 2024'],
      ['Đơn vị tính: đồng'],
      [
        'TT',
        'Nội dung',
        'Đơn vị thực hiện',
        'Dự toán giao',
        'Kinh phí năm trước chuyển sang',
        'Giải ngân trong tháng',
        'Lũy kế từ đầu năm',
      ],
      [
        '1',
        'Duy trì cổng thông tin',
        'Sở TT&TT',
        '500.000.000',
        '20.000.000',
        '40.000.000',
        '300.000.000',
      ],
    ]);
    expect([r.year, r.asOf, r.scale]).toEqual([2024, '2024-09-30', 1]);
    expect(measures(r).slice(3)).toEqual(['plan:all:', 'carry:all:', 'inPeriod:all:', 'ytd:all:']);
  });

  it('reads a report listing each project once per source section, and dates without the year', () => {
    const r = text('nguon.tsv', [
      ['BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2024'],
      ['ĐVT: Tr.đồng'],
      [
        'STT',
        'Danh mục công trình',
        'Mã DA',
        'Kế hoạch vốn năm 2024',
        'Giải ngân KH 2024 đến 30/6',
        'Giải ngân KH năm trước kéo dài',
      ],
      ['I', 'VỐN NGÂN SÁCH TRUNG ƯƠNG', '', '300', '120', ''],
      ['1', 'Đường ven biển', '7123456', '300', '120', '10'],
      ['II', 'Vốn ngân sách địa phương', '', '150', '60', ''],
      ['1', 'Đường ven biển', '7123456', '100', '50', ''],
      ['2', 'Kè sông Hiếu', '7654321', '50', '10', ''],
    ]);
    expect([r.year, r.asOf, r.scale]).toEqual([2024, '2024-06-30', 1e6]);
    expect(measures(r).slice(3)).toEqual(['plan:all:', 'ytd:plan:', 'ytd:carry:']);
    const projects = r.sheets[0].lines.filter((l) => l.kind === 'project');
    expect(projects.map((l) => [l.code, l.figures])).toEqual([
      [
        '7123456',
        {
          'plan:all': { NSTW: 300, NST: 100 },
          'ytd:plan': { NSTW: 120, NST: 50 },
          'ytd:carry': { NSTW: 10 },
        },
      ],
      ['7654321', { 'plan:all': { NST: 50 }, 'ytd:plan': { NST: 10 } }],
    ]);
  });

  it('reads a name column headed `Dự án` alone, and codes written before the name', () => {
    const r = text('du-an.csv', [
      ['BÁO CÁO GIẢI NGÂN THÁNG 4/2024'],
      ['STT', 'Dự án', 'Chủ đầu tư', 'Kế hoạch năm 2024', 'Đã giải ngân'],
      ['1', '7812301 - Đường ven biển', 'Ban QLDA', '100', '40'],
    ]);
    expect([r.year, r.asOf]).toEqual([2024, '2024-04-30']);
    expect(r.sheets[0].lines.map((l) => [l.code, l.name, l.figures['ytd:all']])).toEqual([
      ['7812301', '7812301 - Đường ven biển', { '': 40 }],
    ]);
  });

  it('gives clear errors for files that are not reports', () => {
    expect(() => readReportFile('x.xlsx', new TextEncoder().encode('hello'))).toThrow(
      /not a spreadsheet/,
    );
    expect(() => readReportFile('x.csv', new TextEncoder().encode('a,b\n1,2'))).toThrow(
      /no sheet reads/,
    );
  });
});

describe('plan codes', () => {
  it('reads a plan’s Mã dự án column: kept on the rows, and the same read back from the file’s cells', () => {
    const f = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
    const bytes = readFileSync(f);
    const reading = readPlanFile(f, bytes);
    // the reader keeps a code column's cells on the rows (as text): nothing left to read back
    expect(hasCodeColumn(reading)).toBe(false);
    const codeOf = planCodes(reading, gridsOf(f, bytes));
    const s = reading.workbook.sheets[0];
    const projects = s.rows.filter((r) => r.kind === 'project');
    const want = Array.from({ length: 12 }, (_, i) => `78123${String(i + 1).padStart(2, '0')}`);
    expect(projects.map((r) => codeOf(s.id, r.id))).toEqual(want);
    expect(projects.map((r) => r.cells.c2)).toEqual(want);
  });

  it('keeps a project line whose figures are the column numbers, not a repeated header', () => {
    // `2 | Góp vốn … | 2 | 1` under the numbering row `1 | 2 | 3 | 4` (figures in tỷ đồng are small)
    const r = text('bc.csv', [
      ['BÁO CÁO GIẢI NGÂN VỐN ĐẦU TƯ CÔNG ĐẾN NGÀY 30/06/2013'],
      ['Đơn vị tính: tỷ đồng'],
      ['STT', 'Tên dự án', 'Kế hoạch vốn năm 2013', 'Lũy kế giải ngân từ đầu năm đến 30/06/2013'],
      ['1', '2', '3', '4'],
      ['1', 'Chi đầu tư xây dựng cơ bản', '35', '8'],
      ['2', 'Góp vốn cổ phần các tổ chức tài chính quốc tế', '2', '1'],
      ['3', 'Chi bổ sung Quỹ xúc tiến thương mại', '4', '3'],
      ['STT', 'Tên dự án', 'Kế hoạch vốn năm 2013', 'Lũy kế giải ngân từ đầu năm đến 30/06/2013'],
      ['4', 'Chi bổ sung dự trữ quốc gia', '9', '5'],
    ]);
    const lines = r.sheets[0].lines.filter((l) => l.kind === 'project');
    expect(lines.map((l) => [l.name, l.figures[figureKey('ytd', 'all')]?.['']])).toEqual([
      ['Chi đầu tư xây dựng cơ bản', 8],
      ['Góp vốn cổ phần các tổ chức tài chính quốc tế', 1],
      ['Chi bổ sung Quỹ xúc tiến thương mại', 3],
      ['Chi bổ sung dự trữ quốc gia', 5],
    ]);
  });
});
