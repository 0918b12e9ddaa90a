/** The column tree: leaves in display order, header depth, lookups. */
import type { ColumnGroup, ColumnLeaf, ColumnNode } from './types';

/** Leaves of a column tree, left to right. */
export function leaves(nodes: ColumnNode[]): ColumnLeaf[] {
  const out: ColumnLeaf[] = [];
  const walk = (ns: ColumnNode[]) => {
    for (const n of ns) {
      if (n.kind === 'leaf') out.push(n);
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Groups of a column tree, depth first. */
export function groups(nodes: ColumnNode[]): ColumnGroup[] {
  const out: ColumnGroup[] = [];
  const walk = (ns: ColumnNode[]) => {
    for (const n of ns) {
      if (n.kind === 'group') {
        out.push(n);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return out;
}

/** Number of header rows the tree needs. */
export function headerDepth(nodes: ColumnNode[]): number {
  let d = 0;
  for (const n of nodes) d = Math.max(d, n.kind === 'leaf' ? 1 : 1 + headerDepth(n.children));
  return d;
}

/** Columns whose cells hold numbers. */
export function isNumericLeaf(c: ColumnLeaf): boolean {
  return c.role === 'amount' || c.role === 'rowTotal' || c.role === 'stated' || c.role === 'value';
}

/** Year groups: groups that carry a year, with their amount leaves. */
export function yearGroups(nodes: ColumnNode[]): { group: ColumnGroup; leaves: ColumnLeaf[] }[] {
  return groups(nodes)
    .filter((g) => g.year !== undefined)
    .map((g) => ({ group: g, leaves: leaves(g.children).filter((l) => l.role === 'amount') }));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The (first) leaf of a role: where a sheet keeps its names, lead units, notes… (not by id). */
export function leafOf(
  sheet: { columns: ColumnNode[] },
  role: ColumnLeaf['role'],
): ColumnLeaf | undefined {
  return leaves(sheet.columns).find((l) => l.role === role);
}

/** A row's cell in the leaf of a role (undefined when the sheet has no such column). */
export function cellOf(
  sheet: { columns: ColumnNode[] },
  row: { cells: Record<string, unknown> },
  role: ColumnLeaf['role'],
): unknown {
  const l = leafOf(sheet, role);
  return l ? row.cells[l.id] : undefined;
}
