/** The engine's configuration and the names it gives appendix sheets. */
import { HyperFormula } from 'hyperformula';
import { installOnFirstBuild } from './fastRecalc';

// every engine recalculates through the faster order (same results; see fastRecalc.ts), put in
// place by the first engine built
installOnFirstBuild();

/**
 * The engine's name for an appendix's data sheet: the appendix's own name, so that formulas can
 * name it, when the formula language can hold it; else an internal one (`Sheet_3`).
 */
export function engineName(name: string, n: number): string {
  return /^[\p{L}\p{N}\p{M} ._\-()&,+#%]{1,100}$/u.test(name.trim()) ? name.trim() : `Sheet_${n}`;
}

const defaultDates = HyperFormula.defaultConfig.parseDateTime;

/**
 * Dates in text as the engine reads them: text the engine holds as text (`'…`, every model text)
 * is never a date, so the engine's date formats are not tried on each name at a build.
 */
export function parseDateTime(
  text: string,
  dateFormat?: string,
  timeFormat?: string,
): ReturnType<typeof defaultDates> {
  return text.startsWith("'") ? undefined : defaultDates(text, dateFormat, timeFormat);
}

/** HyperFormula configuration: GPL licence, sizes for 10,000+ project plans, noise-free sums. */
export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  maxRows: 250_000,
  maxColumns: 2_000,
  precisionRounding: 10,
  smartRounding: true,
  undoLimit: 1,
  parseDateTime,
} as const;
