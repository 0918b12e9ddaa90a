/**
 * The rows and columns an OpenDocument spreadsheet (`.ods`) hides. SheetJS reads neither from an
 * `.ods` (it does from `.xls` and `.xlsx`): without them a table re-saved by LibreOffice shows its
 * hidden stale rows as figures. Read here from `content.xml`: a `table:table-row` or
 * `table:table-column` with `table:visibility="collapse"` (or `filter`), counted with its
 * `number-rows-repeated` / `number-columns-repeated`.
 */
import type { RawGrid } from './appendix/grid';
import { READ_LIMITS } from './limits';
import { ZipParts } from './xlsxZip';

export interface HiddenLines {
  rows: Set<number>;
  cols: Set<number>;
}

const TAG = /<table:(table-column|table-row|table)(?=[\s/>])([^>]*)>/g;

const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Hidden rows and columns (0-based) by sheet name, from the text of `content.xml`. */
export function hiddenLinesOfContent(xml: string): Map<string, HiddenLines> {
  const out = new Map<string, HiddenLines>();
  let cur: HiddenLines | null = null;
  let row = 0;
  let col = 0;
  for (const m of xml.matchAll(TAG)) {
    const [, tag, attrs] = m;
    if (tag === 'table') {
      cur = { rows: new Set(), cols: new Set() };
      out.set(unescapeXml(attr(attrs, 'table:name') ?? ''), cur);
      row = col = 0;
      continue;
    }
    if (!cur) continue;
    const rows = tag === 'table-row';
    const n = Number(
      attr(attrs, rows ? 'table:number-rows-repeated' : 'table:number-columns-repeated') ?? 1,
    );
    const count = Number.isFinite(n) && n > 0 ? n : 1;
    const at = rows ? row : col;
    const vis = attr(attrs, 'table:visibility');
    if (vis === 'collapse' || vis === 'filter') {
      const to = Math.min(at + count, rows ? READ_LIMITS.sheetRows : READ_LIMITS.sheetColumns);
      for (let k = at; k < to; k++) (rows ? cur.rows : cur.cols).add(k);
    }
    if (rows) row += count;
    else col += count;
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
 * The grids of an `.ods` with the rows and columns it hides (rows past a grid's last row left
 * out, as for the other formats); the grids as they are for any other file.
 */
export function withOdsHidden(bytes: Uint8Array, grids: RawGrid[]): RawGrid[] {
  const zip = ZipParts.open(bytes);
  if (!zip || !zip.has('content.xml') || !isOds(zip)) return grids;
  let xml = '';
  if (!zip.stream('content.xml', (t) => (xml += t), READ_LIMITS.inflatedBytes)) return grids;
  const hidden = hiddenLinesOfContent(xml);
  return grids.map((g) => {
    const h = hidden.get(g.name);
    if (!h) return g;
    const hiddenRows = new Set([...h.rows].filter((r) => r < g.rows.length));
    const out: RawGrid = { ...g };
    if (hiddenRows.size) out.hiddenRows = hiddenRows;
    if (h.cols.size) out.hiddenCols = h.cols;
    return out;
  });
}
