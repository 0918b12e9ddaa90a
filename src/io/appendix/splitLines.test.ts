/**
 * A row written over two or three lines, read as an officer reads it (splitLines.ts): a numbered
 * name wrapped with its figures, lead unit and notes on the line below is one row; a heading over
 * its projects, `-`/`+` children, an unnumbered list, a total, *of which* and English label lines
 * keep their own rows. Each case read from a TSV and from an `.xlsx` alike.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../domain/types';
import { readPlanFile } from '../readPlan';
import '../sheetJsEager';

type Line = (string | number)[];
const HEAD: Line = ['STT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2024', 'Năm 2025'];

/** The rows read from the lines under the header, as a TSV and as an `.xlsx` (merges: xlsx). */
function readBoth(lines: Line[], merges: XLSX.Range[] = []): { tsv: Row[]; xlsx: Row[] } {
  const all = [HEAD, ...lines];
  const tsv = all.map((l) => l.join('\t')).join('\n');
  const ws = XLSX.utils.aoa_to_sheet(all);
  if (merges.length) ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'KH');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return {
    tsv: readPlanFile('t.tsv', new TextEncoder().encode(tsv)).workbook.sheets[0].rows,
    xlsx: readPlanFile('t.xlsx', bytes).workbook.sheets[0].rows,
  };
}

/** A row as kind, number, name, lead unit and 2024 figure. */
const brief = (r: Row) => [
  r.kind,
  r.cells.tt ?? '',
  r.cells.name ?? '',
  r.cells.lead ?? '',
  r.cells.y2024_total ?? null,
];

/** The rows of both readings, briefly; the two must agree. */
function rowsOf(lines: Line[], merges?: XLSX.Range[]): unknown[][] {
  const { tsv, xlsx } = readBoth(lines, merges);
  expect(xlsx.map(brief)).toEqual(tsv.map(brief));
  return tsv.map(brief);
}

const SECTION: Line = ['I', 'Dự án chuyển tiếp', '', '', ''];
const AFTER: Line = [4, 'Trường THPT Đông Hà', 'Sở GD', 500, 600];

