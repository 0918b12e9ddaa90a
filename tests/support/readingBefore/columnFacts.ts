/**
 * What a column's own header and figures say about it: ratios that are never added (`Tỷ lệ (%)`,
 * figures shown as percentages, a code such as `5=4/3`), text columns next to amounts (`Địa điểm
 * xây dựng`, `Thời gian KC-HT`), and the decimals figures are printed with.
 */
import { isRatioCode } from '../../../src/domain/columnRules';
import { fold } from '../../../src/domain/sources';
import { cellText, type RawGrid } from './grid';
import type { LeafSpec } from '../../../src/io/appendix/header';
import { isErrorValue, isMarker } from './rowKinds';

const RATIO_HEADER =
  /(\bty le\b|\bti le\b|%|\bso sanh\b|\btoc do\b|\bdieu tiet\b|\bchi so\b|\bratios?\b|\brates?\b|\bpercent|\bshares?\b)/;
const TEXT_HEADER =
  /(\bdia diem\b|\bthoi gian\b|\bkhoi cong\b|\bhoan thanh\b|\bkc ?- ?ht\b|\bquyet dinh\b|\bso qd\b|\bngay\b|\bma du an\b|\bma so\b|\bnang luc\b|\bquy mo\b|\bghi chu\b|\bhinh thuc\b|\blocation\b|\bduration\b)/;

/** Decimals a number format prints (`#,##0.00` → 2, `0.0%` → 1 of the percentage). */
export function formatDecimals(fmt: string): number {
  const m = /\.(0+)/.exec(fmt.split(';')[0]);
  return m ? m[1].length : 0;
}

/** Sets roles, `additive` and `decimals` of the numeric leaves from the header and the data rows. */
export function refineColumns(g: RawGrid, specs: LeafSpec[], from: number, to: number): void {
  for (const s of specs) {
    const l = s.leaf;
    if (l.role !== 'amount' && l.role !== 'stated' && l.role !== 'value') continue;
    let nums = 0;
    let texts = 0;
    let percent = 0;
    let decimals = -1;
    const perCol = new Map<number, number>();
    for (let r = from; r < to; r++) {
      if (g.hiddenRows?.has(r)) continue;
      for (const c of s.cols) {
        const t = cellText(g, r, c);
        if (!t || isMarker(t) || t === '-' || t === '–') continue;
        const cell = g.rows[r]?.[c];
        if (isErrorValue(t)) {
          texts++;
          continue;
        }
        if (typeof cell?.value === 'number' || /^[-+(]?[\d.,\s]+\)?%?$/.test(t)) {
          nums++;
          perCol.set(c, (perCol.get(c) ?? 0) + 1);
          if (cell?.format?.includes('%') || /%$/.test(t)) percent++;
          if (cell?.format) decimals = Math.max(decimals, formatDecimals(cell.format));
        } else texts++;
      }
    }
    if (perCol.size) s.valueCol = [...perCol].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    const header = fold(l.label);
    if (l.role === 'value' && (TEXT_HEADER.test(header) || texts > nums)) {
      l.role = 'text';
      continue;
    }
    if (
      RATIO_HEADER.test(header) ||
      (l.code && isRatioCode(l.code)) ||
      (nums > 0 && percent >= nums * 0.6)
    ) {
      l.additive = false;
      if (l.role === 'amount') l.role = 'value';
    }
    if (decimals >= 0) l.decimals = percent ? decimals + 2 : decimals;
  }
}
