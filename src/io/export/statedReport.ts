/**
 * The check sheet's list of stated figures that differ from their rows: each one replaced by the
 * formula of its rows (cell, stated → computed), or kept as stated. Nothing is replaced silently.
 */
import { formatAmount } from '../../domain/numbers';
import { figureFormat } from './cellFormat';
import type { StatedChoice, StatedFigure } from './statedCells';

/** A stated figure of one exported sheet (its name in the file). */
export interface SheetFigure extends StatedFigure {
  sheet: string;
}

const WORDS = {
  vi: {
    replaced: 'SỐ LIỆU GHI TRÊN BIỂU ĐÃ THAY BẰNG CÔNG THỨC (SỐ TÍNH ĐƯỢC TỪ CÁC DÒNG)',
    kept: 'SỐ LIỆU GHI TRÊN BIỂU ĐƯỢC GIỮ NGUYÊN (KHÁC SỐ TÍNH ĐƯỢC TỪ CÁC DÒNG)',
    head: [
      'STT',
      'Ô',
      'Cách ghi',
      'Dòng',
      'Nội dung',
      'Cột',
      'Số ghi',
      'Tính được',
      'Chênh lệch',
      'Số ghi → số tính',
    ],
    asFormula: 'Công thức',
    asStated: 'Giữ số ghi',
  },
  en: {
    replaced: 'STATED FIGURES REPLACED BY FORMULAS (THE SUMS OF THEIR ROWS)',
    kept: 'STATED FIGURES KEPT (THEY DIFFER FROM THE SUMS OF THEIR ROWS)',
    head: [
      'No.',
      'Cell',
      'Written as',
      'Row',
      'Label',
      'Column',
      'Stated',
      'Computed',
      'Difference',
      'Stated → computed',
    ],
    asFormula: 'Formula',
    asStated: 'Stated',
  },
};

/** `'Phụ lục'!Q8`: a cell of a sheet, as a spreadsheet names it. */
export function cellName(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet)
    ? `${sheet}!${cell}`
    : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** `36.300 → 41.300`: a stated figure and what its rows add up to, in the report's number style. */
export function statedArrow(f: StatedFigure, lang: 'vi' | 'en'): string {
  return `${formatAmount(f.stated, lang)} → ${formatAmount(f.computed, lang)}`;
}

/** Rows appended to the check sheet (10 columns, as its findings table); none when nothing differs. */
export function statedReportRows(
  figures: readonly SheetFigure[],
  choice: StatedChoice,
  lang: 'vi' | 'en',
): unknown[][] {
  if (!figures.length) return [];
  const w = WORDS[lang];
  const border = { borderStyle: 'thin' };
  const text = (value: string) => ({ value, type: String, wrap: true, ...border });
  const num = (value: number) => ({
    value,
    type: Number,
    format: figureFormat('#,##0.##', value),
    ...border,
  });
  return [
    [null],
    [
      {
        value: `${choice === 'keep' ? w.kept : w.replaced} (${figures.length})`,
        type: String,
        fontWeight: 'bold',
        columnSpan: 10,
      },
    ],
    w.head.map((h) => ({ value: h, type: String, fontWeight: 'bold', align: 'center', ...border })),
    ...figures.map((f, k) => [
      num(k + 1),
      text(cellName(f.sheet, f.cell)),
      text(choice === 'keep' ? w.asStated : w.asFormula),
      text(f.cell.replace(/^[A-Z]+/, '')),
      text(f.label),
      text(f.column),
      num(f.stated),
      num(f.computed),
      num(f.computed - f.stated),
      text(statedArrow(f, lang)),
    ]),
  ];
}
