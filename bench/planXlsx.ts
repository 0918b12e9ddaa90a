/**
 * Bench input: a plan appendix as an Excel user keeps it (.xlsx written as Excel writes it: shared
 * strings, styles, bold section rows, SUM formulas with cached values, a merged header band), of any
 * size, with few findings or thousands.
 */
import { strToU8, zipSync } from 'fflate';
import { generatePlan } from '../src/domain/generate';
import { amountColumnId } from '../src/domain/template';

export interface PlanXlsxOptions {
  projects: number;
  /** 'few': 3 projects state a wrong total; 'many': one project in five does. */
  findings: 'few' | 'many';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>`;

/** The .xlsx bytes of a generated plan of `projects` projects (5 years × 2 sources). */
export function planXlsx(o: PlanXlsxOptions): Uint8Array {
  const wb = generatePlan({ projects: o.projects });
  const rows = wb.sheets[0].rows;
  const years = [2021, 2022, 2023, 2024, 2025];
  const amountIds = years.flatMap((y) => ['ĐTPT', 'SN'].map((s) => amountColumnId(y, s)));
  const nCols = 4 + amountIds.length + 1; // STT, name, lead, coord, amounts, stated
  const strings = new Map<string, number>();
  const sst = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const out: string[] = [];
  const cell = (r: number, c: number, body: string) =>
    out.push(`<c r="${colName(c)}${r}"${body}</c>`);
  const text = (r: number, c: number, s: string, bold = false) =>
    cell(r, c, `${bold ? ' s="1"' : ''} t="s"><v>${sst(s)}</v>`);
  const num = (r: number, c: number, v: number, style = 2) =>
    cell(r, c, ` s="${style}"><v>${v}</v>`);
  const formula = (r: number, c: number, f: string, v: number) =>
    cell(r, c, ` s="3"><f>${esc(f)}</f><v>${v}</v>`);
  const row = (r: number, fill: () => void) => {
    out.push(`<row r="${r}">`);
    fill();
    out.push('</row>');
  };
  // the header band (rows 1–4), the grand total (row 5), the table from row 6
  row(1, () => text(1, 0, `DANH MỤC DỰ ÁN KẾ HOẠCH ĐẦU TƯ CÔNG ${o.projects} DỰ ÁN`, true));
  row(2, () => text(2, 0, 'ĐVT: triệu đồng'));
  row(3, () => {
    ['STT', 'Tên dự án', 'Đơn vị thực hiện', 'Đơn vị phối hợp'].forEach((h, c) =>
      text(3, c, h, true),
    );
    years.forEach((y, k) => text(3, 4 + 2 * k, `Năm ${y}`, true));
    text(3, nCols - 1, 'Tổng mức đầu tư', true);
  });
  row(4, () => amountIds.forEach((_, k) => text(4, 4 + k, k % 2 ? 'Vốn SN' : 'Vốn ĐTPT', true)));
  const first = 6;
  // each row's figures (amounts, stated) and the rows its formula adds up
  const figures = rows.map((r) => [...amountIds, 'stated'].map((id) => Number(r.cells[id] ?? 0)));
  const children: number[][] = rows.map(() => []);
  const top: number[] = [];
  const stack: number[] = [];
  rows.forEach((r, i) => {
    while (stack.length && rows[stack[stack.length - 1]].level >= r.level) stack.pop();
    if (stack.length) children[stack[stack.length - 1]].push(i);
    else top.push(i);
    if (r.kind === 'section') stack.push(i);
  });
  let p = 0;
  rows.forEach((r, i) => {
    if (r.kind !== 'project') return;
    p++;
    const wrong = o.findings === 'many' ? p % 5 === 0 : p === 7 || p === 4321 || p === o.projects;
    if (wrong) figures[i][amountIds.length] += 10;
  });
  for (let i = rows.length - 1; i >= 0; i--)
    if (rows[i].kind === 'section')
      figures[i] = figures[i].map((_, k) => children[i].reduce((s, j) => s + figures[j][k], 0));
  const grand = figures[0].map((_, k) => top.reduce((s, j) => s + figures[j][k], 0));
  const sumOf = (c: number, idx: number[]) => {
    const refs = idx.map((j) => `${colName(c)}${first + j}`);
    const contiguous = idx.every((j, k) => k === 0 || j === idx[k - 1] + 1);
    return contiguous ? `SUM(${refs[0]}:${refs[refs.length - 1]})` : `SUM(${refs.join(',')})`;
  };
  row(5, () => {
    text(5, 1, 'TỔNG SỐ', true);
    grand.forEach((v, k) => formula(5, 4 + k, sumOf(4 + k, top), v));
  });
  rows.forEach((r, i) => {
    const at = first + i;
    row(at, () => {
      text(at, 0, String(r.cells.tt ?? ''), r.kind === 'section');
      text(at, 1, String(r.cells.name ?? ''), r.kind === 'section');
      if (r.kind === 'section') {
        figures[i].forEach((v, k) => formula(at, 4 + k, sumOf(4 + k, children[i]), v));
        return;
      }
      text(at, 2, String(r.cells.lead ?? ''));
      text(at, 3, String(r.cells.coord ?? ''));
      figures[i].forEach((v, k) => v && num(at, 4 + k, v));
    });
  });
  const last = first + rows.length - 1;
  const merges = [
    `A1:${colName(nCols - 1)}1`,
    'A3:A4',
    'B3:B4',
    'C3:C4',
    'D3:D4',
    ...years.map((_, k) => `${colName(4 + 2 * k)}3:${colName(5 + 2 * k)}3`),
    `${colName(nCols - 1)}3:${colName(nCols - 1)}4`,
  ];
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${colName(nCols - 1)}${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="2" max="2" width="48" customWidth="1"/></cols><sheetData>${out.join('')}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`;
  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${[
    ...strings.keys(),
  ]
    .map((s) => `<si><t>${esc(s)}</t></si>`)
    .join('')}</sst>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': strToU8(sstXml),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}
