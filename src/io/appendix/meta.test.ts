/**
 * The title block as the Ministry of Finance prints it (fixtures/mof/Plan_2014.xls, M01): the
 * attachment line runs over two rows (`(Kèm theo Quyết định số 3016/QĐ-BTC ngày 04/12/2013` /
 * `của Bộ trưởng Bộ Tài chính về việc công bố công khai … năm 2014)`), under the issuing body.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentLine } from '../../domain/formMeta';
import { readPlanFile } from '../readPlan';
import { gridFromText } from './grid';
import { readMeta } from './meta';

const block = (lines: string[]) => readMeta(gridFromText(lines.join('\n')), lines.length);

describe('the title block', () => {
  it('keeps an attachment line that goes on over the next row out of the title', () => {
    const m = block([
      'BỘ TÀI CHÍNH\t\tPhụ lục số 01/CKTC-NSNN',
      'CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC NĂM 2014',
      '(Kèm theo Quyết định số 3016/QĐ-BTC ngày  04/12/2013',
      'của Bộ trưởng Bộ Tài chính về việc công bố công khai số liệu dự toán NSNN năm 2014)',
      'Đơn vị tính: Tỷ đồng',
    ]);
    expect(m.title).toBe('Phụ lục số 01/CKTC-NSNN CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC NĂM 2014');
    expect(m).toMatchObject({
      docType: 'Quyết định',
      docNumber: '3016/QĐ-BTC',
      docDate: '04/12/2013',
      issuingBody: 'BỘ TÀI CHÍNH', // the header's body, not the signer's office
      unit: 'tỷ đồng',
    });
  });

  it('reads `Đơn vị: Sở Nội vụ` as the issuing body, not the money unit (h163)', () => {
    const m = block(['BIỂU TỔNG HỢP NHU CẦU KINH PHÍ NĂM 2026', 'Đơn vị: Sở Nội vụ']);
    expect(m.unit).toBeUndefined();
    expect(m.issuingBody).toBe('Sở Nội vụ');
    expect(block(['BIỂU TỔNG HỢP', 'Đơn vị: triệu đồng']).unit).toBe('triệu đồng');
  });

  it("takes the continued line's body when the block names no issuing body", () => {
    const m = block([
      'PHỤ LỤC DANH MỤC DỰ ÁN',
      '(Kèm theo Tờ trình số 12/TTr-SKH ngày 05/03/2025',
      'của Sở Kế hoạch và Đầu tư)',
    ]);
    expect(m).toMatchObject({
      title: 'PHỤ LỤC DANH MỤC DỰ ÁN',
      docType: 'Tờ trình',
      issuingBody: 'Sở Kế hoạch và Đầu tư',
    });
  });

  it('reads a closed attachment line alone (the next line stays the title)', () => {
    const m = block([
      '(Kèm theo Kế hoạch số 1024/KH-UBND ngày 06/5/2011 của UBND tỉnh Quảng Trị)',
      'DANH MỤC',
    ]);
    expect(m).toMatchObject({ title: 'DANH MỤC', issuingBody: 'UBND tỉnh Quảng Trị' });
    expect(m.docType).toBeUndefined();
  });
});

describe('the plan read from a published table', () => {
  const r = readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls'));

  it('keeps the document type and the place the title block states, so the export names them', () => {
    expect(r.workbook.meta).toMatchObject({
      title: 'Phụ lục số 01/CKTC-NSNN CÂN ĐỐI NGÂN SÁCH NHÀ NƯỚC NĂM 2014',
      docType: 'Quyết định',
      docNumber: '3016/QĐ-BTC',
    });
    // before: "(Kèm theo Kế hoạch số 3016/QĐ-BTC …)", a document the Ministry never issued
    expect(attachmentLine(r.workbook.meta)).toBe(
      '(Kèm theo Quyết định số 3016/QĐ-BTC ngày 04/12/2013 của BỘ TÀI CHÍNH)',
    );
  });

  it('keeps the place of signature', () => {
    const p = readPlanFile(
      'p.txt',
      new TextEncoder().encode(
        [
          'UBND TỈNH PHÚ THỌ',
          'Việt Trì, ngày 12 tháng 5 năm 2010',
          'DANH MỤC DỰ ÁN',
          'STT\tTên dự án\tĐơn vị thực hiện\t2011',
          '1\tDự án A\tSở TT&TT\t100',
          '2\tDự án B\tSở TT&TT\t200',
        ].join('\n'),
      ),
    );
    expect(p.workbook.meta).toMatchObject({ place: 'Việt Trì', docDate: '12/5/2010' });
  });

  it('leaves a hidden row of the block out of the title (Plan_2012.xls M08 hides a 2007 line)', () => {
    const lines = [
      'BỘ TÀI CHÍNH\t\tPhụ lục số 08/CKTC-NSNN',
      'DỰ TOÁN THU, CHI NGÂN SÁCH CỦA CÁC TỈNH NĂM 2012',
      'SỐ BỔ SUNG CÂN ĐỐI TỪ NGÂN SÁCH TRUNG ƯƠNG CHO NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2007',
      'Đơn vị: triệu đồng',
    ];
    const g = { ...gridFromText(lines.join('\n')), hiddenRows: new Set([2]) };
    expect(readMeta(g, lines.length).title).toBe(
      'Phụ lục số 08/CKTC-NSNN DỰ TOÁN THU, CHI NGÂN SÁCH CỦA CÁC TỈNH NĂM 2012',
    );
  });
});
