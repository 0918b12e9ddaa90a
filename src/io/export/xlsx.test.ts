import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetFindings } from '../../domain/checks';
import { generatePlan } from '../../domain/generate';
import { setCells } from '../../domain/ops';
import type { Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { toCsv } from '../../../tests/support/libreoffice';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import { exportXlsx } from './xlsx';

const dir = mkdtempSync(join(tmpdir(), 'planbook-export-'));

async function exportOf(wb: Workbook) {
  const e = new PlanEngine();
  e.loadWorkbook(wb);
  const sh = wb.sheets[0];
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => e.values(id),
    findings: sheetFindings(sh, wb.meta, e.values(sh.id)),
    rowNumber: (id) => String(sh.rows.findIndex((x) => x.id === id) + 1),
  });
  return { ...out, engine: e };
}

/** Every formula cell of the first sheet with the value Planbook computed. */
function formulaCells(layout: Awaited<ReturnType<typeof exportOf>>['layouts'][0]) {
  const out: { r: number; c: number; value: number }[] = [];
  layout.rows.forEach((row, r) =>
    row.forEach(
      (cell, c) =>
        cell?.formula && typeof cell.value === 'number' && out.push({ r, c, value: cell.value }),
    ),
  );
  return out;
}

const sample = () => {
  const r = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!r.ok) throw new Error('sample');
  return r.workbook;
};

function withFormulasAndRiskyText(): Workbook {
  const wb = generatePlan({ projects: 1000, seed: 7 });
  let sheet = wb.sheets[0];
  const projects = sheet.rows.filter((r) => r.kind === 'project');
  sheet = setCells(sheet, [
    {
      rowId: projects[0].id,
      colId: 'y2021_sn',
      value: `=E${sheet.rows.indexOf(projects[0]) + 1}*2`,
    },
    { rowId: projects[1].id, colId: 'name', value: '=HYPERLINK("http://x","y")' },
    { rowId: projects[2].id, colId: 'name', value: '+84 huyện' },
    { rowId: projects[3].id, colId: 'lead', value: '@Sở' },
    { rowId: projects[4].id, colId: 'name', value: '-Dự án' },
  ]);
  return { ...wb, sheets: [sheet] };
}

