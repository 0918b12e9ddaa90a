/**
 * An .ods's hidden rows and columns and its cells' own texts (drawn shapes left out), read from
 * content.xml as LibreOffice writes it: repeated rows and columns, covered cells of merges.
 */
import { describe, expect, it } from 'vitest';
import { odsFacts, ownText, zeroBlankStyles } from './odsContent';

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
      blankNumbers: [],
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

/** A sheet of zeros stored without text, under a one-section style and a style of sections. */
const ZEROS = `<office:automatic-styles>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N128"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N183"/>
<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="ce2"/>
</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="M07">
<table:table-row><table:table-cell office:value-type="string"><text:p>1</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="2" table:style-name="ce1" office:value-type="float" office:value="0"><text:p/></table:table-cell>
<table:table-cell table:style-name="ce2" office:value-type="float" office:value="0"><text:p/></table:table-cell>
<table:table-cell table:style-name="ce1" office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell/><table:table-cell table:style-name="ce1" office:value-type="float" office:value="0"/>
<table:table-cell table:style-name="ce3" office:value-type="float" office:value="0.2"/></table:table-row>
</table:table></office:spreadsheet></office:body>`;
const STYLES = `<number:number-style style:name="N128"><number:number number:min-integer-digits="0" number:grouping="true"/></number:number-style>
<number:number-style style:name="N183"><number:number number:min-integer-digits="0"/><style:map style:condition="value()&lt;0" style:apply-style-name="N183P1"/></number:number-style>`;

describe('numbers stored without text (printed blank)', () => {
  it('a zero under a one-section `#,###,###` is read at its place, over its repeats', () => {
    expect(odsFacts(ZEROS, STYLES).get('M07')!.blankNumbers).toEqual([
      { row: 0, rows: 1, col: 1, cols: 2, value: 0 },
      { row: 1, rows: 2, col: 1, cols: 1, value: 0 },
    ]);
  });

  it('a number a format of sections prints as nothing stays blank (as the .xls reading has it)', () => {
    expect([...zeroBlankStyles(`${STYLES}\n${ZEROS}`)].sort()).toEqual(['ce2', 'ce3']);
  });
});
