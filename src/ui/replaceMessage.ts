/** What the status line and the find bar say after a replacement (Vietnamese in the app). */
import type { ReplaceResult } from '../app/replace';
import type { T } from './i18n';

/**
 * The counts of a replacement in one sentence: cells replaced, cells skipped with why (totals,
 * formulas, row numbers), figure cells refused with one example; nothing found said as such.
 */
export function replaceMessage(t: T, r: ReplaceResult, query: string): string {
  if (!r.ok) return t('replaceStepRefused', { why: r.refusal ? t(`r_${r.refusal.code}`) : '' });
  const s = r.skipped;
  const skipped = s.computed + s.formula + s.numbering;
  if (!r.replaced && !skipped && !r.refused.length) return t('replaceNone', { q: query.trim() });
  const parts = [t('replaceDone', { n: r.replaced })];
  if (skipped) {
    const why = [
      s.computed ? t('replaceWhyComputed') : '',
      s.formula ? t('replaceWhyFormula') : '',
      s.numbering ? t('replaceWhyNumbering') : '',
    ].filter(Boolean);
    parts.push(t('replaceSkipped', { n: skipped, why: why.join(', ') }));
  }
  if (r.refused.length)
    parts.push(t('replaceRefusedCells', { n: r.refused.length, text: r.refused[0].text }));
  return `${parts.join('; ')}.`;
}
