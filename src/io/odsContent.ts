/**
 * What SheetJS reads differently from an OpenDocument spreadsheet (`.ods`) than from the `.xls` or
 * `.xlsx` of the same table, read again from its `content.xml`:
 * - the rows and columns it hides (SheetJS reads none): a `table:table-row` or `table:table-column`
 *   with `table:visibility="collapse"` (or `filter`), counted with its `number-…-repeated`;
 * - the text of a cell holding a drawn shape (a text box with a footnote marker `(1)` laid over
 *   the cell): LibreOffice stores the shape inside the cell, and SheetJS adds the shape's text to
 *   the cell's, which the `.xls` and `.xlsx` readers never see. The cell's own paragraphs are kept.
 */
import type { RawGrid } from './appendix/grid';
import { READ_LIMITS } from './limits';
import { ZipParts } from './xlsxZip';

export interface OdsSheetFacts {
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** The own text of cells holding a drawn shape, by `row,col` (0-based). */
  texts: Map<string, string>;
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

/** Hidden rows and columns and shape-free cell texts, by sheet name, from `content.xml`. */
export function odsFacts(xml: string): Map<string, OdsSheetFacts> {
  const out = new Map<string, OdsSheetFacts>();
  let cur: OdsSheetFacts | null = null;
  let row = 0;
  let rowSpan = 1;
  let col = 0;
  let cellStart = -1;
  let cellSpan = 1;
  const hide = (set: Set<number>, at: number, n: number, max: number) => {
    for (let k = at; k < Math.min(at + n, max); k++) set.add(k);
  };
  for (const m of xml.matchAll(TAG)) {
    const [whole, close, tag, attrs, selfClosing] = m;
    if (tag === 'table') {
      if (close) cur = null;
      else {
        cur = { hiddenRows: new Set(), hiddenCols: new Set(), texts: new Map() };
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
      }
      col += cellSpan;
      cellStart = -1;
    } else {
      cellSpan = repeated(attrs, 'table:number-columns-repeated');
      if (selfClosing) col += cellSpan;
      else cellStart = m.index + whole.length;
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
 * row left out, as for the other formats) and its cells' texts without drawn shapes; the grids as
 * they are for any other file.
 */
export function withOdsContent(bytes: Uint8Array, grids: RawGrid[]): RawGrid[] {
  const zip = ZipParts.open(bytes);
  if (!zip || !zip.has('content.xml') || !isOds(zip)) return grids;
  let xml = '';
  if (!zip.stream('content.xml', (t) => (xml += t), READ_LIMITS.inflatedBytes)) return grids;
  const facts = odsFacts(xml);
  return grids.map((g) => {
    const f = facts.get(g.name);
    if (!f) return g;
    const out: RawGrid = { ...g };
    const hiddenRows = new Set([...f.hiddenRows].filter((r) => r < g.rows.length));
    if (hiddenRows.size) out.hiddenRows = hiddenRows;
    if (f.hiddenCols.size) out.hiddenCols = f.hiddenCols;
    if (f.texts.size) {
      out.rows = g.rows.slice();
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
