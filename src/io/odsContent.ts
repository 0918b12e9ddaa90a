/**
 * What SheetJS reads differently from an OpenDocument spreadsheet (`.ods`) than from the `.xls` or
 * `.xlsx` of the same table, read again from its `content.xml`:
 * - the rows and columns it hides (SheetJS reads none): a `table:table-row` or `table:table-column`
 *   with `table:visibility="collapse"` (or `filter`), counted with its `number-…-repeated`;
 * - the text of a cell holding a drawn shape (a text box with a footnote marker `(1)` laid over
 *   the cell): LibreOffice stores the shape inside the cell, and SheetJS adds the shape's text to
 *   the cell's, which the `.xls` and `.xlsx` readers never see. The cell's own paragraphs are kept;
 * - a stored number printed blank (a zero under `#,###,###`): LibreOffice writes no text for it
 *   and SheetJS reads a blank, where the `.xls` reading has the figure: its `office:value` is read.
 */
import type { RawGrid } from './appendix/grid';
import { READ_LIMITS } from './limits';
import { ZipParts } from './xlsxZip';

export interface OdsSheetFacts {
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** The own text of cells holding a drawn shape, by `row,col` (0-based). */
  texts: Map<string, string>;
  /** Numbers stored without a text (printed blank), over `rows` × `cols` cells from `row,col`. */
  blankNumbers: { row: number; rows: number; col: number; cols: number; value: number }[];
}

/** The number a cell stores (`office:value` of a float, percentage or currency cell), if any. */
function storedNumber(attrs: string): number | undefined {
  const type = attr(attrs, 'office:value-type');
  if (type !== 'float' && type !== 'percentage' && type !== 'currency') return undefined;
  const v = Number(attr(attrs, 'office:value') ?? NaN);
  return Number.isFinite(v) ? v : undefined;
}

const TAG =
  /<(\/?)table:(table-column|table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(\/?)>/g;

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

function repeated(attrs: string, name: string): number {
  const n = Number(attr(attrs, name) ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** A cell's own text from its inner XML: its paragraphs, without drawn shapes and comments. */
export function ownText(inner: string): string {
  const own = inner
    .replace(/<draw:([\w-]+)\b[^>]*?\/>/g, '')
    .replace(/<draw:([\w-]+)\b[\s\S]*?<\/draw:\1>/g, '')
    .replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, '');
  const paras: string[] = [];
  for (const m of own.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)) {
    const body = (m[1] ?? '')
      .replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:s\b[^>]*\/>/g, ' ')
      .replace(/<text:tab\b[^>]*\/>/g, '\t')
      .replace(/<text:line-break\b[^>]*\/>/g, '\n')
      .replace(/<[^>]+>/g, '');
    paras.push(unescapeXml(body));
  }
  return paras.join('\n');
}

/**
 * The cell styles (of `content.xml` and `styles.xml`) whose number format has sections (a data
 * style with `style:map`s: `#,###;[Red]-#,###`, `#,##0;-#,##0;""`): a zero they print as nothing
 * stays blank, as the `.xls` reading has it; a zero left blank by a one-section `#,###,###` is
 * read as 0, as the `.xls` reading has it too (SheetJS cannot format it and shows the value).
 */
export function zeroBlankStyles(xml: string): Set<string> {
  const zeroMapped = new Set<string>();
  for (const m of xml.matchAll(
    /<number:([\w-]+)-style\b[^>]*?style:name="([^"]*)"[^>]*>([\s\S]*?)<\/number:\1-style>/g,
  ))
    if (/<style:map\b/.test(m[3])) zeroMapped.add(m[2]);
  const data = new Map<string, string>();
  const parent = new Map<string, string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>/g)) {
    const name = attr(m[1], 'style:name');
    if (!name || attr(m[1], 'style:family') !== 'table-cell') continue;
    const d = attr(m[1], 'style:data-style-name');
    if (d) data.set(name, d);
    const p = attr(m[1], 'style:parent-style-name');
    if (p) parent.set(name, p);
  }
  const out = new Set<string>();
  for (const name of new Set([...data.keys(), ...parent.keys()])) {
    let at: string | undefined = name;
    for (let hops = 0; at && !data.has(at) && hops < 20; hops++) at = parent.get(at);
    const d = at && data.get(at);
    if (d && zeroMapped.has(d)) out.add(name);
  }
  return out;
}

/**
 * Hidden rows and columns, shape-free cell texts and numbers stored without text, by sheet name,
 * from `content.xml` (`styles`: the `.ods`'s `styles.xml`, where its number formats may stand).
 */
