/**
 * A streaming .xlsx reader for values and formulas: the package's parts are read from the zip's
 * directory, each sheet's XML is inflated in chunks and parsed row by row as it arrives, and the
 * raw grids come out exactly as `gridsFromWorkbook` (SheetJS) gives them. Whatever it does not read
 * the way SheetJS does (array formulas, comments, 1904 dates, date cells, chart sheets, prefixed XML,
 * odd packages) answers null, and the caller reads the file with SheetJS.
 */
import type { RawGrid } from './appendix/grid';
import { CellBudget, checkSheetCount, LimitError, READ_LIMITS } from './limits';
import { SheetScan } from './xlsxSheet';
import { sharedStrings } from './xlsxStrings';
import { SheetJsNotLoaded } from './sheetJs';
import { attributes, FormatTable, unescapeXml, Unsupported } from './xlsxText';
import { ZipParts } from './xlsxZip';

export interface StreamOptions {
  /** Told why the file is left to SheetJS (tests, diagnostics). */
  onFallback?: (why: string) => void;
}

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
]);
const SST_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const TAGS = /<[^<>]*>/g;

function tagName(tag: string): string {
  const m = /^<\/?([^\s/>]+)/.exec(tag);
  return m ? m[1].replace(/^\w+:/, '') : '';
}

function contentTypes(xml: string) {
  const parts = { workbook: [] as string[], sst: [] as string[], styles: [] as string[] };
  let ns: string | undefined;
  for (const [tag] of xml.matchAll(TAGS)) {
    const name = tagName(tag);
    if (tag.startsWith('<Types')) ns = attributes(tag).xmlns;
    if (name !== 'Override' || tag.startsWith('</')) continue;
    const a = attributes(tag);
    const at = (a.PartName ?? '').replace(/^\//, '');
    if (WORKBOOK_TYPES.has(a.ContentType)) parts.workbook.push(at);
    else if (a.ContentType === SST_TYPE) parts.sst.push(at);
    else if (a.ContentType === STYLES_TYPE) parts.styles.push(at);
    else if (/binary|sheet\.main|sharedStrings|\.styles/.test(a.ContentType ?? ''))
      throw new Unsupported('content type');
  }
  if (ns !== CT_NS) throw new Unsupported('namespace');
  return parts;
}

function relationships(xml: string | null): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const [tag] of (xml ?? '').matchAll(TAGS)) {
    if (!tag.startsWith('<Relationship ') && !tag.startsWith('<Relationship\n')) continue;
    const a = attributes(tag);
    out.set(a.Id, { type: a.Type ?? '', target: unescapeXml(a.Target ?? '') });
  }
  return out;
}

/** The number format id of each cell style (cellXfs order); null: the file has no cellXfs. */
function styles(xml: string, formats: FormatTable): (number | undefined)[] | null {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const num = /<(?:\w+:)?numFmts\b[^<>]*>[\s\S]*?<\/(?:\w+:)?numFmts>/.exec(text);
  for (const [tag] of (num?.[0] ?? '').matchAll(TAGS)) {
    if (tagName(tag) !== 'numFmt' || tag.startsWith('</')) continue;
    const a = attributes(tag);
    const id = parseInt(a.numFmtId, 10);
    if (id > 0x188) throw new Unsupported('numFmtId');
    if (id > 0) formats.define(id, unescapeXml(a.formatCode ?? ''));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^<>]*>[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(text);
  if (!xfs) return null;
  const out: (number | undefined)[] = [];
  let depth = 0;
  for (const [tag] of xfs[0].matchAll(TAGS)) {
    const name = tagName(tag);
    if (name === 'extLst' || name === 'AlternateContent') depth += tag.startsWith('</') ? -1 : 1;
    if (name !== 'xf' || tag.startsWith('</') || depth > 0) continue;
    const v = attributes(tag).numFmtId;
    const id = v ? parseInt(v, 10) : undefined;
    if (id !== undefined && id > 0x188) throw new Unsupported('numFmtId');
    out.push(id);
  }
  return out;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * Reads every sheet of an .xlsx as raw grids, streaming each sheet's XML; null when the file uses
 * a feature read only by SheetJS (or is not a plain .xlsx package), or when its parts declare more
 * than the inflated-size limit or inflate past their declared sizes (the caller's checks of the
 * whole package then say why). Each part is inflated once, here: no measuring pass before.
 */
export function gridsFromXlsx(bytes: Uint8Array, o: StreamOptions = {}): RawGrid[] | null {
  try {
    const out = read(bytes);
    if (!out) o.onFallback?.('package');
    return out;
  } catch (e) {
    if (e instanceof LimitError || e instanceof SheetJsNotLoaded) throw e;
    // a feature only SheetJS reads (Unsupported), or a damaged part: SheetJS decides
    o.onFallback?.(e instanceof Error ? e.message : String(e));
    return null;
  }
}

function read(bytes: Uint8Array): RawGrid[] | null {
  const zip = ZipParts.open(bytes);
  const max = READ_LIMITS.inflatedBytes;
  if (!zip || zip.has('META-INF/manifest.xml') || !zip.has('[Content_Types].xml')) return null;
  // each part stops at its declared size, so the parts read stay within the total declared here
  if (zip.declaredTotal() > max) return null;
  const ct = contentTypes(zip.text('[Content_Types].xml', max) ?? '');
  const wbPath = ct.workbook[0] ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : '');
  const wbXml = wbPath.endsWith('.xml') ? zip.text(wbPath, max) : null;
  if (!wbXml) return null;
  if (/<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(wbXml)) return null;
  const base = dirOf(wbPath);
  let relsPath = `${base}_rels/${wbPath.slice(base.length)}.rels`;
  if (!zip.has(relsPath)) relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = relationships(zip.text(relsPath, max));
  const formats = new FormatTable();
  const stylePath = ct.styles[0];
  let xfs: (number | undefined)[] | null = null;
  if (stylePath) {
    const xml = zip.text(stylePath, max);
    if (xml === null) return null;
    xfs = styles(xml, formats);
  }
  let strings: (string | undefined)[] = [];
  if (ct.sst[0]) {
    const xml = zip.text(ct.sst[0], max);
    const sst = xml === null ? null : sharedStrings(xml);
    if (!sst) return null;
    strings = sst;
  }
  const sheets: { name: string; path: string }[] = [];
  for (const [tag] of wbXml.matchAll(/<(?:\w+:)?sheet\b[^<>]*>/g)) {
    const a = attributes(tag);
    const rel = rels.get(a.id ?? a.strRelID);
    if (!rel || !/\/worksheet$/.test(rel.type)) return null;
    const path = `xl/${rel.target.replace(/[/]?xl\//, '')}`;
    if (!zip.has(path)) return null;
    const sheetRels = path.replace(/^(.*)(\/)([^/]*)$/, '$1/_rels/$3.rels');
    if (zip.has(sheetRels) && /comments|threadedComment/i.test(zip.text(sheetRels, max) ?? ''))
      return null;
    sheets.push({ name: unescapeXml(a.name ?? ''), path });
  }
  if (!sheets.length) return null;
  checkSheetCount(sheets.length);
  const budget = new CellBudget();
  return sheets.map(({ name, path }) => {
    const scan = new SheetScan(strings, xfs, formats);
    if (!zip.stream(path, (t) => scan.push(t), max)) throw new Unsupported('part');
    return scan.finish(name, budget);
  });
}
