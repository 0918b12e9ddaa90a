/** Frozen copy (session 12) of the React cell renderer the grid used before the plain JS ones (oracle for cellRenderers.test.ts). */
/** A numeric cell: its figure and, beside a stated figure that differs from its rows, the computed one. */
import type { ICellRendererParams } from 'ag-grid-community';
import type { GridCtx, GridItem } from '../../../src/ui/grid/gridContext';

export interface FigureCellParams {
  /** The stated figure of this cell that differs from its rows, if any. */
  diffOf: (ctx: GridCtx, item: GridItem | undefined) => { stated: number; computed: number } | null;
  /** A figure as the sheet shows it (its display unit and decimals). */
  format: (ctx: GridCtx, n: number) => string;
}

export function FigureCell(p: ICellRendererParams<GridItem> & FigureCellParams) {
  const text =
    p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
  const ctx = p.context as GridCtx;
  const d = p.diffOf(ctx, p.data);
  if (!d) return <>{text}</>;
  return (
    <span className="pb-figure">
      <span className="pb-computed-beside" data-testid="computed-beside">
        {`≠ ${p.format(ctx, d.computed)}`}
      </span>
      {text}
    </span>
  );
}
