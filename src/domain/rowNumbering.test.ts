import { describe, expect, it } from 'vitest';
import { isSectionNumbering, numbersDeeper, pastedRowKind, type PastedLine } from './rowNumbering';

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