describe('submission export', () => {
  it('writes formulas with the computed values, which LibreOffice recalculates to the same figures (sample)', async () => {
    const wb = sample();
    const out = await exportOf(wb);
    const file = join(dir, 'sample.xlsx');
    writeFileSync(file, out.bytes);
    const cells = formulaCells(out.layouts[0]);
    // issue 15: no computed "(tính)" column, no second set of total rows (was > 50)
    expect(cells.length).toBeGreaterThan(35);
    // cached values, read without recalculation
    const book = XLSX.read(out.bytes, { type: 'array' });
    const ws = book.Sheets['Phụ lục'];
    for (const x of cells) expect(ws[XLSX.utils.encode_cell({ r: x.r, c: x.c })]?.v).toBe(x.value);
    // LibreOffice, forced to recalculate
    const csv = toCsv(file, true).get('Phụ lục')!;
    for (const x of cells) expect(Number(csv[x.r][x.c])).toBeCloseTo(x.value, 6);
    // the plan's own Tổng cộng row is the grand total: its Tổng mức đầu tư adds up to 49.850
    expect(out.layouts[0].totalRows).toEqual([]);
    expect(csv.filter((r) => r[1] === 'Tổng cộng')).toHaveLength(1);
    expect(csv.find((r) => r[1] === 'Tổng cộng')![14]).toBe('49850');
  }, 120_000);

  it('proves LibreOffice recalculates: a deliberately wrong cached value comes back right', async () => {
    const out = await exportOf(sample());
    const files = unzipSync(out.bytes);
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    // section 1's 2011 ĐTPT (E11 = SUM(E12:E17) = 6.500, under the form's header block); issue 15: O9 is no longer a computed column
    const tampered = xml.replace(/(<c r="E11"[^>]*><f>[^<]*<\/f><v>)6500(<\/v>)/, '$199999$2');
    expect(tampered).not.toBe(xml);
    files['xl/worksheets/sheet1.xml'] = strToU8(tampered);
    const file = join(dir, 'tampered.xlsx');
    writeFileSync(file, zipSync(files));
    expect(XLSX.read(readFileSync(file), { type: 'buffer' }).Sheets['Phụ lục'].E11.v).toBe(99999);
    expect(toCsv(file, false).get('Phụ lục')![10][4]).toBe('99999'); // default profile: cached
    expect(toCsv(file, true).get('Phụ lục')![10][4]).toBe('6500'); // recalculation profile
  }, 120_000);

  it('looks like an official appendix: merges, frozen header, print titles, A4 landscape, number format, font', async () => {
    const out = await exportOf(sample());
    const files = unzipSync(out.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const book = strFromU8(files['xl/workbook.xml']);
    const styles = strFromU8(files['xl/styles.xml']);
    // the header block above the first print strip (A:H, appendixPrint.ts): issuing body left
    // (A:B), motto right (C:H)
    expect(sheet).toContain('<mergeCell ref="A1:B1"/>');
    expect(sheet).toContain('<mergeCell ref="C1:H1"/>');
    expect(sheet).toContain('<mergeCell ref="E8:N8"/>'); // Nhu cầu vốn over 10 columns
    expect(sheet).toContain('<mergeCell ref="E9:F9"/>'); // 2011 over ĐTPT, SN
    expect(sheet).toContain('<mergeCell ref="A8:A10"/>'); // TT over three header rows
    expect(sheet).toMatch(/<pane ySplit="10"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Phụ lục'!$A:$B,'Phụ lục'!$8:$10</definedName>`,
    );
    // each sheet prints its own area (the appendix down to the signature block), the sample
    // (46 % one page wide) in two strips of years, the second from its header
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Phụ lục'!$A$1:$H$40,'Phụ lục'!$I$8:$P$40</definedName>`,
    );
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="1">'Kiểm tra'!\$A\$1:/,
    );
    expect(book).not.toMatch(/Print_Area" localSheetId="2"/); // the hidden sheet
    expect(sheet).toMatch(/<pageSetup[^>]*scale="76" pageOrder="downThenOver"/);
    // Excel prints the selected sheet: the appendix alone
    expect(sheet).toContain('tabSelected="1"');
    expect(strFromU8(files['xl/worksheets/sheet2.xml'])).not.toContain('tabSelected="1"');
    const report = strFromU8(files['xl/worksheets/sheet2.xml']);
    expect(report).toMatch(/<pageSetup[^>]*orientation="landscape"[^>]*fitToWidth="1"/);
    // underlined motto and issuing body, every body row as tall as its wrapped texts
    expect(styles).toMatch(/<u\/>/);
    expect(sheet).toMatch(/<row r="12"[^>]* ht="\d+" customHeight="1"/);
    expect(book).toContain('fullCalcOnLoad="1"');
    expect(book).toMatch(/name="_planbook" state="hidden"/);
    expect(styles).toContain('formatCode="#,##0"');
    expect(styles).toContain('Times New Roman');
    expect(XLSX.read(out.bytes, { type: 'array' }).SheetNames).toEqual([
      'Phụ lục',
      'Kiểm tra',
      '_planbook',
    ]);
  });

  it('reads back as the same plan (sample and a generated 1,000-project plan with formulas)', async () => {
    for (const wb of [sample(), withFormulasAndRiskyText()]) {
      const out = await exportOf(wb);
      const back = readPlanFile('plan.xlsx', out.bytes).workbook;
      expect(back.meta).toEqual(wb.meta);
      expect(back.sheets.map((s) => s.columns)).toEqual(wb.sheets.map((s) => s.columns));
      expect(back.sheets.map((s) => s.rows)).toEqual(wb.sheets.map((s) => s.rows));
    }
  });

  it('writes risky texts as text, user formulas as formulas, and LibreOffice agrees on every total (1,000 projects)', async () => {
    const wb = withFormulasAndRiskyText();
    const out = await exportOf(wb);
    const file = join(dir, 'generated.xlsx');
    writeFileSync(file, out.bytes);
    const first = out.layouts[0].firstRow;
    const p = wb.sheets[0].rows.findIndex((r) => r.kind === 'project');
    const xml = strFromU8(unzipSync(out.bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain(`<f>E${p + first + 1}*2</f>`); // the user formula, moved to the file's rows
    // the risky name is an inline text, never a formula
    expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/);
    expect(xml).toContain(
      't="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>',
    );
    const csv = toCsv(file, true).get(out.names[0])!;
    const row = (k: number) =>
      csv[
        first + wb.sheets[0].rows.indexOf(wb.sheets[0].rows.filter((r) => r.kind === 'project')[k])
      ];
    expect(row(1)[1]).toBe('=HYPERLINK("http://x","y")');
    expect(row(2)[1]).toBe('+84 huyện');
    expect(row(3)[2]).toBe('@Sở');
    expect(row(4)[1]).toBe('-Dự án');
    const cells = formulaCells(out.layouts[0]);
    for (const x of cells) expect(Number(csv[x.r][x.c])).toBeCloseTo(x.value, 6);
  }, 120_000);
});

describe('CSV of a sheet', async () => {
  const { sheetCsv, safeText } = await import('./csv');
  it('writes shown values, quotes where needed and defuses formula-like text', async () => {
    const wb = withFormulasAndRiskyText();
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const csv = sheetCsv(wb.sheets[0], e.values(wb.sheets[0].id), 'en');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0].startsWith('TT,Tên dự án,Đơn vị thực hiện')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain("'+84 huyện");
    expect(safeText('@Sở')).toBe("'@Sở");
    expect(safeText('Sở')).toBe('Sở');
  });
});

