/**
 * The appendix grid's cell classes and tooltip for working together: `pb-conflict` on a cell
 * written by two people while apart (its tooltip lists every value and who wrote it),
 * `pb-presence` on a cell another person is on (its tooltip names them).
 */
import type { CellClassParams } from 'ag-grid-community';
import type { ColumnLeaf } from '../../domain/types';
import type { T } from '../i18n';
import { valueText } from '../syncLabels';
import { collabAt, collabTooltip } from './collabMarks';
import { shownAmount } from './displayFormat';
import { type GridCtx, type GridItem, isPinned } from './gridContext';

const markOf = (p: CellClassParams<GridItem>, leafId: string) => {
  const d = p.data;
  return !d || isPinned(d) ? undefined : collabAt((p.context as GridCtx).collab, d.id, leafId);
};

/** The class rules of a leaf column's cells. */
export function collabClassRules(leafId: string) {
  return {
    'pb-conflict': (p: CellClassParams<GridItem>) => !!markOf(p, leafId)?.conflict,
    'pb-presence': (p: CellClassParams<GridItem>) => !!markOf(p, leafId)?.people.length,
  };
}

/** The tooltip of a marked cell (undefined: not marked). */
export function collabCellTip(
  ctx: GridCtx,
  leaf: ColumnLeaf,
  item: GridItem | undefined,
  t: T,
): string | undefined {
  if (!item || isPinned(item)) return undefined;
  const m = collabAt(ctx.collab, item.id, leaf.id);
  if (!m) return undefined;
  return collabTooltip(m, {
    value: (w) =>
      t('collabValueBy', {
        value:
          typeof w.v === 'number'
            ? shownAmount(ctx, leaf, w.v)
            : valueText(w.v, ctx.lang, t('syncBlank')),
        who: w.who,
      }),
    conflict: (values) => t('collabConflictTip', { values }),
    here: (names) => t('collabHereTip', { names }),
  });
}
