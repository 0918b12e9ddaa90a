import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../tests/support/libreoffice';
import type { ConsolidateJson } from './consolidateJson';
import { runCli } from './main';

const DIR = 'fixtures/consolidate';
const FILES = [
  'so-tttt.xlsx',
  'so-y-te.xlsx',
  'ubnd-gio-linh.xls',
  'so-gd-dt.ods',
  'so-tai-chinh.xlsx',
  'so-tttt-bo-sung.xlsx',
].map((f) => join(DIR, f));
const tmp = mkdtempSync(join(tmpdir(), 'planbook-consolidate-'));

async function json(files = FILES, extra: string[] = []): Promise<ConsolidateJson> {
  const r = await runCli(['consolidate', ...files, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ConsolidateJson;
}

/** The same .xlsx with every formula's cached value set to 0 (a reader must recalculate). */
function withoutCachedValues(file: string): string {
  const zip = unzipSync(readFileSync(file));
  for (const name of Object.keys(zip))
    if (name.startsWith('xl/worksheets/'))
      zip[name] = strToU8(strFromU8(zip[name]).replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>0</v>'));
  const out = file.replace(/\.xlsx$/, '-nocache.xlsx');
  writeFileSync(out, zipSync(zip));
  return out;
}

describe('planbook consolidate', () => {
  it('lists each submission with its unit, projects, total and errors', async () => {
    const j = await json();
    expect(j.submissions.map((s) => [s.file, s.unit, s.projects, s.total, s.errors])).toEqual([
      [FILES[0], 'Sở Thông tin và Truyền thông', 6, 34600, 0],
      [FILES[1], 'Sở Y tế', 4, 23000, 0],
      [FILES[2], 'UBND huyện Gio Linh', 4, 3300, 1],
      [FILES[3], 'Sở Giáo dục và Đào tạo', 3, 8600, 0],
      [FILES[4], 'Sở Tài chính', 3, 2200, 0],
      [FILES[5], 'Sở Thông tin và Truyền thông', 6, 35100, 0],
    ]);
    expect(j.submissions[0]).toMatchObject({ inForce: false, replacedBy: FILES[5] });
    expect(j.submissions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds up the units in force: by unit, source and year', async () => {
    const j = await json();
    expect(j.total).toBe(72200);
    expect(j.byUnit).toEqual({
      'Sở Y tế': 23000,
      'UBND huyện Gio Linh': 3300,
      'Sở Giáo dục và Đào tạo': 8600,
      'Sở Tài chính': 2200,
      'Sở Thông tin và Truyền thông': 35100,
    });
    expect(j.bySource).toEqual({ ĐTPT: 61500, SN: 10700 });
    expect(j.byYear).toEqual({ '2026': 35400, '2027': 27400, '2028': 9400 });
    expect(j.byYearSource['2027']).toEqual({ ĐTPT: 23400, SN: 4000 });
    expect(j.bySection).toEqual({
      'Hạ tầng kỹ thuật': 48400,
      'Ứng dụng CNTT': 19050,
      'An toàn thông tin': 4750,
    });
  });

  it('maps each layout’s columns onto the form and lists the columns left out', async () => {
    const j = await json();
    const yte = j.submissions[1];
    expect(yte.mapping?.map((m) => [m.column, m.to])).toEqual([
      ['Tổng mức đầu tư', null],
      ['Vốn đầu tư phát triển / Năm 2026', '2026 ĐTPT'],
      ['Vốn đầu tư phát triển / Năm 2027', '2027 ĐTPT'],
      ['Chi thường xuyên / Năm 2026', '2026 SN'],
      ['Chi thường xuyên / Năm 2027', '2027 SN'],
    ]);
    const gd = j.submissions[3];
    expect(gd.unmapped).toEqual([
      { column: 'Năm 2027 / Tổng số', why: 'total of other columns' },
      { column: 'Năm 2028 / Tổng số', why: 'total of other columns' },
    ]);
    const gioLinh = j.submissions[2];
    expect(gioLinh.mapping?.map((m) => m.to)).toEqual([
      '2026 ĐTPT',
      '2026 SN',
      '2027 ĐTPT',
      '2027 SN',
      '2028 ĐTPT',
      '2028 SN',
    ]);
    const taiChinh = j.submissions[4];
    expect(taiChinh.mapping?.map((m) => m.to)).toEqual(['2026 SN', '2026 ĐTPT', null]);
  });

  it('flags the project two units share, and shows what the re-submission changed', async () => {
    const j = await json();
    expect(j.duplicates).toEqual([
      {
        name: 'Đầu tư trung tâm dữ liệu tỉnh (Data Center)',
        names: ['Đầu tư trung tâm dữ liệu tỉnh (Data Center)', 'Đầu tư Trung tâm dữ liệu tỉnh'],
        units: ['Sở Y tế', 'Sở Thông tin và Truyền thông'],
        score: expect.any(Number),
        same: false,
      },
    ]);
    expect(j.resubmissions).toEqual([
      {
        unit: 'Sở Thông tin và Truyền thông',
        before: FILES[0],
        after: FILES[5],
        added: ['Kho dữ liệu dùng chung của tỉnh'],
        removed: ['Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)'],
        renamed: [
          {
            before: 'Nâng cấp Cổng thông tin điện tử tỉnh',
            after: 'Nâng cấp Cổng thông tin điện tử của tỉnh',
          },
        ],
        respelled: [],
        changes: [
          {
            project: 'Đầu tư Trung tâm dữ liệu tỉnh',
            year: 2026,
            source: 'ĐTPT',
            before: 8000,
            after: 9000,
          },
        ],
        totals: { before: 34600, after: 35100 },
      },
    ]);
    const text = await runCli(['consolidate', ...FILES]);
    expect(text.stdout).toMatch(/RESUBMITTED Sở Thông tin và Truyền thông/);
    expect(text.stdout).toMatch(/DUPLICATE/);
  });

  it('reports an unreadable file and still consolidates the others (exit 2)', async () => {
    const bad = join(tmp, 'bad.xlsx');
    writeFileSync(bad, 'not a spreadsheet');
    const r = await runCli(['consolidate', FILES[1], bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.xlsx: not a spreadsheet/);
    expect((JSON.parse(r.stdout) as ConsolidateJson).total).toBe(23000);
    expect((await runCli(['consolidate'])).code).toBe(2);
    expect((await runCli(['consolidate', FILES[1], '--by', 'year'])).code).toBe(2);
  });

  it('writes the consolidated appendix whose formulas LibreOffice recalculates to the same totals', async () => {
    const out = join(tmp, 'tong-hop.xlsx');
    const r = await runCli(['consolidate', ...FILES, '-o', out]);
    expect(r.code).toBe(0);
    for (const [file, recalc] of [
      [out, false],
      [withoutCachedValues(out), true],
    ] as const) {
      const sheets = toCsv(file, recalc);
      const rows = sheets.get('Tổng hợp')!;
      expect(rows[3].slice(0, 5)).toEqual([
        'TT',
        'Tên dự án, nhiệm vụ',
        'Đơn vị đề xuất',
        'Đơn vị thực hiện',
        'Năm 2026',
      ]);
      expect(rows[5].slice(4, 7)).toEqual(['Đơn vị đề nghị', 'Đề xuất', 'Chênh lệch']);
      const total = rows.find((x) => x[1] === 'TỔNG CỘNG')!;
      // requested, proposed, difference per year and source, then the grand totals
      expect(total.slice(4, 25).map(Number)).toEqual([
        31100, 31100, 0, 4300, 4300, 0, 23400, 23400, 0, 4000, 4000, 0, 7000, 7000, 0, 2400, 2400,
        0, 72200, 72200, 0,
      ]);
      const section = rows.find((x) => x[0] === 'II')!;
      expect(Number(section[22])).toBe(19050);
      const unit = rows.find((x) => x[0] === '1' && x[1] === 'Sở Y tế')!;
      expect(Number(unit[22])).toBe(16400);
      const list = sheets.get('Hồ sơ tiếp nhận')!;
      expect(list.slice(3).map((x) => [x[1], x[2], x[5], x[6], x[7], x[8]])).toEqual([
        [
          'Sở Thông tin và Truyền thông',
          'so-tttt.xlsx',
          '6',
          '34600',
          '0',
          'Thay bằng so-tttt-bo-sung.xlsx',
        ],
        ['Sở Y tế', 'so-y-te.xlsx', '4', '23000', '0', 'Đang dùng'],
        ['UBND huyện Gio Linh', 'ubnd-gio-linh.xls', '4', '3300', '1', 'Đang dùng'],
        ['Sở Giáo dục và Đào tạo', 'so-gd-dt.ods', '3', '8600', '0', 'Đang dùng'],
        ['Sở Tài chính', 'so-tai-chinh.xlsx', '3', '2200', '0', 'Đang dùng'],
        ['Sở Thông tin và Truyền thông', 'so-tttt-bo-sung.xlsx', '6', '35100', '0', 'Đang dùng'],
      ]);
      expect(list[4][4]).toMatch(/^[0-9a-f]{64}$/);
    }
  }, 240_000);

  it('writes the proposed figures only, grouped by unit, when asked', async () => {
    const out = join(tmp, 'de-xuat.xlsx');
    expect(
      (await runCli(['consolidate', ...FILES, '-o', out, '--proposed-only', '--by', 'unit'])).code,
    ).toBe(0);
    const rows = toCsv(withoutCachedValues(out), true).get('Tổng hợp')!;
    expect(rows[4].slice(4, 7)).toEqual(['Vốn ĐTPT', 'Vốn SN', 'Vốn ĐTPT']);
    expect(
      rows
        .find((x) => x[1] === 'Sở Y tế')!
        .slice(4, 11)
        .map(Number),
    ).toEqual([12200, 1050, 8700, 1050, 0, 0, 23000]);
    expect(Number(rows.find((x) => x[1] === 'TỔNG CỘNG')![10])).toBe(72200);
  }, 240_000);
});

describe('planbook consolidate on other layouts', () => {
  const more = (f: string) => join(DIR, 'more', f);
  it('reads each layout’s request and nothing else', async () => {
    const cases: [string, string, number, Record<string, number>, Record<string, number>][] = [
      ['l1-noi-vu.xls', 'Sở Nội vụ', 3, { ĐTPT: 1500, SN: 400 }, { '2026': 1350, '2027': 550 }],
      [
        'l2-bqlkkt.xlsx',
        'Ban Quản lý khu kinh tế',
        2,
        { NSTW: 500, NST: 1300, Khác: 500 },
        { '2026': 2300 },
      ],
      [
        'l3-so-tu-phap.csv',
        'Sở Tư pháp',
        2,
        { '(unspecified)': 2500 },
        { '2026': 1700, '2027': 800 },
      ],
      ['l4-dong-ha.xlsx', 'UBND thành phố Đông Hà', 2, { ĐTPT: 7500, SN: 200 }, { '2026': 7700 }],
      [
        'l5-so-vhttdl.xlsx',
        'Sở Văn hóa, Thể thao và Du lịch',
        2,
        { ĐTPT: 3000, SN: 300 },
        { '2026': 2150, '2027': 1150 },
      ],
      ['l6-so-xd.xlsx', 'Sở Xây dựng', 2, { '(unspecified)': 2001 }, { '2026': 2001 }],
    ];
    for (const [file, unit, projects, bySource, byYear] of cases) {
      const j = await json([more(file)]);
      expect([j.submissions[0].unit, j.submissions[0].projects], file).toEqual([unit, projects]);
      expect(j.bySource, file).toEqual(bySource);
      expect(j.byYear, file).toEqual(byYear);
    }
    const all = await json(cases.map((c) => more(c[0])));
    expect(all.total).toBe(19701);
    expect(all.submissions[3].unmapped).toEqual([
      { column: 'Tổng mức đầu tư', why: 'not a request' },
      { column: 'Lũy kế vốn đã bố trí đến hết năm 2025', why: 'not a request' },
    ]);
  });
});

describe('planbook consolidate: two files of one unit with nothing in common', () => {
  it('counts both (two parts, or units the files do not tell apart) instead of replacing', async () => {
    const j = await json(
      [join(DIR, 'so-y-te.xlsx'), join(DIR, 'so-tai-chinh.xlsx')],
      ['--unit', 'so-tai-chinh.xlsx=Sở Y tế'],
    );
    expect(j.resubmissions).toEqual([]);
    expect(j.submissions.map((s) => [s.unit, s.inForce])).toEqual([
      ['Sở Y tế', true],
      ['Sở Y tế', true],
    ]);
    expect(j.byUnit).toEqual({ 'Sở Y tế': 25200 });
  });
});