describe('CSV headers and number style', async () => {
  const { sheetCsv } = await import('./csv');
  it('names each amount column by year and source, and writes decimals as the chosen style', () => {
    const wb = sample();
    const sheet = wb.sheets[0];
    const project = sheet.rows.findIndex((r) => r.kind === 'project');
    const withDecimal = setCells(sheet, [
      { rowId: sheet.rows[project].id, colId: 'y2012_sn', value: 600.5 },
    ]);
    const e = new PlanEngine();
    e.loadWorkbook({ ...wb, sheets: [withDecimal] });
    const vi = sheetCsv(withDecimal, e.values(sheet.id), 'vi')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const head = vi[0].split(';');
    expect(head.slice(0, 8)).toEqual([
      'TT',
      'Tên dự án',
      'Đơn vị thực hiện',
      'Đơn vị phối hợp',
      '2011 - Vốn DTPT',
      '2011 - Vốn SN',
      '2012 - Vốn DTPT',
      '2012 - Vốn SN',
    ]);
    expect(new Set(head).size).toBe(head.length); // no two columns with one header
    const row = vi[project + 1].split(';');
    expect(row[7]).toBe('600,5');
    expect(row[1]).toMatch(/^"?Đầu tư mới, nâng cấp/); // a comma in a text needs no quotes with ';'
    expect(vi[project + 1]).toContain('Đầu tư mới, nâng cấp');
    const en = sheetCsv(withDecimal, e.values(sheet.id), 'en')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(en[0].split(',').slice(4, 6)).toEqual(['2011 - Vốn DTPT', '2011 - Vốn SN']);
    expect(en[project + 1]).toContain(',600.5,');
    expect(en[project + 1]).toContain('"Đầu tư mới, nâng cấp');
  });
});
