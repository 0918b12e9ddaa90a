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
 * The most decimals an amount of money shows: the chosen number, or by default down to a
 * thousandth of the plan's unit (1.000 đồng in a plan in triệu đồng, as the exports'
 * `#,##0.###`), in the display unit: 3 decimals in the plan's unit, 6 in tỷ đồng, none in nghìn
 * đồng. A computed share (54.500 / 3) shows `18.166,667`, never `18.166,666667`; the stored figure
 * keeps its full precision (the editor shows it).
 */
export function amountDecimals(planUnit: string, display: SheetDisplay | undefined): number {
  if (display?.decimals !== undefined) return displayDecimals(display);
  const step = 1e-3 * displayFactor(planUnit, display);
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
  return formatAmount(toDisplay(v, planUnit, display), lang, amountDecimals(planUnit, display));
}
