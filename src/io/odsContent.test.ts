/**
 * An .ods's hidden rows and columns and its cells' own texts (drawn shapes left out), read from
 * content.xml as LibreOffice writes it: repeated rows and columns, covered cells of merges.
 */
import { describe, expect, it } from 'vitest';
import { odsFacts, ownText } from './odsContent';

const XML = `<office:spreadsheet><table:table table:name="M&amp;1" table:style-name="ta1">
<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>
<table:table-column table:number-columns-repeated="1021"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>STT</text:p></table:table-cell>
<table:table-cell table:number-columns-spanned="2"><text:p>Chỉ tiêu</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="2" table:visibility="collapse"><table:table-cell table:number-columns-repeated="3"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>Bổ sung<text:s/>cân đối -<text:span> Balancing</text:span></text:p><draw:custom-shape draw:name="Rectangle 1"><text:p><text:span>(1)</text:span></text:p><draw:enhanced-geometry draw:type="rectangle"/></draw:custom-shape></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table><table:table table:name="B"><table:table-row><table:table-cell/></table:table-row></table:table></office:spreadsheet>`;

describe('odsFacts', () => {
  const facts = odsFacts(XML);

  it('hidden rows and columns, counted with their repeats', () => {
    expect([...facts.get('M&1')!.hiddenRows]).toEqual([1, 2]);
    expect([...facts.get('M&1')!.hiddenCols]).toEqual([2]);
    expect(facts.get('B')).toEqual({
      hiddenRows: new Set(),
      hiddenCols: new Set(),
      texts: new Map(),
    });
  });

  it('a cell holding a drawn shape keeps its own text, at its place after repeats and merges', () => {
    expect([...facts.get('M&1')!.texts]).toEqual([['3,2', 'Bổ sung cân đối - Balancing']]);
  });
});

describe('ownText', () => {
  it('paragraphs, spaces, tabs and line breaks, without shapes and comments', () => {
    expect(
      ownText(
        '<text:p>a<text:s text:c="2"/>b</text:p><office:annotation><text:p>note</text:p></office:annotation><text:p>c<text:tab/>d<text:line-break/>&amp;e</text:p><draw:frame><draw:text-box><text:p>(2)</text:p></draw:text-box></draw:frame>',
      ),
    ).toBe('a  b\nc\td\n&e');
  });
});
