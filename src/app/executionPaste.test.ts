/**
 * The execution grid's paste reads the clipboard's HTML marks: the value a spreadsheet or Planbook
 * states beside the text shown in its locale (`x:num`, `sdval`), and the text marks
 * (`mso-number-format:"\@"` inline or through Excel's style classes, `sdnum` …;@) — a code pasted
 * among amounts is refused, not read as a number; the plain text when there is no table.
 */
import { describe, expect, it } from 'vitest';
import { clipboardHtml } from './clipboardHtml';
import { readClipboardHtml } from './clipboardHtmlRead';
import { pastedFigures } from './executionPaste';

const EXCEL =
  '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>\n' +
  '.xl65\n\t{mso-number-format:"\\@";}\n.xl66\n\t{mso-number-format:"\\#\\,\\#\\#0\\.0";}\n' +
  '</style></head><body><table><tr>' +
  '<td class=xl65>0123</td><td class=xl66 align=right x:num="1234.5">1,234.5</td>' +
  '<td align=right x:num>12</td><td>&nbsp;</td></tr>\r\n' +
  '<tr><td colspan=2 x:num="7">7</td><td class="xl66" x:num="0.25">0.3</td></tr></table></body></html>';

const CALC =
  '<table><tr><td sdval="61600" sdnum="1066;0;#.##0">61.600</td>' +
  '<td sdnum="1033;0;@">007</td><td>1.234,5</td></tr></table>';

describe('the execution grid’s paste of clipboard HTML', () => {
  it('reads back what Planbook copies: numbers by their value, texts marked as text', () => {
    const html = clipboardHtml([[61600, '0123', 1.5, '', 'Dự án <A> & B']], 'vi');
    expect(readClipboardHtml(html)).toEqual([
      [
        { text: '61.600', value: 61600 },
        { text: '0123', isText: true },
        { text: '1,5', value: 1.5 },
        { text: '' },
        { text: 'Dự án <A> & B' },
      ],
    ]);
    // the plain text beside it would read 0123 as 123 in the amounts
    expect(pastedFigures('61.600\t0123\t1,5\t', html)).toEqual([
      [61600, 'notNumber', 1.5, null, 'notNumber'],
    ]);
    expect(pastedFigures('61.600\t0123\t1,5\t', '')).toEqual([[61600, 123, 1.5, null]]);
  });

  it('reads Excel’s marks: text format through a style class, x:num values, spans', () => {
    expect(pastedFigures('0123\t1,234.5\t12\t\n7\t\t0.3', EXCEL)).toEqual([
      ['notNumber', 1234.5, 12, null],
      [7, null, 0.25],
    ]);
  });

  it('reads LibreOffice’s marks: sdval values, sdnum text; other cells in the block’s style', () => {
    expect(pastedFigures('61.600\t007\t1.234,5', CALC)).toEqual([[61600, 'notNumber', 1234.5]]);
  });

  it('takes the plain text when the HTML has no table', () => {
    expect(readClipboardHtml('<p>hello</p>')).toBeNull();
    expect(pastedFigures('1.000\t2.500\n3\t', '<p>x</p>')).toEqual([
      [1000, 2500],
      [3, null],
    ]);
  });
});
