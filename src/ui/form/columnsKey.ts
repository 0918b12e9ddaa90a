/** A key that changes whenever a sheet's column tree is replaced (the grid is built again for it). */
import type { ColumnNode } from '../../domain/types';

const keys = new WeakMap<ColumnNode[], number>();
let next = 0;

/** The same number for the same column tree object; a new one for a new tree. */
export function columnsKey(columns: ColumnNode[]): number {
  let k = keys.get(columns);
  if (k === undefined) keys.set(columns, (k = next++));
  return k;
}
