/**
 * A zero under a format that prints it blank (h163): Excel prints `#,###,###` zeros blank, the
 * .ods re-save reads blank, and SheetJS (whose formatter cannot format `#,###,###`) shows `0`.
 * The rule only: the readers do not apply it yet (see the h163 report: Plan_2012 M07 line 36).
 */
import { describe, expect, it } from 'vitest';
import { zeroShownBlank } from './zeroFormat';

describe('a zero under a number format', () => {
  it('is blank where the section for zero has no placeholder that prints it', () => {
    for (const f of ['#,###,###', '#,###', '#,###;[Red]\\-#,###', '#,##0;-#,##0;', '[Blue]#,###'])
      expect([f, zeroShownBlank(f)]).toEqual([f, true]);
    for (const f of [
      'General',
      '#,##0',
      '0.00',
      '#,###.##',
      '#,###" đ"',
      '0%',
      '#,###_);(#,###)',
      '#,##0;[Red]\\-#,##0;"";_-@'.replace('""', '"-"'),
      '@',
      'dd/mm/yyyy',
    ])
      expect([f, zeroShownBlank(f)]).toEqual([f, false]);
    expect(zeroShownBlank('#,##0;[Red]\\-#,##0;"";_-@')).toBe(false); // a quoted nothing: SSF's ''
  });
});
