import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sheetFindings } from '../../domain/checks';
import { PlanEngine } from '../../engine/engine';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import { exportXlsx } from './xlsx';

/** The sample plan's export (its check report lists the plan's 26 published differences). */
async function sampleExport(): Promise<Uint8Array> {
  const parsed = parsePlanbook(readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8'));
  if (!parsed.ok) throw new Error('sample plan unreadable');
  const wb = parsed.workbook;
  const engine = new PlanEngine();
  engine.loadWorkbook(wb);
  const sheet = wb.sheets[0];
  const out = await exportXlsx({
    workbook: wb,
    values: (id) => engine.values(id),
    findings: sheetFindings(sheet, wb.meta, engine.values(sheet.id)),
    rowNumber: () => '',
  });
  return out.bytes;
}

/** The export as an officer saves it after renaming one project in the appendix sheet. */
function renamedInExcel(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const book = XLSX.read(bytes, { cellFormula: true });
  const ws = book.Sheets[book.SheetNames[0]];
  const at = Object.keys(ws).find((k) => !k.startsWith('!') && ws[k].v === from);
  if (!at) throw new Error(`no cell holds ${from}`);
  ws[at] = { t: 's', v: to };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe("an export edited in Excel, read as tables again (the export's own parts left out)", () => {
  it('reads the appendix alone, not the check report as an appendix of findings', async () => {
    const bytes = await sampleExport();
    const edited = renamedInExcel(
      bytes,
      'XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh',
      'Xây dựng hệ thống quản lý đơn thư khiếu nại, tố cáo của tỉnh',
    );
    const r = readPlanFile('ke-hoach-dieu-chinh.xlsx', edited);
    // read as tables (the rename no longer fits the packed plan): one appendix, its 17 projects
    expect(r.workbook.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
    const projects = r.workbook.sheets[0].rows.filter((row) => row.kind === 'project');
    expect(projects).toHaveLength(17);
    expect(projects.map((p) => p.cells.name)).toContain(
      'Xây dựng hệ thống quản lý đơn thư khiếu nại, tố cáo của tỉnh',
    );
    // neither the packed plan nor the report comes in as a sheet of the plan
    const plain = (r.workbook.grids ?? []).map((g) => g.name);
    expect(plain).not.toContain('_planbook');
    expect(plain).not.toContain('Kiểm tra');
  });
});
