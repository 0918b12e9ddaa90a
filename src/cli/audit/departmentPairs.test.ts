/**
 * A table compared with the copy a department sends back (rows reordered, names respelled and
 * abbreviated, a name wrapped, columns inserted, figures changed): every project paired with the
 * row it came from, every changed figure reported, no change invented. On a small built table and
 * on every audited table of the corpus and the seed's appendix.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import {
  allAtOnce,
  insertAmountColumn,
  respellAll,
  reverseWithin,
  unchanged,
} from './departmentEdits';
import {
  departmentTables,
  itemRows,
  layoutOf,
  pairDefects,
  READING_LIMITS,
  tableDefects,
} from './departmentPairs';
import { readGrids } from '../../io/readPlan';
import { moveOne, ownPart } from './departmentChanges';

const cell = (v: string | number): RawCell =>
  typeof v === 'number' ? { text: String(v), value: v } : { text: v, value: v || undefined };

/** A ministries table: three `Tổng số` columns (of three groups), names the copy abbreviates. */
function ministries(): RawGrid {
  const lines: (string | number)[][] = [
    ['DỰ TOÁN CHI NGÂN SÁCH TRUNG ƯƠNG NĂM 2015', '', '', '', '', '', '', '', ''],
    ['Đơn vị: triệu đồng', '', '', '', '', '', '', '', ''],
    [
      'STT',
      'Tên đơn vị',
      'Tổng chi',
      'Chi đầu tư phát triển',
      '',
      'Chi thường xuyên',
      '',
      'Chi trả nợ',
      '',
    ],
    [
      '',
      '',
      '',
      'Tổng số',
      'Vốn trong nước',
      'Tổng số',
      'Sự nghiệp giáo dục',
      'Tổng số',
      'Trong nước',
    ],
    ['A', 'B', '1=2+4+6', '2', '3', '4', '5', '6', '7'],
    [1, 'Bộ Lao động - Thương binh và Xã hội', 5100, 2000, 1500, 3000, 700, 100, 100],
    [2, 'Bộ Tài nguyên và Môi trường', 4400, 1200, 1000, 3000, 100, 200, 150],
    [3, 'Bộ Kế hoạch và Đầu tư', 4200, 900, 900, 3000, 50, 300, 300],
    [4, 'Bộ Văn hóa, Thể thao và Du lịch', 6500, 2100, 2000, 4000, 300, 400, 0],
    [5, 'Bộ Giao thông vận tải', 9500, 8000, 7000, 1000, 20, 500, 500],
    [6, 'Ủy ban nhân dân thành phố Hà Nội', 1400, 300, 300, 500, 10, 600, 600],
  ];
  return {
    name: 'M07',
    rows: lines.map((l) => l.map(cell)),
    merges: [
      { r0: 2, c0: 3, r1: 2, c1: 4 },
      { r0: 2, c0: 5, r1: 2, c1: 6 },
      { r0: 2, c0: 7, r1: 2, c1: 8 },
    ],
    lineOf: lines.map((_, i) => i + 1),
  };
}

