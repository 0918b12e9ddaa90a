/** The clipboard's HTML keeps numbers' values and code-like texts as they are, in any locale. */
import { describe, expect, it } from 'vitest';
import { htmlToXlsx } from '../../tests/support/libreoffice';
import { gridsFromWorkbook } from '../io/sheets';
import { withSheetJs } from '../io/sheetJs';
import { clipboardHtml, readsAsNonText, shownText } from './clipboardHtml';

const ROW = [61600, '0123', 'Mạng LAN', 1.5, -2500.25, '1/2', '=1+2', 'TRUE', 'a & <b> "c"', ''];

describe('clipboardHtml', () => {
  it('gives a number its value beside the text shown in the user style (Excel x:num, LibreOffice sdval)', () => {
    const html = clipboardHtml([[61600, 1.5]], 'vi');
    expect(html).toContain('<td x:num="61600" sdval="61600" sdnum="1033;0;General">61.600</td>');
    expect(html).toContain('<td x:num="1.5" sdval="1.5" sdnum="1033;0;General">1,5</td>');
    expect(clipboardHtml([[61600]], 'en')).toContain('>61,600</td>');
  });

  it('marks a text a spreadsheet would convert as text (mso-number-format, sdnum @); other texts stay plain', () => {
    const html = clipboardHtml([['0123', 'Mạng LAN', '=1+2', 'a & <b>']], 'vi');
    expect(html).toContain(`<td style='mso-number-format:"\\@"' sdnum="1033;0;@">0123</td>`);
    expect(html).toContain(`<td style='mso-number-format:"\\@"' sdnum="1033;0;@">=1+2</td>`);
    expect(html).toContain('<td>Mạng LAN</td>');
    expect(html).toContain('<td>a &amp; &lt;b&gt;</td>');
    expect(html).toMatch(
      /^<html xmlns:o="[^"]+" xmlns:x="urn:schemas-microsoft-com:office:excel">/,
    );
  });

  it('tells which texts a spreadsheet would read as something else', () => {
    for (const t of [
      '0123',
      ' 12',
      '1/2',
      '-5',
      '+84 90',
      '.5',
      '(3)',
      '=A1',
      '#N/A',
      '50%',
      'true',
    ])
      expect(readsAsNonText(t), t).toBe(true);
    for (const t of ['Mạng LAN', 'Dự án 1', 'I', 'a1', 'TRUE x'])
      expect(readsAsNonText(t), t).toBe(false);
  });
});

describe('pasting the HTML into LibreOffice Calc (its HTML import, as paste runs it)', () => {
  for (const locale of ['en-US', 'vi-VN'])
    it(`keeps 0123 a text and 61600 the number 61600 (${locale})`, async () => {
      const xlsx = htmlToXlsx(clipboardHtml([ROW], 'vi'), locale);
      const [grid] = await withSheetJs(() => gridsFromWorkbook(xlsx));
      const got = grid.rows[0].map((c) => c.value ?? c.text);
      expect(got.slice(0, 9)).toEqual([
        61600,
        '0123',
        'Mạng LAN',
        1.5,
        -2500.25,
        '1/2',
        '=1+2',
        'TRUE',
        'a & <b> "c"',
      ]);
    }, 240_000);
});

describe('a percent cell copied (domain/percent)', () => {
  it('carries its fraction in a percent format, shows 5,3%, and its text is 5.3%', () => {
    const html = clipboardHtml([[{ fraction: 0.053, decimals: 1 }]], 'vi');
    expect(html).toContain(
      `<td x:num="0.053" style='mso-number-format:"0\\.0%"' sdval="0.053" sdnum="1033;0;0.0%">5,3%</td>`,
    );
    expect(shownText({ fraction: 0.053, decimals: 1 })).toBe('5.3%');
  });

  // LibreOffice's HTML import keeps the value (sdval) but not the percent format of sdnum
  it('LibreOffice pastes it as the fraction 0.053, not 5.3 nor 0,053 read as text (vi-VN)', async () => {
    const xlsx = htmlToXlsx(
      clipboardHtml([[{ fraction: 0.053, decimals: 1 }, 1.5]], 'vi'),
      'vi-VN',
    );
    const [grid] = await withSheetJs(() => gridsFromWorkbook(xlsx));
    const [pct, plain] = grid.rows[0];
    expect(pct.value).toBe(0.053);
    expect(plain.value).toBe(1.5);
  }, 240_000);
});
