/**
 * How an appendix shows its figures: in the plan's unit or another one (đồng, nghìn đồng, triệu
 * đồng, tỷ đồng), rounded to a number of decimals, long texts wrapped or cut. Only the display
 * changes: the model, formulas and exports keep the plan's unit.
 */
import { formatAmount } from './numbers';

export const DISPLAY_UNITS = ['đồng', 'nghìn đồng', 'triệu đồng', 'tỷ đồng'] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

/** A sheet's display settings (absent fields: the plan's unit, up to 6 decimals, no wrapping). */
export interface SheetDisplay {
  unit?: DisplayUnit;
  /** Most decimals shown (0–6). */
  decimals?: number;
  /** Long texts wrap onto several lines (rows grow) instead of being cut. */
  wrap?: boolean;
}

const FACTORS: Record<DisplayUnit, number> = {
  đồng: 1,
  'nghìn đồng': 1e3,
  'triệu đồng': 1e6,
  'tỷ đồng': 1e9,
};

/** The display unit a plan's unit text names (`Triệu đồng`, `ĐVT: tr.đồng`, `Tỷ VNĐ`), or null. */
export function unitOf(text: string): DisplayUnit | null {
  const s = text.normalize('NFC').toLowerCase();
  if (/tỷ|tỉ|\bty\b/.test(s)) return 'tỷ đồng';
  if (/triệu|\btr\b|tr\.|trieu/.test(s)) return 'triệu đồng';
  if (/nghìn|ngàn|nghin|ngan/.test(s)) return 'nghìn đồng';
  if (/đồng|vnđ|vnd|dong/.test(s)) return 'đồng';
  return null;
}

/** What one of the plan's units is worth in the display unit (1 when either is unknown). */
export function displayFactor(planUnit: string, display: SheetDisplay | undefined): number {
  const from = unitOf(planUnit);
  const to = display?.unit;
  if (!from || !to || from === to) return 1;
  return FACTORS[from] / FACTORS[to];
}

/** A figure in the plan's unit as the sheet shows it (same value when no other unit is chosen). */
export function toDisplay(
  value: number,
  planUnit: string,
  display: SheetDisplay | undefined,
): number {
  return scaleAmount(value, displayFactor(planUnit, display));
}

/**
 * What one display unit is worth in the plan's unit: a figure typed or pasted in the display
 * unit × this = the figure the model stores (1 when either unit is unknown or they are the same).
 */
export function inputScale(planUnit: string, display: SheetDisplay | undefined): number {
  const from = unitOf(planUnit);
  const to = display?.unit;
  if (!from || !to || from === to) return 1;
  return FACTORS[to] / FACTORS[from];
}

/**
 * `value × factor` without floating noise (1,5 tỷ → 1500 triệu, 1.500.000 đồng → 1,5 triệu
 * exactly): the product is rounded to 15 significant digits, beyond any figure a plan holds.
 */
export function scaleAmount(value: number, factor: number): number {
  if (factor === 1 || !Number.isFinite(value)) return value;
  return Number.parseFloat((value * factor).toPrecision(15));
}

const MONEY_ROLES = new Set(['amount', 'rowTotal', 'stated']);

/** Whether a column's figures are amounts of money (shown and typed in the display unit). */
export function isMoneyLeaf(leaf: { role: string; additive?: boolean }): boolean {
  return MONEY_ROLES.has(leaf.role) && leaf.additive !== false;
}

/** The unit figures are shown and typed in: the sheet's display unit, or null (the plan's own). */
export function shownUnit(planUnit: string, display: SheetDisplay | undefined): DisplayUnit | null {
  return display?.unit && unitOf(planUnit) ? display.unit : null;
}

/** The most decimals the sheet shows (6 when none is chosen: see `amountDecimals` for money). */
export function displayDecimals(display: SheetDisplay | undefined): number {
  const d = display?.decimals;
  return d === undefined ? 6 : Math.max(0, Math.min(6, Math.round(d)));
}

/**
 * The decimals a figure of money keeps in the plan's unit, the one rule of the grid, the printed
 * form, find and the .xlsx export (`#,##0.##`, `#,##0.###` for a thousandth): up to 2 (10.000
 * đồng in a plan in triệu đồng), 3 when the figure is exact at a thousandth (a typed `1.234,567`,
 * 1.000 đồng; and sums of such figures), never more. A computed share (54.500 / 3) shows
 * `18.166,67`; a typed `1.234,5678` shows `1.234,57`; the stored figure keeps its full precision
 * (the editor shows it).
 */
export function figureDecimals(v: number): 2 | 3 {
  if (!Number.isFinite(v)) return 2;
  const exactAt = (n: number) => {
    const x = Math.abs(v) * 10 ** n;
    return Math.abs(x - Math.round(x)) <= 1e-9 + x * 1e-13;
  };
  return !exactAt(2) && exactAt(3) ? 3 : 2;
}

/**
 * The most decimals an amount of money shows: the chosen number, or by default the decimals its
 * figure keeps in the plan's unit (`figureDecimals`: 2, a thousandth 3; 2 without a figure) in the
 * display unit: in tỷ đồng 3 more (a plan in triệu đồng), in nghìn đồng 3 fewer (never below 0).
 */
export function amountDecimals(
  planUnit: string,
  display: SheetDisplay | undefined,
  v?: number,
): number {
  if (display?.decimals !== undefined) return displayDecimals(display);
  const places = v === undefined ? 2 : figureDecimals(v);
  const step = 10 ** -places * displayFactor(planUnit, display);
  return Math.max(0, Math.min(6, Math.round(-Math.log10(step))));
}

/**
 * A figure (in the plan's unit) as a sheet shows it: money (`money`) in the display unit with its
 * decimals, other numbers with the chosen decimals; `lang` the number style (vi `61.600`, en
 * `61,600`). The grid, the panels beside it and the find all read figures through it.
 */
export function shownFigure(
  v: number,
  money: boolean,
  planUnit: string,
  display: SheetDisplay | undefined,
  lang: 'vi' | 'en',
): string {
  if (!money) return formatAmount(v, lang, displayDecimals(display));
  return formatAmount(toDisplay(v, planUnit, display), lang, amountDecimals(planUnit, display, v));
}