describe('a numbered name wrapped with its figures on the line below: one row', () => {
  it('a tail in lower case carrying the lead unit and figures (the name joined by a space)', () => {
    expect(
      rowsOf([
        SECTION,
        [3, 'Xây dựng hệ thống thông tin quản lý', '', '', ''],
        ['', 'văn bản và điều hành tỉnh', 'Sở TTTT', 1200, 800],
        AFTER,
      ]),
    ).toEqual([
      ['section', 'I', 'Dự án chuyển tiếp', '', null],
      [
        'project',
        '3',
        'Xây dựng hệ thống thông tin quản lý văn bản và điều hành tỉnh',
        'Sở TTTT',
        1200,
      ],
      ['project', '4', 'Trường THPT Đông Hà', 'Sở GD', 500],
    ]);
  });

  it('a first line stopping on a joining word (`cho`), the tail in upper case', () => {
    expect(
      rowsOf([
        SECTION,
        [3, 'Nâng cấp hạ tầng cho', '', '', ''],
        ['', 'Trung tâm dữ liệu tỉnh', 'Sở TTTT', 70, 80],
        AFTER,
      ])[1],
    ).toEqual(['project', '3', 'Nâng cấp hạ tầng cho Trung tâm dữ liệu tỉnh', 'Sở TTTT', 70]);
  });

  it('typed without diacritics: a line stopping on `va`/`cua` goes on as `và`/`của` does', () => {
    const rows = rowsOf([
      ['I', 'Bac Trung Bo Va', '', 300, 400],
      ['', 'Duyen Hai Mien Trung', '', '', ''],
      [1, 'Nang cap ha tang cua', '', '', ''],
      ['', 'Trung tam du lieu tinh', 'So TTTT', 300, 400],
    ]);
    expect(rows.map((r) => r[2])).toEqual([
      'Bac Trung Bo Va Duyen Hai Mien Trung',
      'Nang cap ha tang cua Trung tam du lieu tinh',
    ]);
  });

  it('the lead unit on the first line, the figures on the second', () => {
    expect(
      rowsOf([
        SECTION,
        ['-', 'Đầu tư mới trang thiết bị CNTT', 'Sở TTTT', '', ''],
        ['', 'cho các sở, ban, ngành', '', 35, 45],
        AFTER,
      ])[1],
    ).toEqual([
      'project',
      '-',
      'Đầu tư mới trang thiết bị CNTT cho các sở, ban, ngành',
      'Sở TTTT',
      35,
    ]);
  });

  it('a name over two lines, its figures on the third', () => {
    expect(
      rowsOf([
        SECTION,
        [3, 'Nâng cấp hệ thống mạng', '', '', ''],
        ['', 'cho các sở, ban, ngành và', '', '', ''],
        ['', 'các huyện, thị xã', 'Sở TTTT', 90, 10],
        AFTER,
      ]),
    ).toEqual([
      ['section', 'I', 'Dự án chuyển tiếp', '', null],
      [
        'project',
        '3',
        'Nâng cấp hệ thống mạng cho các sở, ban, ngành và các huyện, thị xã',
        'Sở TTTT',
        90,
      ],
      ['project', '4', 'Trường THPT Đông Hà', 'Sở GD', 500],
    ]);
  });

  it('a bulleted child wrapped: one row, and its numbered parent stays a section', () => {
    expect(
      rowsOf([
        [1, 'Thu ngân sách hưởng theo phân cấp', '', 600, 700],
        ['', '- Thu thuế, phí và', '', '', ''],
        ['', 'các khoản thu khác', '', 550, 650],
        ['', '- Thu viện trợ', '', 50, 50],
        [2, 'Thu chuyển nguồn', '', 10, 10],
      ]),
    ).toEqual([
      ['section', '1', 'Thu ngân sách hưởng theo phân cấp', '', 600],
      ['project', '', '- Thu thuế, phí và các khoản thu khác', '', 550],
      ['project', '', '- Thu viện trợ', '', 50],
      ['project', '2', 'Thu chuyển nguồn', '', 10],
    ]);
  });

  it('an English line carrying the figures under a Vietnamese one: joined by ` / `', () => {
    expect(
      rowsOf([
        [1, 'Thu dầu thô', '', '', ''],
        ['', 'Oil revenues', '', 85, 90],
        [2, 'Thu nội địa', '', 500, 600],
      ]),
    ).toEqual([
      ['project', '1', 'Thu dầu thô / Oil revenues', '', 85],
      ['project', '2', 'Thu nội địa', '', 500],
    ]);
  });

  it('a name merged over two lines with its figures on the second (xlsx): one row', () => {
    const { xlsx } = readBoth(
      [
        SECTION,
        [3, 'Xây dựng hệ thống thông tin quản lý', '', '', ''],
        ['', '', 'Sở TTTT', 1200, 800],
        AFTER,
      ],
      [
        { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
        { s: { r: 2, c: 1 }, e: { r: 3, c: 1 } },
      ],
    );
    expect(xlsx.map(brief)).toEqual([
      ['section', 'I', 'Dự án chuyển tiếp', '', null],
      ['project', '3', 'Xây dựng hệ thống thông tin quản lý', 'Sở TTTT', 1200],
      ['project', '4', 'Trường THPT Đông Hà', 'Sở GD', 500],
    ]);
  });
});

describe('lines that keep their own rows', () => {
  it('a section heading over its first unnumbered project', () => {
    expect(
      rowsOf([
        ['II', 'Dự án khởi công mới', '', '', ''],
        ['', 'Trường mầm non Hải Lăng', 'UBND huyện', 40, 50],
        ['III', 'Chuẩn bị đầu tư', '', 5, 5],
      ]),
    ).toEqual([
      ['section', 'II', 'Dự án khởi công mới', '', null],
      ['project', '', 'Trường mầm non Hải Lăng', 'UBND huyện', 40],
      ['section', 'III', 'Chuẩn bị đầu tư', '', 5],
    ]);
  });

  it('a heading over `-` and `+` children', () => {
    const rows = rowsOf([
      [1, 'Xây dựng hạ tầng thông tin', '', '', ''],
      ['-', 'nâng cấp mạng LAN', 'Sở TTTT', 30, 40],
      ['', '+ trang bị máy chủ', 'Sở TTTT', 20, 20],
      [2, 'Ứng dụng CNTT', 'Sở TTTT', 10, 10],
    ]);
    expect(rows.map((r) => r[2])).toEqual([
      'Xây dựng hạ tầng thông tin',
      'nâng cấp mạng LAN',
      '+ trang bị máy chủ',
      'Ứng dụng CNTT',
    ]);
  });

  it('a heading over an unnumbered list of projects, each line its own figures', () => {
    const rows = rowsOf([
      ['II', 'Các công trình của', '', '', ''],
      ['', 'huyện Hải Lăng', 'UBND huyện', 40, 50],
      ['', 'huyện Gio Linh', 'UBND huyện', 30, 20],
      ['III', 'Chuẩn bị đầu tư', '', 5, 5],
    ]);
    expect(rows.map((r) => r[2])).toEqual([
      'Các công trình của',
      'huyện Hải Lăng',
      'huyện Gio Linh',
      'Chuẩn bị đầu tư',
    ]);
  });

  it('a total line under a numbered line without figures', () => {
    const rows = rowsOf([
      [1, 'Dự án đã hoàn thành', '', '', ''],
      ['', 'tổng cộng', '', 1000, 2000],
    ]);
    expect(rows.map((r) => r[0])).toEqual(['project', 'total']);
  });

  it('an *of which* line under a numbered line without figures', () => {
    const rows = rowsOf([
      [1, 'Chi đầu tư phát triển', '', '', ''],
      ['', 'trong đó: dự án trọng điểm', '', 100, 200],
      [2, 'Chi thường xuyên', '', 50, 60],
    ]);
    expect(rows.map((r) => r[2])).toEqual([
      'Chi đầu tư phát triển',
      'trong đó: dự án trọng điểm',
      'Chi thường xuyên',
    ]);
  });

  it('an English label line without figures under a Vietnamese one with them: its label', () => {
    expect(
      rowsOf([
        [1, 'Thu nội địa', '', 500, 600],
        ['', 'Domestic revenues', '', '', ''],
        [2, 'Thu dầu thô', '', 85, 90],
        ['', 'Oil revenues', '', '', ''],
      ]),
    ).toEqual([
      ['project', '1', 'Thu nội địa / Domestic revenues', '', 500],
      ['project', '2', 'Thu dầu thô / Oil revenues', '', 85],
    ]);
  });

  it('a header band over two lines (its second in lower case) stays the header', () => {
    const all = [
      ['STT', 'Tên dự án', 'Đơn vị thực hiện', 'Kế hoạch vốn', ''],
      ['', '', '(công trình)', 'năm 2024', 'năm 2025'],
      [1, 'Dự án A', 'Sở X', 10, 20],
    ];
    const tsv = all.map((l) => l.join('\t')).join('\n');
    const sheet = readPlanFile('t.tsv', new TextEncoder().encode(tsv)).workbook.sheets[0];
    expect(sheet.rows.map(brief)).toEqual([['project', '1', 'Dự án A', 'Sở X', 10]]);
  });
});
