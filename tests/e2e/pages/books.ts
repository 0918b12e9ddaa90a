/** Workbooks the e2e tests drop on the start page: a real appendix beside a plain sheet. */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';

/** An .xlsx file of the given sheets, in order. */
export function book(sheets: [string, XLSX.WorkSheet][]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, n);
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** Phú Thọ's 2018–2020 appendix (fixtures/shapes), the first sheet of its file. */
export function phuThoAppendix(): XLSX.WorkSheet {
  const appendix = XLSX.read(readFileSync('fixtures/shapes/phu-tho-2018-2020.xlsx'));
  return appendix.Sheets[appendix.SheetNames[0]];
}

/** A plain reconciliation sheet: NSTW 100, NSĐP 250 and their `Cộng` as a SUM (350). */
export function notesSheet(): XLSX.WorkSheet {
  const notes = XLSX.utils.aoa_to_sheet([
    ['Nguồn', 'Số tiền'],
    ['NSTW', 100],
    ['NSĐP', 250],
    ['Cộng', 350],
  ]);
  notes.B4 = { t: 'n', v: 350, f: 'SUM(B2:B3)' };
  return notes;
}

/** The appendix ('Phụ lục') beside the reconciliation sheet ('Đối chiếu'). */
export function appendixWithNotes(notes = notesSheet()): Buffer {
  return book([
    ['Phụ lục', phuThoAppendix()],
    ['Đối chiếu', notes],
  ]);
}
