import { describe, expect, it } from 'vitest';
import { nameKey } from './nameKey';

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
      ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
      ['XD & triển khai', 'Xây dựng và triển khai'],
      ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
      ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
      ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
    ];
    for (const [x, y] of same) expect([x, nameKey(x)]).toEqual([x, nameKey(y)]);
  });

  it('keeps what tells projects apart: numbers, phases, words', () => {
    const other = [
      ['cho 05 đơn vị cấp huyện', 'cho 04 đơn vị cấp huyện'],
      ['Dự án GIS cơ sở (Giai đoạn 1)', 'Dự án GIS cơ sở (Giai đoạn 2)'],
      ['Trung tâm dữ liệu tỉnh', 'Trung tâm dữ liệu của tỉnh'],
      ['Sở GD&ĐT', 'Sở TT&TT'],
    ];
    for (const [x, y] of other) expect(nameKey(x)).not.toBe(nameKey(y));
    expect(nameKey('  Nâng cấp   mạng LAN, các Sở ')).toBe('nang cap mang lan cac so');
  });
});
