import { describe, expect, it } from 'vitest';
import { attachmentLine, issuingLines } from './formMeta';
import { makePlan } from './template';

const meta = {
  ...makePlan().meta,
  superiorBody: 'UBND TỈNH HÀ GIANG',
  issuingBody: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
  docNumber: '12/TTr-SKH',
  docDate: '05/03/2025',
  place: 'Hà Giang',
};

describe('the printed form’s lines', () => {
  it('the issuing body on two lines, the superior body first', () => {
    expect(issuingLines(meta)).toEqual(['UBND TỈNH HÀ GIANG', 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ']);
    expect(issuingLines({ ...meta, superiorBody: undefined })).toEqual(['SỞ KẾ HOẠCH VÀ ĐẦU TƯ']);
  });
  it('the attachment line names the document type (Kế hoạch unless said)', () => {
    expect(attachmentLine(meta)).toBe(
      '(Kèm theo Kế hoạch số 12/TTr-SKH ngày 05/03/2025 của SỞ KẾ HOẠCH VÀ ĐẦU TƯ)',
    );
    expect(attachmentLine({ ...meta, docType: 'Tờ trình' })).toMatch(/^\(Kèm theo Tờ trình số/);
    expect(attachmentLine({ ...meta, docType: 'Quyết định' })).toMatch(/^\(Kèm theo Quyết định/);
    expect(attachmentLine({ ...meta, docNumber: ' ' })).toBe('');
  });
});
