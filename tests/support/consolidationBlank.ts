/**
 * Two departments' one-project files, one leaving a cell blank, one typing 0 (h163); the same
 * submissions as data are `domain/consolidateSamples.ts`.
 */
import * as XLSX from '@e965/xlsx';

/** A department's file: title block, 2026 × (ĐTPT, SN), one project (`null`: a blank cell). */
export function departmentFile(unit: string, name: string, dtpt: number, sn: number | null) {
  const ws = XLSX.utils.aoa_to_sheet([
    [unit.toUpperCase()],
    ['DANH MỤC DỰ ÁN CNTT ĐỀ XUẤT NĂM 2026'],
    ['ĐVT: triệu đồng'],
    [],
    ['TT', 'Tên dự án', 'Đơn vị thực hiện', 'Năm 2026', null],
    [null, null, null, 'Vốn ĐTPT', 'Vốn SN'],
    ['1', name, unit, dtpt, sn],
  ]);
  ws['!merges'] = [
    { s: { r: 4, c: 3 }, e: { r: 4, c: 4 } },
    ...[0, 1, 2].map((c) => ({ s: { r: 4, c }, e: { r: 5, c } })),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Phụ lục');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return { name: `${unit}.xlsx`, bytes };
}
