/** The sentence a replacement says: counts, the kinds of cells skipped, a refused figure, none found. */
import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { replaceMessage } from './replaceMessage';

const none = { computed: 0, formula: 0, numbering: 0 };

describe('replaceMessage', () => {
  it('says what was replaced, skipped (and why) and refused, in Vietnamese and English', () => {
    const vi = translator('vi');
    const r = {
      ok: true,
      replaced: 12,
      skipped: { ...none, computed: 2, formula: 1 },
      refused: [],
    };
    expect(replaceMessage(vi, r, 'Sở')).toBe(
      'Đã thay 12 ô; bỏ qua 3 ô không sửa được (ô tổng, ô công thức).',
    );
    const refused = [{ sheetId: 's', rowId: 'r', colId: 'c', text: 'abc.600' }];
    expect(replaceMessage(vi, { ok: true, replaced: 1, skipped: none, refused }, '61')).toBe(
      'Đã thay 1 ô; 1 ô số không thay vì kết quả không phải số (như «abc.600»).',
    );
    expect(replaceMessage(vi, { ok: true, replaced: 0, skipped: none, refused: [] }, ' Sở ')).toBe(
      'Không có ô nào chứa đúng «Sở» (kể cả dấu) để thay.',
    );
    expect(
      replaceMessage(
        translator('en'),
        { ok: true, replaced: 2, skipped: { ...none, numbering: 1 }, refused: [] },
        'x',
      ),
    ).toBe('Replaced 2 cells; 1 cells skipped that cannot be edited (row numbers).');
  });

  it('a refused step names why and writes nothing', () => {
    const r = {
      ok: false,
      replaced: 0,
      skipped: none,
      refused: [],
      refusal: { code: 'readOnly' as const },
    };
    expect(replaceMessage(translator('vi'), r, 'Sở')).toBe(
      'Không thay được: sổ đang mở ở chế độ chỉ xem.',
    );
  });
});
