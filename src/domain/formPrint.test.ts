import { describe, expect, it } from 'vitest';
import { formTexts, MOTTO, MOTTO_SUB, parseDocDate, placeOf } from './formPrint';
import { newWorkbookFromTemplate } from './template';
import type { PlanMeta } from './types';

const meta = (m: Partial<PlanMeta>): PlanMeta => ({
  title: 'Kế hoạch',
  issuingBody: 'UBND tỉnh Quảng Trị',
  docNumber: '1024/KH-UBND',
  docDate: '06/5/2011',
  years: [2011],
  unit: 'triệu đồng',
  sources: [],
  stated: { bySource: {} },
  ...m,
});

describe('the printed form’s texts', () => {
  it('sample: UBND on two lines, motto, place and date, attachment, default signer', () => {
    const f = formTexts(meta({}));
    expect(f.left).toEqual([
      { text: 'ỦY BAN NHÂN DÂN', bold: true },
      { text: 'TỈNH QUẢNG TRỊ', bold: true, underline: true },
      { text: 'Số: 1024/KH-UBND' },
    ]);
    expect(f.right).toEqual([
      { text: MOTTO, bold: true },
      { text: MOTTO_SUB, bold: true, underline: true },
      { text: 'Quảng Trị, ngày 06 tháng 5 năm 2011', italic: true },
    ]);
    expect(f.attachment).toBe(
      '(Kèm theo Kế hoạch số 1024/KH-UBND ngày 06/5/2011 của UBND tỉnh Quảng Trị)',
    );
    expect(f.signerTitle).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(f.signerName).toBe('');
  });

  it('names the document type the appendix is attached to', () => {
    const at = (docType: PlanMeta['docType'], docNumber: string) =>
      formTexts(meta({ docType, docNumber })).attachment;
    expect(at('Tờ trình', '55/TTr-SKHĐT')).toMatch(/^\(Kèm theo Tờ trình số 55\/TTr-SKHĐT ngày/);
    expect(at('Quyết định', '12/QĐ-UBND')).toMatch(/^\(Kèm theo Quyết định số 12\/QĐ-UBND /);
    expect(at('Báo cáo', '')).toMatch(/^\(Kèm theo Báo cáo số …\/BC ngày/);
    expect(formTexts(meta({ docType: 'Tờ trình', docNumber: '' })).left.at(-1)).toEqual({
      text: 'Số: …/TTr',
    });
  });

  it('a superior body above the issuing body; the user’s place, date, signer', () => {
    const f = formTexts(
      meta({
        superiorBody: 'UBND tỉnh Hà Giang',
        issuingBody: 'Sở Kế hoạch và Đầu tư',
        place: 'Hà Giang',
        docDate: '2024-02-03',
        signerTitle: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC',
        signerName: 'Nguyễn Văn A',
      }),
    );
    expect(f.left.slice(0, 2)).toEqual([
      { text: 'UBND TỈNH HÀ GIANG' },
      { text: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ', bold: true, underline: true },
    ]);
    expect(f.right[2].text).toBe('Hà Giang, ngày 03 tháng 02 năm 2024');
    expect(f.attachment).toContain('ngày 03/2/2024 của Sở Kế hoạch và Đầu tư)');
    expect(f.signerTitle).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(f.signerName).toBe('Nguyễn Văn A');
    expect(formTexts(meta({ issuingBody: 'Sở Y tế', signerTitle: '' })).signerTitle).toEqual([
      'THỦ TRƯỞNG ĐƠN VỊ',
    ]);
  });

  it('a plan started from the template gets a form with blanks to fill by hand', () => {
    const f = formTexts(
      newWorkbookFromTemplate({ years: 5, firstYear: 2026, sources: ['ĐTPT'] }).meta,
    );
    expect(f.left).toEqual([{ text: '…', bold: true, underline: true }, { text: 'Số: …/KH' }]);
    expect(f.right[2].text).toBe('…, ngày … tháng … năm …');
    expect(f.attachment).toBe('(Kèm theo Kế hoạch số …/KH ngày …)');
  });

  it('reads dates and places as officers write them', () => {
    expect(parseDocDate('06/5/2011')).toEqual({ d: 6, m: 5, y: 2011 });
    expect(parseDocDate('2011-05-06')).toEqual({ d: 6, m: 5, y: 2011 });
    expect(parseDocDate('6.5.2011')).toEqual({ d: 6, m: 5, y: 2011 });
    expect(parseDocDate('31/13/2011')).toBeNull();
    expect(parseDocDate('tháng 5')).toBeNull();
    expect(placeOf('UBND thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeOf('Sở Tài chính')).toBe('');
  });
});
