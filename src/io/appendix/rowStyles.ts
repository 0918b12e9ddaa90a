/** The numbering styles a table's rows show (`A`, `I`, `1`, `1.1`, `-`, `+`, `a`), in its order. */
import { numberingStyle, type NumberingStyle } from '../../domain/rows';

/** Styles a table numbers its rows with, outermost first, as they appear. */
export type Style = NumberingStyle | 'lower';

/** The numbering style of a number cell (`a`, `b`… lower letters too), null when none. */
export function styleOf(tt: string): Style | null {
  const s = tt.trim().replace(/[.)]$/, '');
  if (/^[a-zđ]$/.test(s)) return 'lower';
  return numberingStyle(tt);
}

/** The styles that number rows below an item, shallowest first. */
export const DEEP: Style[] = ['dash', 'plus', 'lower', 'dotted'];
