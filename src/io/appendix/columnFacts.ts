/**
 * What a column's own header and figures say about it: ratios that are never added (`Tỷ lệ (%)`,
 * figures shown as percentages, a code such as `5=4/3`), text columns next to amounts (`Địa điểm
 * xây dựng`, `Thời gian KC-HT`), and the decimals figures are printed with.
 */
import { isRatioCode } from '../../domain/columnRules';
import { isNilFigure } from '../../domain/numbers';
import { percentFormatDecimals } from '../../domain/percent';
import { fold } from '../../domain/sources';
import { isFolded, type RawGrid, rowShown } from './grid';
import type { LeafSpec } from './header';
import { isErrorValue, isMarker } from './rowKinds';
import { mayBeMarker } from './rowFigures';

const RATIO_HEADER =
  /(\bty le\b|\bti le\b|%|\bso sanh\b|\btoc do\b|\bdieu tiet\b|\bchi so\b|\bratios?\b|\brates?\b|\bpercent|\bshares?\b)/;
const TEXT_HEADER =
  /(\bdia diem\b|\bthoi gian\b|\bkhoi cong\b|\bhoan thanh\b|\bkc ?- ?ht\b|\bquyet dinh\b|\bso qd\b|\bngay\b|\bma du an\b|\bma so\b|\bnang luc\b|\bquy mo\b|\bghi chu\b|\bhinh thuc\b|\blocation\b|\bduration\b)/;

/** Decimals a number format prints (`#,##0.00` → 2, `0.0%` → 1 of the percentage). */
export function formatDecimals(fmt: string): number {
  const m = /\.(0+)/.exec(fmt.split(';')[0]);
  return m ? m[1].length : 0;
}

/** What the data rows show under one numeric leaf. */
interface Tally {
  nums: number;
  texts: number;
  percent: number;
  decimals: number;
  /** Decimals of the percentage the percent-formatted figures print (`0.0%` → 1). */
  pctDecimals: number;
  /** Trailing zeros every non-zero whole stored figure has (`61600000000` → 8), at most 9. */
  zeros: number;
  /** Non-zero stored figures seen. */
  whole: number;
  /** Figures per column, counted at the column's first place in the leaf's columns. */
  perCol: number[];
  slot: number[];
}

/** Trailing zeros of a whole number (`61600` → 2), at most 9; 0 for a fraction. */
function trailingZeros(x: number): number {
  let k = 0;
  while (k < 9 && x % 10 ** (k + 1) === 0) k++;
  return k;
}

/**
 * Whether a unit is one a table's figures are often converted into from a larger one (`đồng`,
 * `nghìn đồng`: ×1,000,000 or ×1,000 from triệu), keeping the larger unit's rounding.
 */
export function isSmallUnit(unit: string | undefined): boolean {
  return !!unit && /^((nghin|ngan) )?(dong|vnd|d)\b/.test(fold(unit).replace(/^\(|\)$/g, ''));
}

/**
 * Sets roles, `additive` and `decimals` of the numeric leaves from the header and the data rows;
 * `unit`: the table's unit line (in đồng, figures that are all whole millions were rounded to the
 * million: their decimals are -6).
 */
export function refineColumns(
  g: RawGrid,
  specs: LeafSpec[],
  from: number,
  to: number,
  unit?: string,
): void {
  const small = isSmallUnit(unit);
  const numeric = specs.filter((s) => {
    const role = s.leaf.role;
    return role === 'amount' || role === 'stated' || role === 'value';
  });
  const tallies: Tally[] = numeric.map((s) => ({
    nums: 0,
    texts: 0,
    percent: 0,
    decimals: -1,
    pctDecimals: -1,
    zeros: 9,
    whole: 0,
    perCol: s.cols.map(() => 0),
    slot: s.cols.map((c) => s.cols.indexOf(c)),
  }));
  // one pass over the rows (each row's cells are read together), every numeric leaf at once
  let lastFormat: string | undefined;
  let lastDecimals = 0;
  let lastPercent = false;
  for (let r = from; r < to; r++) {
    if (g.hiddenRows?.has(r) && !isFolded(g, r)) continue;
    const row = g.rows[r];
    if (!row) continue; // no cell: nothing to count
    const shown = rowShown(g, r);
    for (let k = 0; k < numeric.length; k++) {
      const cols = numeric[k].cols;
      const y = tallies[k];
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        const t = shown[c] ?? '';
        if (!t || isNilFigure(t) || (mayBeMarker(t) && isMarker(t))) continue;
        const cell = row[c];
        if (t.charCodeAt(0) === 35 /* # */ && isErrorValue(t)) {
          y.texts++;
          continue;
        }
        if (typeof cell?.value === 'number' || /^[-+(]?[\d.,\s]+\)?%?$/.test(t)) {
          y.nums++;
          y.perCol[y.slot[i]]++;
          const format = cell?.format;
          if (format && format !== lastFormat) {
            lastFormat = format;
            lastDecimals = formatDecimals(format);
            lastPercent = percentFormatDecimals(format) !== undefined;
          }
          const pct = (format && lastPercent) || t.charCodeAt(t.length - 1) === 37; /* % */
          if (pct) y.percent++;
          // a ratio row's `0.0%` beside amounts (`Tỷ lệ bội chi so GDP`) is no amount's precision
          if (format && pct) y.pctDecimals = Math.max(y.pctDecimals, lastDecimals);
          else if (format) y.decimals = Math.max(y.decimals, lastDecimals);
          const v = cell?.value;
          if (small && typeof v === 'number' && v !== 0 && y.zeros > 0) {
            y.zeros = Math.min(y.zeros, trailingZeros(Math.abs(v)));
            y.whole++;
          }
        } else y.texts++;
      }
    }
  }
  numeric.forEach((s, k) => settle(s, tallies[k]));
}

/** A numeric leaf's role, `additive`, `decimals` and figure column, from its header and tally. */
function settle(s: LeafSpec, y: Tally): void {
  const l = s.leaf;
  const { nums, texts, percent, perCol } = y;
  let best = -1;
  for (let i = 0; i < s.cols.length; i++)
    if (
      perCol[i] > 0 &&
      (best < 0 ||
        perCol[i] > perCol[best] ||
        (perCol[i] === perCol[best] && s.cols[i] > s.cols[best]))
    )
      best = i;
  if (best >= 0) s.valueCol = s.cols[best];
  const header = fold(l.label);
  if (l.role === 'value' && (TEXT_HEADER.test(header) || texts > nums)) {
    l.role = 'text';
    return;
  }
  if (
    RATIO_HEADER.test(header) ||
    (l.code && isRatioCode(l.code)) ||
    (nums > 0 && percent >= nums * 0.6)
  ) {
    l.additive = false;
    if (l.role === 'amount') l.role = 'value';
  }
  // a ratio column's percentages print their fraction's decimals + 2
  const ratio = percent > 0 && l.additive === false;
  const decimals = ratio ? Math.max(y.pctDecimals + 2, y.decimals) : y.decimals;
  if (decimals >= 0) l.decimals = decimals;
  // figures in đồng that are all whole thousands or millions: rounded there (two at least)
  if (!percent && y.whole >= 2 && y.zeros >= 3 && (l.decimals ?? 0) <= 0) l.decimals = -y.zeros;
}
