import { describe, expect, it } from 'vitest';
import { makePlan } from '../../domain/template';
import { readOnlyKeyRefusal, writesCell } from './readOnlyKey';

// section 1 stating its figures over one project (the walk: a plan read from a department's file)
const sheet = makePlan({
  years: [2011, 2012],
  rows: [
    ['section', 0, 'Xây dựng cơ sở hạ tầng thông tin', { '2012:ĐTPT': 8500, stated: 8500 }],
    ['project', 1, 'Đầu tư mới, nâng cấp trang thiết bị CNTT', { '2012:ĐTPT': 5000 }],
  ],
}).sheets[0];
const row = (id: string) => sheet.rows.find((x) => x.id === id)!;
const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const one = { r0: 0, c0: 5, r1: 0, c1: 5 };

describe('a key on a cell that takes no input', () => {
  it('is refused with the reason on a section’s figure and on the computed row total', () => {
    expect(readOnlyKeyRefusal(key('9'), sheet, row('r1'), 'y2012_dtpt', one)).toEqual({
      code: 'sectionComputed',
      rowId: 'r1',
      colId: 'y2012_dtpt',
    });
    expect(readOnlyKeyRefusal(key('Delete'), sheet, row('r1'), 'stated', one)?.code).toBe(
      'sectionComputed',
    );
    expect(readOnlyKeyRefusal(key('1'), sheet, row('r2'), 'total', null)?.code).toBe(
      'computedColumn',
    );
  });

  it('says nothing where input is taken, for shortcuts, moves, or a block', () => {
    expect(readOnlyKeyRefusal(key('9'), sheet, row('r2'), 'y2012_dtpt', one)).toBeNull();
    expect(readOnlyKeyRefusal(key('a'), sheet, row('r1'), 'name', one)).toBeNull();
    expect(
      readOnlyKeyRefusal(key('c', { ctrlKey: true }), sheet, row('r1'), 'y2012_dtpt', one),
    ).toBeNull();
    expect(readOnlyKeyRefusal(key('ArrowDown'), sheet, row('r1'), 'y2012_dtpt', one)).toBeNull();
    const block = { r0: 0, c0: 5, r1: 3, c1: 5 };
    expect(readOnlyKeyRefusal(key('Delete'), sheet, row('r1'), 'y2012_dtpt', block)).toBeNull();
    expect(readOnlyKeyRefusal(key('9'), sheet, undefined, 'y2012_dtpt', one)).toBeNull();
    expect(writesCell({ ...key('9'), isComposing: true })).toBe(false);
  });
});
