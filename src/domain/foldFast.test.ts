/**
 * fold's one-pass path for Latin letters gives what the definition (Unicode decomposition, marks
 * dropped, đ → d, lower case, spaces folded) gives, on every Latin letter and on random texts
 * (fixed seed) mixing them with spaces, marks, symbols and other scripts.
 */
import { describe, expect, it } from 'vitest';
import { fold } from './sources';

const definition = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

describe('fold', () => {
  it('folds each Latin letter with diacritics as the definition does', () => {
    for (const [a, b] of [
      [0xc0, 0x24f],
      [0x1e00, 0x1eff],
    ])
      for (let c = a; c <= b; c++) {
        const s = `X${String.fromCharCode(c)} y`;
        expect(fold(s), c.toString(16)).toBe(definition(s));
      }
    expect(fold('  Dự án   ĐƯỜNG\tgiao thông ')).toBe('du an duong giao thong');
  });

  it('folds random texts as the definition does (fixed seed)', () => {
    const pool = [
      ...'aAzZ09 .,-()\t\n\u000b\u00a0\u2003\u0301\u0323×÷İıßæŒĳſ',
      ...'ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ',
      ...'ΣσςЖж中文',
    ];
    let seed = 20261130;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 5000; k++) {
      const n = 1 + Math.floor(rnd() * 12);
      let s = '';
      for (let i = 0; i < n; i++) s += pool[Math.floor(rnd() * pool.length)];
      expect(fold(s), JSON.stringify(s)).toBe(definition(s));
    }
  });
});
