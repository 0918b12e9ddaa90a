import { describe, expect, it } from 'vitest';
import { holdsNear, noteAmounts } from './checkNotes';

describe('noteAmounts', () => {
  it('reads the amounts a note states, ×1000 and ÷1000, and their sums', () => {
    const xs = noteAmounts([
      '(1) Đã bao gồm 70.000 tỷ đồng hoàn thuế; chưa bao gồm 31.000 tỷ đồng',
    ]);
    for (const x of [70000, 31000, 101000, 70000000, 31]) expect(holdsNear(xs, x, 1e-9)).toBe(true);
  });

  it('reads them in đồng too: a table in đồng, its note in tỷ or triệu (h187)', () => {
    const xs = noteAmounts(['(1) Chưa bao gồm 535.000 tỷ đồng']);
    for (const x of [535000e6, 535000e9]) expect(holdsNear(xs, x, 1)).toBe(true);
    expect(holdsNear(xs, 535000e3 + 1e6, 1)).toBe(false);
  });

  it('takes no rate for an amount: `100%`, `30 %` explain no gap of a sum', () => {
    // Plan_2014 M09 note (1): "… sở hữu 100% vốn điều lệ là 31.000 tỷ đồng"
    const xs = noteAmounts([
      '(1) các Tập đoàn sở hữu 100% vốn điều lệ là 31.000 tỷ đồng; tỷ lệ 30 % ',
    ]);
    for (const x of [100, 100000, 30, 30000, 31100]) expect(holdsNear(xs, x, 1e-9)).toBe(false);
    expect(holdsNear(xs, 31000, 1e-9)).toBe(true);
  });
});
