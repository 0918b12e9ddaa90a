import { describe, expect, it } from 'vitest';
import { detectStyle, parseTsv, toTsv } from './tsv';

describe('TSV and number styles', () => {
  it('parses what Excel and LibreOffice put on the clipboard', () => {
    expect(parseTsv('a\tb\r\n1\t2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseTsv('"x\ty"\t"line1\nline2"\t"say ""hi"""\n3\t\t')).toEqual([
      ['x\ty', 'line1\nline2', 'say "hi"'],
      ['3', '', ''],
    ]);
    expect(parseTsv('')).toEqual([]);
    expect(
      parseTsv(
        toTsv([
          ['a"b', 'c\td'],
          ['', 'e'],
        ]),
      ),
    ).toEqual([
      ['a"b', 'c\td'],
      ['', 'e'],
    ]);
  });
  it('detects the number style of a block', () => {
    expect(detectStyle([['1.500', '1,5']])).toBe('vi');
    expect(detectStyle([['1,500.25', '2']])).toBe('en');
    expect(detectStyle([['1 500', '3']])).toBe('auto');
  });
});
