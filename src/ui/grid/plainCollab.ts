/**
 * Working together on a plain sheet's grid: the conflict and presence marks of its cells (the
 * same marks as an appendix's, keyed by the cell's 0-based row and column ids), their tooltip
 * (each kept value with who wrote it, who is on the cell) and the people's name label.
 */
import type { ColDef, ITooltipParams } from 'ag-grid-community';
import type { T } from '../i18n';
import { valueText } from '../syncLabels';
import { collabAt, collabTooltip } from './collabMarks';
import type { GridCtx, GridItem } from './gridContext';
import { withPresenceLabel } from './PresenceCell';

/** The tooltip of a plain cell's marks (undefined: not marked). */
export function plainCollabTip(
  ctx: GridCtx,
  rowId: string,
  colId: string,
  t: T,
): string | undefined {
  const m = collabAt(ctx.collab, rowId, colId);
  if (!m) return undefined;
  return collabTooltip(m, {
    value: (w) =>
      t('collabValueBy', { value: valueText(w.v, ctx.lang, t('syncBlank')), who: w.who }),
    conflict: (values) => t('collabConflictTip', { values }),
    here: (names) => t('collabHereTip', { names }),
  });
}

/** A plain sheet's column with the marks' tooltip (after a refusal's) and the presence label. */
export function withPlainCollab(def: ColDef<GridItem>, colId: string, t?: T): ColDef<GridItem> {
  const own = def.tooltipValueGetter;
  if (t)
    def.tooltipValueGetter = (p: ITooltipParams<GridItem>) =>
      own?.(p) ?? (p.data ? plainCollabTip(p.context as GridCtx, p.data.id, colId, t) : undefined);
  return withPresenceLabel(def, colId);
}
