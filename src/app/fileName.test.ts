import { describe, expect, it } from 'vitest';
import { fileStem } from './fileName';

describe('file names from titles', () => {
  it('keep Vietnamese letters, Đ/đ and diacritics, spaces and dashes', () => {
    expect(fileStem('Kế hoạch Ứng dụng CNTT tỉnh Quảng Trị, giai đoạn 2011 - 2015')).toBe(
      'Kế hoạch Ứng dụng CNTT tỉnh Quảng Trị, giai đoạn 2011 - 2015',
    );
    expect(fileStem('Đầu tư công đường Đông Trường Sơn')).toBe('Đầu tư công đường Đông Trường Sơn');
    // decomposed input (as macOS may give) comes out composed
    expect(fileStem('Đầu tư'.normalize('NFD'))).toBe('Đầu tư');
  });

  it('replace only what file systems refuse', () => {
    expect(fileStem('Kế hoạch số 12/KH-UBND: "vốn" <2024>|a?b*c\\d')).toBe(
      'Kế hoạch số 12 KH-UBND vốn 2024 a b c d',
    );
    expect(fileStem('Tờ trình\u0000\t\nmới...  ')).toBe('Tờ trình mới');
    expect(fileStem('CON')).toBe('_CON');
    expect(fileStem('  ...  ')).toBe('Kế hoạch');
    expect(fileStem('', 'Phụ lục')).toBe('Phụ lục');
  });

  it('stay within 180 bytes of UTF-8 without cutting a letter', () => {
    const long = 'Đường ống nước '.repeat(40);
    const stem = fileStem(long);
    expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(180);
    expect(long.startsWith(stem)).toBe(true);
    expect(fileStem('😀'.repeat(100)).length % 2).toBe(0); // surrogate pairs kept whole
  });
});
