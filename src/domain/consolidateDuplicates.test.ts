import { describe, expect, it } from 'vitest';
import { findDuplicates } from './consolidateDuplicates';

describe('duplicates between the units of a consolidation', () => {
  // the walk of seed 004: Sở TT&TT and VP UBND tỉnh both send the centre's upgrade, the office
  // writing the centre's name short; left apart, the consolidated request counted 3.500 twice
  const centre = 'Nâng cấp hạ tầng CNTT cho Trung tâm CNTT và Truyền thông tỉnh';
  const pair = (a: string, b: string) =>
    findDuplicates([
      { key: 'tttt:1', unitKey: 'tttt', name: a },
      { key: 'vp:1', unitKey: 'vp', name: b },
    ]).map((p) => [p.a, p.b, p.same, p.score >= 0.75]);

  it('flags the centre written `TT CNTT và TT` as similar, to settle', () => {
    expect(pair(centre, 'Nâng cấp hạ tầng CNTT cho TT CNTT và TT tỉnh')).toEqual([
      ['tttt:1', 'vp:1', false, true],
    ]);
  });

  it('takes `Trung tâm CNTT và TT` for the same name', () => {
    expect(pair(centre, 'Nâng cấp hạ tầng CNTT cho Trung tâm CNTT và TT tỉnh')).toEqual([
      ['tttt:1', 'vp:1', true, true],
    ]);
  });

  it('still keeps the two video-conference projects of 05 and 04 units apart', () => {
    expect(
      pair(
        'Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện',
        'Hệ thống giao ban trực tuyến cho 05 đơn vị cấp huyện',
      ),
    ).toEqual([]);
  });
});