describe('a table against the copy a department sends back', () => {
  const g = ministries();
  const items = itemRows(g, readGrids('M07', [g]));

  it('reads the built table as six projects', () => {
    expect(items.map((x) => x.row)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it('pairs ministries whatever their spelling (LĐ-TB&XH, TN&MT, UBND), reordered', () => {
    for (const e of [respellAll(g, items), reverseWithin(g, items)]) {
      const d = pairDefects('M07', 'edit', g, e);
      expect([d.mispaired, d.unpaired, d.invented]).toEqual([[], [], []]);
    }
    expect(respellAll(g, items).grid.rows[5][1].text).toBe('BỘ LĐ-TB&XH');
  });

  it('keeps the `Tổng số` of each group apart when a column is inserted, and reports the changed figures', () => {
    const d = pairDefects('M07', 'all', g, allAtOnce(g, items, 2));
    expect(d).toMatchObject({ mispaired: [], unpaired: [], missed: [], invented: [] });
    const inserted = insertAmountColumn(g, items, 2)!;
    expect(pairDefects('M07', 'column', g, inserted).invented).toEqual([]);
    // a figure of the second `Tổng số` (recurrent), the third one's label alike
    const e = unchanged(g);
    e.grid.rows[7] = e.grid.rows[7].slice();
    e.grid.rows[7][5] = cell(3100);
    e.changed.push({ row: 7, col: 5, before: 3000, after: 3100 });
    expect(pairDefects('M07', 'one figure', g, e)).toMatchObject({ missed: [], invented: [] });
  });
});

/** A table of title, header and `[number, name, figure]` lines (amounts in tỷ đồng). */
function built(name: string, body: (string | number)[][]): RawGrid {
  const lines = [
    ['DỰ TOÁN NGÂN SÁCH TRUNG ƯƠNG NĂM 2017', '', ''],
    ['', '', 'Đơn vị tính: Tỷ đồng'],
    ['STT', 'Chỉ tiêu', 'Dự toán năm 2017'],
    ...body,
  ];
  return {
    name,
    rows: lines.map((l) => l.map(cell)),
    merges: [],
    lineOf: lines.map((_, i) => i + 1),
  };
}

describe('department copies of tables with *of which* lists', () => {
  it('moves no project into the middle of an of-which list (Final_2009 M03+)', () => {
    const g = built('M03', [
      ['A', 'Thu theo dự toán của Quốc hội', 1000],
      ['I', 'Thu nội địa', 300],
      [1, 'Thu từ doanh nghiệp nhà nước', 200],
      [2, 'Thu từ doanh nghiệp có vốn đầu tư nước ngoài', 100],
      ['II', 'Các khoản thu về nhà đất', 60],
      ['a', 'Thuế nhà đất', 10],
      ['b', 'Thu tiền thuê đất', 20],
      ['c', 'Thu tiền sử dụng đất', 30],
      ['III', 'Thu từ hoạt động xuất khẩu, nhập khẩu', 640],
      ['a', 'Thuế xuất khẩu, nhập khẩu', 600],
      ['b', 'Thuế giá trị gia tăng hàng hoá nhập khẩu', ''],
      ['', 'Trong đó: - Tổng số thu', 80],
      ['', '- Số hoàn thuế GTGT', -40],
      ['', '- Số thu cân đối NSNN', 40],
    ]);
    const r = readGrids('M03', [g]);
    const L = layoutOf(g, r, itemRows(g, r));
    const e = moveOne(g, L)!;
    // `b Thu tiền thuê đất` put after `a Thuế xuất khẩu`, not among `- Số hoàn thuế GTGT` and
    // the list's other rows, which stay together where the table wrote them
    expect(e.moved).toEqual([8]);
    expect(e.from.indexOf(8)).toBe(e.from.indexOf(12) + 1);
    const at = e.from.indexOf(14);
    expect(e.from.slice(at, at + 3)).toEqual([14, 15, 16]);
    expect(pairDefects('M03', 'moved', g, e)).toMatchObject({
      mispaired: [],
      unpaired: [],
      invented: [],
    });
  });

  it('returns no own part of a table whose projects stand beside its of-which sections (Plan_2017 M06)', () => {
    const g = built('M06', [
      ['A', 'CHI BỔ SUNG CÂN ĐỐI CHO NGÂN SÁCH ĐỊA PHƯƠNG', 194],
      ['B', 'CHI NGÂN SÁCH TRUNG ƯƠNG THEO LĨNH VỰC', 708],
      ['', 'Trong đó:', ''],
      ['I', 'Chi đầu tư phát triển', 180],
      ['II', 'Chi trả nợ lãi và viện trợ', 100],
      [1, 'Chi trả nợ lãi', 99],
      [2, 'Chi viện trợ', 1],
      ['III', 'Chi thường xuyên', 405],
      ['', 'Trong đó:', ''],
      [1, 'Chi sự nghiệp giáo dục - đào tạo và dạy nghề', 22],
      [2, 'Chi sự nghiệp y tế, dân số và gia đình', 11],
      [3, 'Chi sự nghiệp khoa học và công nghệ', 9],
      ['IV', 'Chi cải cách tiền lương, tinh giản biên chế', 7],
      ['V', 'Dự phòng', 16],
    ]);
    const r = readGrids('M06', [g]);
    const L = layoutOf(g, r, itemRows(g, r));
    expect(L.sections.length).toBeGreaterThanOrEqual(4);
    expect(ownPart(g, L)).toBeNull();
  });
});

describe('the audited corpus and the seed against department copies', () => {
  it('pairs every project with its own row and reports exactly the changed figures', () => {
    const bad: string[] = [];
    let compared = 0;
    for (const { table, grid } of departmentTables())
      for (const d of tableDefects(table, grid)) {
        if (READING_LIMITS.has(d.edit)) continue;
        compared++;
        const n = d.mispaired.length + d.unpaired.length + d.missed.length + d.invented.length;
        if (n)
          bad.push(
            `${table} [${d.edit}]: ${[...d.mispaired, ...d.unpaired, ...d.missed, ...d.invented][0]}`,
          );
      }
    // every edit compared: spelling, order, columns, figures (711 comparisons), and projects
    // replaced, moved, named twice, typed without diacritics, a part returned, split, merged (1242)
    expect(compared).toBeGreaterThanOrEqual(1200);
    expect(bad).toEqual([]);
  }, 600_000);
});
