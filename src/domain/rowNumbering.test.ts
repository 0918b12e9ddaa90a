import { describe, expect, it } from 'vitest';
import {
  isSectionNumbering,
  numbersDeeper,
  pastedRowKind,
  type PastedLine,
  sequenceStyles,
  styleOf,
} from './rowNumbering';

const line = (
  tt: string,
  name: string,
  lead = '',
  amounts = false,
  stated = !amounts,
): PastedLine => ({
  tt,
  name,
  lead,
  amounts,
  stated,
});

describe('the kind of a pasted line, by the reader’s numbering rule', () => {
  it('makes numbered lines with a name, no lead unit and only a stated total sections', () => {
    for (const tt of ['1', '2', 'I', 'A', '1.1'])
      expect(pastedRowKind(line(tt, 'Ứng dụng CNTT trong QLNN'))).toBe('section');
    // a `1` the next `-` line nests under, as the reader reads it
    expect(pastedRowKind(line('1', 'Xây dựng'), line('-', 'Dự án', 'Sở TT và TT'))).toBe('section');
  });

  it('makes `-` / `+` lines, lead units and amounts projects', () => {
    expect(pastedRowKind(line('-', 'Nâng cấp', 'VP UBND tỉnh', true))).toBe('project');
    expect(pastedRowKind(line('+', 'Hạng mục'))).toBe('project');
    expect(pastedRowKind(line('-', 'Hạng mục'))).toBe('project');
    expect(pastedRowKind(line('1', 'Dự án số 1', 'Sở TT và TT'))).toBe('project');
    expect(pastedRowKind(line('2', 'Dự án', '', true))).toBe('project');
    expect(pastedRowKind(line('', 'Không số'))).toBe('project');
    // a bare numbered list (no figures, nothing nested) stays a list of projects
    expect(pastedRowKind(line('1', 'a', '', false, false), line('2', 'b', '', false, false))).toBe(
      'project',
    );
  });

  it('keeps the reader’s rule: `I`, `A` always; `1` over deeper rows without a lead unit', () => {
    expect(isSectionNumbering('roman', false, 'Sở')).toBe(true);
    expect(isSectionNumbering('arabic', numbersDeeper('arabic', 'dash'), '')).toBe(true);
    expect(isSectionNumbering('arabic', numbersDeeper('arabic', 'arabic'), '')).toBe(false);
    expect(isSectionNumbering('plus', true, '')).toBe(false);
    expect(numbersDeeper('dash', 'plus')).toBe(true);
    expect(numbersDeeper('plus', 'dash')).toBe(false);
  });
});

describe('lower-case roman numerals told from letters by their sequence', () => {
  const read = (s: string) => sequenceStyles(s.split(' ').map((t) => (t === '_' ? '' : t)));

  it('reads i, ii, iii as roman numerals, with or without the dot', () => {
    expect(read('i. a. b. ii. a. iii.')).toEqual([
      'lowerRoman',
      'lower',
      'lower',
      'lowerRoman',
      'lower',
      'lowerRoman',
    ]);
    expect(read('i 1 2 ii 1 iii iv v vi')).toEqual([
      'lowerRoman',
      'arabic',
      'arabic',
      'lowerRoman',
      'arabic',
      'lowerRoman',
      'lowerRoman',
      'lowerRoman',
      'lowerRoman',
    ]);
    // a lone `i.` heading the rows (no `h.` before it) is the first numeral
    expect(read('i. - -')[0]).toBe('lowerRoman');
  });

  it('reads i after h, v after u, x after v as letters', () => {
    expect(read('a. b. c. d. đ. e. g. h. i. k.')[8]).toBe('lower');
    expect(read('a b c d e f g h i j')[8]).toBe('lower');
    // the ninth letter ends the list: a section numbered otherwise follows
    expect(read('1. a. b. c. d. e. g. h. i. 2. a.')[9 - 1]).toBe('lower');
    const long = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');
    const styles = sequenceStyles(long);
    expect(styles.every((s) => s === 'lower')).toBe(true);
    // `v` or `x` with no `iv`, `ix` before them stay letters, as read alone
    expect(read('v. x.')).toEqual(['lower', 'lower']);
  });

  it('lets the next number decide where both readings fit', () => {
    // iv's points run a…u: `v` continues both; `vi` (or a new list `a`) after it reads roman
    const points = 'a b c d đ e g h i k l m n o p q r s t u'.split(' ');
    const roman = sequenceStyles(['iv', ...points, 'v', 'a', 'vi']);
    expect(roman[points.length + 1]).toBe('lowerRoman');
    expect(roman[points.length + 3]).toBe('lowerRoman');
    const letters = sequenceStyles(['iv', ...points, 'v', 'x', 'y']);
    expect(letters[points.length + 1]).toBe('lower');
    expect(letters[points.length + 2]).toBe('lower');
    // `h.` then `i.` with points `a.` under it: a new numeral; then `ii.`
    expect(read('A. a. b. c. d. e. g. h. i. a. b. ii.').slice(8)).toEqual([
      'lowerRoman',
      'lower',
      'lower',
      'lowerRoman',
    ]);
    // numbers between them skipped: rows without a number do not decide
    expect(read('h _ i _ ii')).toEqual(['lower', null, 'lowerRoman', null, 'lowerRoman']);
  });

  it('reads a numeral of two letters or more alone, and heads sections with it', () => {
    expect(styleOf('ii.')).toBe('lowerRoman');
    expect(styleOf('xiv')).toBe('lowerRoman');
    expect(styleOf('i.')).toBe('lower');
    expect(styleOf('il')).toBe(null);
    expect(isSectionNumbering('lowerRoman', false, 'Sở')).toBe(true);
  });
});

