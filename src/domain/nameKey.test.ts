import { describe, expect, it } from 'vitest';
import { nameKey, withoutCounts } from './nameKey';

describe('the key of a name', () => {
  it('is the same for the spellings of one name', () => {
    const same = [
      ['XD hệ thống quản lý', 'Xây dựng hệ thống quản lý'],
      ['Nâng cấp hạ tầng CNTT', 'nâng cấp hạ tầng công nghệ thông tin'],
      ['UBND các huyện', 'Ủy ban nhân dân các huyện'],
      ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
      ['Sở TT và TT', 'SỞ TT-TT'],
      ['báo cáo KT-XH', 'báo cáo kinh tế - xã hội'],
      ['báo cáo KTXH', 'báo cáo KT XH'],
      ['Dự án GIS cơ sở (Giai đoạn 2)', 'Dự án GIS cơ sở giai đoạn 2'],
      ['Dự án GIS cơ sở GĐ2', 'Dự án GIS cơ sở - Giai đoạn II'],
      ['Dự án GIS cơ sở GĐ 2', 'dự án gis cơ sở (gđ.2)'],
      ['cho 05 đơn vị', 'cho 5 DV'],
      ['Triển khai phần mềm X (29 ĐV)', 'Triển khai phần mềm X cho 29 đơn vị'],
      ['Triển khai phần mềm X cho 29 ĐV', 'Triển khai phần mềm X - 29 đơn vị'],
      ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
      ['XD & triển khai', 'Xây dựng và triển khai'],
      ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
      ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
      ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
      // an abbreviation written in pieces: `LĐ-TB&XH` is `LĐTBXH`
      ['Bộ LĐ-TB&XH', 'Bộ Lao động - Thương binh và Xã hội'],
      ['Sở LĐ, TB và XH', 'Sở LĐTBXH'],
      ['Bộ VHTT&DL', 'Bộ Văn hóa, Thể thao và Du lịch'],
      // `CNTT và TT` as `CNTT&TT` (a department's file, seed 004): TT after CNTT is Truyền thông
      ['Trung tâm CNTT và TT tỉnh', 'Trung tâm CNTT&TT tỉnh'],
      ['Trung tâm CNTT và TT', 'Trung tâm Công nghệ thông tin và Truyền thông'],
    ];
    for (const [x, y] of same) expect([x, nameKey(x)]).toEqual([x, nameKey(y)]);
  });

  it('keeps what tells projects apart: numbers, phases, words', () => {
    const other = [
      ['cho 05 đơn vị cấp huyện', 'cho 04 đơn vị cấp huyện'],
      ['Triển khai phần mềm X (05 ĐV)', 'Triển khai phần mềm X cho 04 đơn vị'],
      ['Triển khai phần mềm X (29 ĐV)', 'Triển khai phần mềm X'],
      ['Tập huấn cho 20 học viên', 'Tập huấn 20 học viên'],
      ['Dự án GIS cơ sở (Giai đoạn 1)', 'Dự án GIS cơ sở (Giai đoạn 2)'],
      ['Trung tâm dữ liệu tỉnh', 'Trung tâm dữ liệu của tỉnh'],
      ['Sở GD&ĐT', 'Sở TT&TT'],
      ['Bộ LĐ-TB&XH', 'Bộ VH-TT&DL'],
    ];
    for (const [x, y] of other) expect(nameKey(x)).not.toBe(nameKey(y));
    expect(nameKey('  Nâng cấp   mạng LAN, các Sở ')).toBe('nang cap mang lan cac so');
    // `cho` before anything but a count of units stays: `cho các đơn vị`
    expect(nameKey('Phần mềm cho các đơn vị')).toBe('phan mem cho cac don vi');
  });

  it('sets a name’s counts of units apart for the spellings that state none', () => {
    const bare = (s: string) => withoutCounts(nameKey(s));
    expect(bare('Triển khai phần mềm X (29 ĐV)')).toEqual({
      bare: 'trien khai phan mem x',
      counted: true,
    });
    expect(bare('Mạng LAN cho 09 huyện (29 ĐV)')).toEqual({
      bare: 'mang lan cho 9 huyen',
      counted: true,
    });
    expect(bare('Triển khai phần mềm X')).toEqual({
      bare: 'trien khai phan mem x',
      counted: false,
    });
  });
});