export function odsFacts(xml: string, styles = ''): Map<string, OdsSheetFacts> {
  const zeroBlank = zeroBlankStyles(`${styles}\n${xml}`);
  const out = new Map<string, OdsSheetFacts>();
  let cur: OdsSheetFacts | null = null;
  let row = 0;
  let rowSpan = 1;
  let col = 0;
  let cellStart = -1;
  let cellSpan = 1;
  let cellNumber: number | undefined;
  /** A stored number without text at the current cell, over its repeats. */
  const blank = (value: number) =>
    cur!.blankNumbers.push({ row, rows: rowSpan, col, cols: cellSpan, value });
  const hide = (set: Set<number>, at: number, n: number, max: number) => {
    for (let k = at; k < Math.min(at + n, max); k++) set.add(k);
  };
  for (const m of xml.matchAll(TAG)) {
    const [whole, close, tag, attrs, selfClosing] = m;
    if (tag === 'table') {
      if (close) cur = null;
      else {
        cur = { hiddenRows: new Set(), hiddenCols: new Set(), texts: new Map(), blankNumbers: [] };
        out.set(unescapeXml(attr(attrs, 'table:name') ?? ''), cur);
        row = col = 0;
      }
      continue;
    }
    if (!cur) continue;
    if (tag === 'table-column') {
      const n = repeated(attrs, 'table:number-columns-repeated');
      const vis = attr(attrs, 'table:visibility');
      if (vis === 'collapse' || vis === 'filter')
        hide(cur.hiddenCols, col, n, READ_LIMITS.sheetColumns);
      col += n;
    } else if (tag === 'table-row') {
      if (close) {
        row += rowSpan;
        continue;
      }
      rowSpan = repeated(attrs, 'table:number-rows-repeated');
      const vis = attr(attrs, 'table:visibility');
      if (vis === 'collapse' || vis === 'filter')
        hide(cur.hiddenRows, row, rowSpan, READ_LIMITS.sheetRows);
      col = 0;
      if (selfClosing) row += rowSpan;
    } else if (close) {
      if (cellStart >= 0) {
        const inner = xml.slice(cellStart, m.index);
        if (inner.includes('<draw:')) cur.texts.set(`${row},${col}`, ownText(inner));
        if (cellNumber !== undefined && !ownText(inner).trim()) blank(cellNumber);
      }
      col += cellSpan;
      cellStart = -1;
    } else {
      cellSpan = repeated(attrs, 'table:number-columns-repeated');
      cellNumber = tag === 'table-cell' ? storedNumber(attrs) : undefined;
      // a number a format of sections prints as nothing (a zero, 0.2 under `#,###;-#,###`) stays blank
      if (cellNumber !== undefined && zeroBlank.has(attr(attrs, 'table:style-name') ?? ''))
        cellNumber = undefined;
      if (selfClosing) {
        if (cellNumber !== undefined) blank(cellNumber);
        col += cellSpan;
      } else cellStart = m.index + whole.length;
    }
  }
  return out;
}

/** Whether a zip package is an OpenDocument spreadsheet (its `mimetype` part says so). */
function isOds(zip: ZipParts): boolean {
  let mime = '';
  return (
    zip.stream('mimetype', (t) => (mime += t), 200) && mime.includes('opendocument.spreadsheet')
  );
}

/**
 * The grids SheetJS read of an `.ods`, with the rows and columns it hides (rows past a grid's last
 * row left out, as for the other formats), its cells' texts without drawn shapes and its numbers
 * printed blank (as their figure, `0`, as the `.xls` reading has them); the grids as they are for
 * any other file.
 */
export function withOdsContent(bytes: Uint8Array, grids: RawGrid[]): RawGrid[] {
  const zip = ZipParts.open(bytes);
  if (!zip || !zip.has('content.xml') || !isOds(zip)) return grids;
  let xml = '';
  if (!zip.stream('content.xml', (t) => (xml += t), READ_LIMITS.inflatedBytes)) return grids;
  let styles = '';
  if (zip.has('styles.xml'))
    zip.stream('styles.xml', (t) => (styles += t), READ_LIMITS.inflatedBytes);
  const facts = odsFacts(xml, styles);
  return grids.map((g) => {
    const f = facts.get(g.name);
    if (!f) return g;
    const out: RawGrid = { ...g };
    const hiddenRows = new Set([...f.hiddenRows].filter((r) => r < g.rows.length));
    if (hiddenRows.size) out.hiddenRows = hiddenRows;
    if (f.hiddenCols.size) out.hiddenCols = f.hiddenCols;
    if (f.texts.size || f.blankNumbers.length) out.rows = g.rows.slice();
    for (const b of f.blankNumbers)
      for (let r = b.row; r < Math.min(b.row + b.rows, out.rows.length); r++)
        for (let c = b.col; c < Math.min(b.col + b.cols, out.rows[r].length); c++) {
          const cell = out.rows[r][c];
          if (cell.text.trim() || (cell.value !== undefined && cell.value !== b.value)) continue;
          if (out.rows[r] === g.rows[r]) out.rows[r] = out.rows[r].slice();
          out.rows[r][c] = { ...cell, text: String(b.value), value: b.value };
        }
    if (f.texts.size) {
      for (const [key, text] of f.texts) {
        const [r, c] = key.split(',').map(Number);
        const cell = out.rows[r]?.[c];
        if (!cell) continue;
        out.rows[r] = out.rows[r].slice();
        out.rows[r][c] = { ...cell, text };
      }
    }
    return out;
  });
}
