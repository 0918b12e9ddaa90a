import { describe, expect, it } from 'vitest';
import { findDuplicates } from './consolidateDuplicates';
import { formSectionsOf, matchSection, sectionOf } from './consolidateSections';
import {
  issuingUnit,
  labelledUnit,
  matchUnit,
  sameUnit,
  unitDisplayName,
  unitOfFileName,
  unitOfIssuingBody,
} from './consolidateUnits';

describe('which unit sent a file', () => {
  it('reads the issuing body beside the national motto, spelled as the Kèm theo line spells it', () => {
    const rows = [
      ['UBND TỈNH QUẢNG TRỊ', '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', '', '', '', 'Độc lập - Tự do - Hạnh phúc'],
      ['Số: 512/STTTT-CNTT', '', '', '', 'Quảng Trị, ngày 15 tháng 8 năm 2025'],
      ['DANH MỤC DỰ ÁN ĐỀ XUẤT'],
      ['(Kèm theo Công văn số 512/STTTT-CNTT ngày 15/8/2025 của Sở Thông tin và Truyền thông)'],
    ];
    expect(issuingUnit(rows)).toBe('Sở Thông tin và Truyền thông');
    expect(issuingUnit(rows.slice(0, 4))).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    // the department's line missing: the body the Kèm theo line names
    expect(issuingUnit([rows[0], ['', '', '', '', rows[1][4]], rows[3], rows[4]])).toBe(
      'Sở Thông tin và Truyền thông',
    );
    // one cell holding both lines
    expect(
      issuingUnit([['UBND TỈNH QUẢNG TRỊ\nSỞ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']]),
    ).toBe('SỞ Y TẾ');
  });

  it('without a motto: the title block’s first lines, or the body a Kèm theo line names', () => {
    expect(issuingUnit([['UBND HUYỆN GIO LINH'], ['KẾ HOẠCH ỨNG DỤNG CNTT NĂM 2026']])).toBe(
      'UBND HUYỆN GIO LINH',
    );
    expect(
      issuingUnit([
        ['PHỤ LỤC 01'],
        ['(Kèm theo Tờ trình số 88/TTr-SGDĐT ngày 20/8/2025 của Sở Giáo dục và Đào tạo)'],
      ]),
    ).toBe('Sở Giáo dục và Đào tạo');
    expect(issuingUnit([['DANH MỤC DỰ ÁN'], ['ĐVT: triệu đồng']])).toBeNull();
    expect(
      issuingUnit([['DANH MỤC DỰ ÁN ĐỀ XUẤT CỦA SỞ Y TẾ NĂM 2026'], ['ĐVT: triệu đồng']]),
    ).toBe('SỞ Y TẾ');
    expect(unitOfIssuingBody('UBND TỈNH QUẢNG TRỊ - SỞ Y TẾ')).toBe('SỞ Y TẾ');
    expect(unitOfFileName('/tmp/so-y-te_2026.xlsx')).toBe('so y te 2026');
  });

  it('reads the unit a labelled line names, before the file name (h163)', () => {
    const title = ['BIỂU TỔNG HỢP NHU CẦU KINH PHÍ NĂM 2026-2027'];
    expect(issuingUnit([title, ['(Đơn vị đề xuất: Sở Y tế)']])).toBe('Sở Y tế');
    expect(issuingUnit([title, ['Đơn vị: Sở Nội vụ']])).toBe('Sở Nội vụ');
    expect(issuingUnit([['Tên đơn vị: UBND huyện Gio Linh'], title])).toBe('UBND huyện Gio Linh');
    // the label names the department over a template's issuer
    expect(
      issuingUnit([
        ['UBND TỈNH QUẢNG TRỊ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'Độc lập - Tự do - Hạnh phúc'],
        title,
        ['(Đơn vị đề xuất: Sở Y tế)'],
      ]),
    ).toBe('Sở Y tế');
    // the issuing body's line under UBND TỈNH …
    expect(issuingUnit([['UBND TỈNH QUẢNG TRỊ'], ['SỞ Y TẾ'], ['-------'], title])).toBe('SỞ Y TẾ');
    // not a unit: the money unit, a label naming no body
    expect(labelledUnit([['Đơn vị tính: triệu đồng'], ['Đơn vị: triệu đồng']])).toBeNull();
    expect(issuingUnit([title, ['Đơn vị: triệu đồng']])).toBeNull();
  });

  it('spells a unit typed in capitals as officers write it', () => {
    expect(unitDisplayName('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe('Sở Thông tin và Truyền thông');
    expect(unitDisplayName('UBND HUYỆN GIO LINH')).toBe('UBND huyện Gio Linh');
    expect(unitDisplayName('SỞ Y TẾ')).toBe('Sở Y tế');
    expect(unitDisplayName('VĂN PHÒNG UBND TỈNH')).toBe('Văn phòng UBND tỉnh');
    expect(unitDisplayName('Sở Y tế tỉnh Quảng Trị')).toBe('Sở Y tế tỉnh Quảng Trị');
    // abbreviations stay in capitals (session 19: `SỞ NÔNG NGHIỆP VÀ PTNT` became `… và Ptnt`)
    expect(unitDisplayName('SỞ NÔNG NGHIỆP VÀ PTNT')).toBe('Sở Nông nghiệp và PTNT');
    expect(unitDisplayName('SỞ KH&ĐT')).toBe('Sở KH&ĐT');
    expect(unitDisplayName('SỞ LĐ-TB&XH')).toBe('Sở LĐ-TB&XH');
    expect(unitDisplayName('SỞ GTVT')).toBe('Sở GTVT');
    expect(unitDisplayName('BAN QLDA ĐTXD CÔNG TRÌNH GIAO THÔNG')).toBe(
      'Ban QLDA ĐTXD công trình giao thông',
    );
  });

  it('compares unit names across abbreviations, case and a province suffix', () => {
    expect(sameUnit('Sở TT&TT', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe(true);
    expect(sameUnit('UBND huyện Gio Linh', 'Ủy ban nhân dân huyện Gio Linh')).toBe(true);
    expect(sameUnit('Sở Y tế tỉnh Quảng Trị', 'Sở Y tế')).toBe(true);
    expect(sameUnit('Sở Y tế', 'Sở Tài chính')).toBe(false);
    expect(matchUnit('SỞ GD&ĐT', ['Sở Y tế', 'Sở Giáo dục và Đào tạo'])).toBe(
      'Sở Giáo dục và Đào tạo',
    );
    expect(matchUnit('Sở Nội vụ', ['Sở Y tế'])).toBeNull();
  });
});

describe('sections and duplicates', () => {
  const form = [
    { id: 'ht', name: 'Hạ tầng kỹ thuật' },
    { id: 'ud', name: 'Ứng dụng CNTT' },
    { id: 'at', name: 'An toàn thông tin' },
  ];

  it('matches sections by name whatever their numbering and spelling', () => {
    expect(matchSection('A. HẠ TẦNG KỸ THUẬT CNTT', form)?.id).toBe('ht');
    expect(matchSection('1. Hạ tầng', form)?.id).toBe('ht');
    expect(matchSection('II. Ứng dụng công nghệ thông tin', form)?.id).toBe('ud');
    expect(matchSection('Hạ tầng công nghệ thông tin', form)?.id).toBe('ht');
    expect(matchSection('Đào tạo nguồn nhân lực', form)).toBeNull();
    expect(sectionOf(['Dự án chuyển tiếp', 'Ứng dụng CNTT'], form).id).toBe('ud');
    expect(sectionOf(['Đào tạo'], form).id).toBe('sec__other');
    expect(
      formSectionsOf([['HẠ TẦNG KỸ THUẬT'], ['I. Hạ tầng kỹ thuật'], ['II. Ứng dụng']]).map(
        (s) => s.name,
      ),
    ).toEqual(['Hạ tầng kỹ thuật', 'Ứng dụng']);
  });

  it('flags the same or a similar name across units, never within one unit', () => {
    const items = [
      { key: 'a1', unitKey: 'a', name: 'Đầu tư Trung tâm dữ liệu tỉnh' },
      { key: 'a2', unitKey: 'a', name: 'Đầu tư trung tâm dữ liệu tỉnh' },
      { key: 'b1', unitKey: 'b', name: 'Đầu tư trung tâm dữ liệu tỉnh (Data Center)' },
      { key: 'c1', unitKey: 'c', name: 'DAU TU TRUNG TAM DU LIEU TINH' },
      { key: 'c2', unitKey: 'c', name: 'Phần mềm quản lý tài sản công' },
    ];
    const pairs = findDuplicates(items).map((p) => [p.a, p.b, p.same]);
    expect(pairs).toContainEqual(['a1', 'c1', true]);
    expect(pairs).toContainEqual(['a1', 'b1', false]);
    expect(pairs.some(([a, b]) => a === 'a1' && b === 'a2')).toBe(false);
    expect(pairs.some(([a, b]) => a === 'c2' || b === 'c2')).toBe(false);
  });

  it("reads two units' spellings of one project as the compare reads them (numbers, abbreviations)", () => {
    // the seed appendix writes `09 huyện`, `05 đơn vị`; another unit types `9 huyện`, `CNTT`, `XD`
    const pair = (x: string, y: string) =>
      findDuplicates([
        { key: 'a', unitKey: 'a', name: x },
        { key: 'b', unitKey: 'b', name: y },
      ]).map((p) => p.same);
    expect(
      pair(
        'Đầu tư mới, nâng cấp trang thiết bị CNTT và nâng cấp hệ thống mạng Lan cho các sở, ban, ngành và 09 huyện, thị xã, thành phố (29 ĐV)',
        'Đầu tư mới, nâng cấp trang thiết bị CNTT và nâng cấp hệ thống mạng LAN cho các Sở, ban, ngành và 9 huyện, thị xã, thành phố (29 ĐV)',
      ),
    ).toEqual([true]);
    expect(
      pair(
        'XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh',
        'Xây dựng hệ thống quản lý đơn thư khiếu nại, tố cáo của tỉnh',
      ),
    ).toEqual([true]);
    expect(pair('Dự án GIS cơ sở (Giai đoạn 2)', 'Dự án GIS cơ sở GĐ2')).toEqual([true]);
    // numbers that differ still tell projects apart
    expect(
      pair(
        'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện',
        'Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện',
      ),
    ).toEqual([]);
  });

  it('tells projects that only share the words every name uses, or their numbers, apart', () => {
    const flagged = (x: string, y: string) =>
      findDuplicates([
        { key: 'a', unitKey: 'a', name: x },
        { key: 'b', unitKey: 'b', name: y },
      ]).length > 0;
    expect(
      flagged('Xây dựng Trung tâm dữ liệu tỉnh', 'Đầu tư xây dựng Trung tâm dữ liệu của tỉnh'),
    ).toBe(true);
    expect(flagged('Nâng cấp mạng LAN', 'Nâng cấp mạng WAN')).toBe(false);
    expect(flagged('Phần mềm quản lý văn bản', 'Phần mềm quản lý hồ sơ')).toBe(false);
    expect(flagged('Cơ sở dữ liệu ngành giáo dục', 'Cơ sở dữ liệu ngành y tế')).toBe(false);
    expect(flagged('Chính quyền điện tử giai đoạn 1', 'Chính quyền điện tử giai đoạn 2')).toBe(
      false,
    );
  });
});