describe('capital letters told from roman numerals by their sequence', () => {
  const read = (s: string) => sequenceStyles(s.split(' ').map((t) => (t === '_' ? '' : t)));

  it('reads `A, B` sections with `I, II, III` under them as letters over numerals', () => {
    expect(read('A I 1 II III B I II')).toEqual([
      'letter',
      'roman',
      'arabic',
      'roman',
      'roman',
      'letter',
      'roman',
      'roman',
    ]);
  });

  it('reads I after H, V after U, X after V, L after K as letters when the list goes on', () => {
    const list = 'A B C D Đ E G H I K L M N O P Q R S T U V X Y'.split(' ');
    expect(sequenceStyles(list).every((s) => s === 'letter')).toBe(true);
    // the Latin order: … H, I, J … U, V, W, X
    const latin = 'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z'.split(' ');
    expect(sequenceStyles(latin).every((s) => s === 'letter')).toBe(true);
    // numbers of other styles between them passed over: the next capital decides
    expect(read('G 1 2 H 1 - I 1 2 K')).toEqual([
      'letter',
      'arabic',
      'arabic',
      'letter',
      'arabic',
      'dash',
      'letter',
      'arabic',
      'arabic',
      'letter',
    ]);
  });

  it('reads I after H as the first numeral when II follows, past the rows under it', () => {
    expect(read('G H I 1 2 II 1 III')).toEqual([
      'letter',
      'letter',
      'roman',
      'arabic',
      'arabic',
      'roman',
      'arabic',
      'roman',
    ]);
    // `V` after `IV` and after `U`: `VI` next reads a numeral, `X` next a letter
    const points = 'A B C D E G H K L M N O P Q R S T U'.split(' ');
    expect(sequenceStyles(['IV', ...points, 'V', 'VI'])[points.length + 1]).toBe('roman');
    expect(sequenceStyles(['IV', ...points, 'V', 'X'])[points.length + 1]).toBe('letter');
  });

  it('reads a lone capital as alone: `I`, `V`, `X`, `L` numerals, other letters letters', () => {
    expect(read('I')).toEqual(['roman']);
    expect(read('V. X. L.')).toEqual(['roman', 'roman', 'roman']);
    expect(read('K. M. Đ. Y')).toEqual(['letter', 'letter', 'letter', 'letter']);
    expect(styleOf('K')).toBe('letter');
    expect(styleOf('L')).toBe('roman');
    expect(styleOf('XIV')).toBe('roman');
  });

  it('lets the next lower-case number decide past numbers of other styles', () => {
    // `i.` after `h.` with its arabic items, then `ii.`: a numeral
    expect(read('h. i. 1. 2. ii.')[1]).toBe('lowerRoman');
    // … then `k.`: a letter
    expect(read('h. i. 1. 2. k.')[1]).toBe('lower');
  });
});

describe('a pasted line read in its sequence', () => {
  it('takes the style the plan’s numbers around it give, else reads alone', () => {
    const [i] = sequenceStyles(['h.', 'i.']).slice(1);
    expect(pastedRowKind({ ...line('i.', 'Điểm i', 'Sở X', true), style: i })).toBe('project');
    const [r] = sequenceStyles(['iv.', 'v.']).slice(1);
    expect(pastedRowKind({ ...line('v.', 'Mục v', 'Sở X', true), style: r })).toBe('section');
    // read alone, `v.` is a letter
    expect(pastedRowKind(line('v.', 'Mục v', 'Sở X', true))).toBe('project');
  });
});
