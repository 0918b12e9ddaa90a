import { describe, expect, it } from 'vitest';
import { nameChange } from './nameSpelling';

describe('how a matched project’s name changed', () => {
  it('treats a change of case and a change of diacritics alike: a spelling edit, not a rename', () => {
    const name = 'Trường THCS Hà Giang';
    expect(nameChange(name, 'TRƯỜNG THCS HÀ GIANG')).toBe('respelled');
    expect(nameChange(name, 'Truong THCS Ha Giang')).toBe('respelled');
    expect(nameChange(name, 'truong thcs ha giang')).toBe('respelled');
    expect(nameChange('Đường Đông Hà', 'Duong Dong Ha')).toBe('respelled');
  });

  it('spacing and Unicode composition are no change; other differences are a rename', () => {
    const name = 'Trường THCS Hà Giang';
    expect(nameChange(name, name)).toBe('same');
    expect(nameChange(name, '  Trường  THCS\nHà Giang ')).toBe('same');
    expect(nameChange(name, name.normalize('NFD'))).toBe('same');
    expect(nameChange(name, 'Trường THCS Hà Giang (giai đoạn 2)')).toBe('renamed');
    expect(nameChange(name, 'Trường THCS Hà-Giang')).toBe('renamed');
    expect(nameChange(name, 'Trường THPT Hà Giang')).toBe('renamed');
    expect(nameChange(null, name)).toBe('renamed');
    expect(nameChange(undefined, null)).toBe('same');
  });
});
