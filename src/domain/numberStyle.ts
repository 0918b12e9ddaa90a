/**
 * The number style of a whole sheet typed as text: one office writes `61.600` and `1,5`
 * (Vietnamese), another `61,600` and `1.5` (English). A sheet keeps one style, so a figure whose
 * separators alone cannot tell (`61,600`) is read in the style the sheet's other figures show.
 */
import type { NumberStyle } from './numbers';

/** A grouped number in the English style (`1,234,567`, `1,234.5`) or a lone decimal point (`1.5`). */
const EN = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$|^\d{1,3}(,\d{3})*\.\d+$|^\d+\.(\d{1,2}|\d{4,})$/;
/** A grouped number in the Vietnamese style (`1.234.567`, `1.234,5`) or a lone decimal comma. */
const VI = /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$|^\d{1,3}(\.\d{3})*,\d+$|^\d+,(\d{1,2}|\d{4,})$|^0,\d+$/;
/** `61,600`: English thousands, or a Vietnamese decimal with three places. */
const COMMA3 = /^[1-9]\d{0,2},\d{3}$/;

/**
 * The style a sheet's typed figures show: 'en' when some figures can only be English and none
 * only Vietnamese (`1.234` and `1,234` fit both: `1,234,567` or `1.5` decide), 'vi' the other
 * way; with none that decides, 'en' when three or more are `61,600` and some whole figures are
 * written plain (`192`), else 'auto' (the Vietnamese reading of `parseAmount`). Signs and
 * parentheses are ignored.
 */
export function sheetNumberStyle(texts: Iterable<string>): NumberStyle {
  let en = 0;
  let vi = 0;
  let comma3 = 0;
  let plain = 0;
  for (const t of texts) {
    const s = t
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .replace(/^[-−+]\s*/, '')
      .trim();
    const isEn = EN.test(s);
    const isVi = VI.test(s);
    if (isEn && !isVi) en++;
    else if (isVi && !isEn) vi++;
    else if (COMMA3.test(s)) comma3++;
    else if (/^\d+$/.test(s)) plain++;
  }
  if (en || vi) return en && !vi ? 'en' : vi && !en ? 'vi' : 'auto';
  // only `61,600` and plain `192`: the decimals of a Vietnamese sheet would not all be three
  // places while its whole figures show none (`192,000`); English `#,##0` writes just that
  return comma3 >= 3 && plain ? 'en' : 'auto';
}
