/** `Cộng` totals a block; `Công` (`Công trình: …`, `Công ty …`) names a project or a body. */
import { describe, expect, it } from 'vitest';
import { isTotalLabel } from './rowKinds';

describe('total labels', () => {
  it('`Cộng`, `Cộng I`, `Cộng:` total; `Công trình: …`, `Công ty …`, `Cong trinh` do not', () => {
    for (const t of ['Cộng', 'Cộng I', 'Cộng:', 'CỘNG (A+B)', 'Cong', 'Cộng các dự án chuyển tiếp'])
      expect(isTotalLabel(t), t).toBe(true);
    for (const t of [
      'Công trình: Trạm y tế xã Hải An',
      'CÔNG TRÌNH: Kè sông Hiếu',
      'Công ty TNHH MTV Thủy lợi',
      'Cong trinh: Ke song Hieu',
      'Công an tỉnh Quảng Trị',
    ])
      expect(isTotalLabel(t), t).toBe(false);
  });
});
