/** The column tree of an appendix edited as a tree: nodes found, added, moved, renamed, pruned. */
import { leaves, yearGroups } from './columns';
import { amountColumnId } from './template';
import type { ColumnGroup, ColumnLeaf, ColumnNode, Id } from './types';

/** The node and the list of siblings it sits in (null parent: the top level). */
export function findNode(
  nodes: ColumnNode[],
  id: Id,
  parent: ColumnGroup | null = null,
): { node: ColumnNode; parent: ColumnGroup | null } | null {
  for (const n of nodes) {
    if (n.id === id) return { node: n, parent };
    if (n.kind === 'group') {
      const f = findNode(n.children, id, n);
      if (f) return f;
    }
  }
  return null;
}

/** The tree with the children of `parentId` (null: the top level) replaced by `f` of them. */
export function editChildren(
  nodes: ColumnNode[],
  parentId: Id | null,
  f: (children: ColumnNode[]) => ColumnNode[],
): ColumnNode[] {
  if (parentId === null) return f(nodes);
  return nodes.map((n) =>
    n.kind !== 'group'
      ? n
      : n.id === parentId
        ? { ...n, children: f(n.children) }
        : { ...n, children: editChildren(n.children, parentId, f) },
  );
}

/** The tree without the nodes `drop` picks; groups left empty go too. */
export function pruneTree(nodes: ColumnNode[], drop: (n: ColumnNode) => boolean): ColumnNode[] {
  const out: ColumnNode[] = [];
  for (const n of nodes) {
    if (drop(n)) continue;
    if (n.kind === 'leaf') out.push(n);
    else {
      const children = pruneTree(n.children, drop);
      if (children.length) out.push({ ...n, children });
    }
  }
  return out;
}

/** Every id of a node and of the nodes under it. */
export function idsUnder(n: ColumnNode): Id[] {
  return n.kind === 'leaf' ? [n.id] : [n.id, ...n.children.flatMap(idsUnder)];
}

/** A copy of the list with `n` inserted at `i`. */
export function insertAt(list: ColumnNode[], i: number, n: ColumnNode): ColumnNode[] {
  return [...list.slice(0, i), n, ...list.slice(i)];
}

/** Where a new top-level column goes by default: before the notes (else at the end). */
export function defaultSlot(columns: ColumnNode[]): number {
  const i = columns.findIndex((n) => n.kind === 'leaf' && n.role === 'notes');
  return i < 0 ? columns.length : i;
}

/** The columns with a leaf added (see `SheetEdit.addColumn`). */
export function addLeaf(columns: ColumnNode[], leaf: ColumnLeaf, after?: Id): ColumnNode[] {
  if (findNode(columns, leaf.id)) throw new Error(`column ${leaf.id} exists`);
  if (leaf.role === 'amount' && leaf.year !== undefined) {
    const g = yearGroups(columns).find((y) => y.group.year === leaf.year)?.group;
    if (g) return editChildren(columns, g.id, (cs) => [...cs, leaf]);
  }
  const f = after ? findNode(columns, after) : null;
  if (!f) return editChildren(columns, null, (cs) => insertAt(cs, defaultSlot(cs), leaf));
  return editChildren(columns, f.parent?.id ?? null, (cs) =>
    insertAt(cs, cs.indexOf(f.node) + 1, leaf),
  );
}

/** The columns with one node moved one place among its siblings (unchanged at either end). */
export function moveNode(columns: ColumnNode[], id: Id, by: -1 | 1): ColumnNode[] {
  const f = findNode(columns, id);
  if (!f) throw new Error(`column ${id} not found`);
  return editChildren(columns, f.parent?.id ?? null, (cs) => {
    const i = cs.indexOf(f.node);
    const j = i + by;
    if (j < 0 || j >= cs.length) return cs;
    const out = cs.slice();
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  });
}

/** The columns with one node's header text changed. */
export function renameNode(columns: ColumnNode[], id: Id, label: string): ColumnNode[] {
  const f = findNode(columns, id);
  if (!f) throw new Error(`column ${id} not found`);
  return editChildren(columns, f.parent?.id ?? null, (cs) =>
    cs.map((n) => (n === f.node ? { ...n, label } : n)),
  );
}

/** A sheet's columns with a year group added in year order (at the top level when it has none). */
export function withYear(columns: ColumnNode[], year: number, sources: string[]): ColumnNode[] {
  const ys = yearGroups(columns);
  if (ys.some((y) => y.group.year === year)) return columns;
  // a plan whose years are single amount columns (no sources under them) gets one more
  const single = leaves(columns).filter((l) => l.role === 'amount' && l.year !== undefined);
  if (!ys.length && (single.length || !sources.length)) {
    if (single.some((l) => l.year === year)) return columns;
    const leaf: ColumnLeaf = {
      kind: 'leaf',
      id: `y${year}`,
      label: `Năm ${year}`,
      role: 'amount',
      year,
    };
    if (findNode(columns, leaf.id)) return columns;
    const next = single.find((l) => l.year! > year);
    if (!single.length) return addLeaf(columns, leaf);
    const anchor = next ?? single[single.length - 1];
    const parent = findNode(columns, anchor.id)!.parent?.id ?? null;
    return editChildren(columns, parent, (cs) =>
      insertAt(cs, cs.indexOf(anchor) + (next ? 0 : 1), leaf),
    );
  }
  const group: ColumnGroup = {
    kind: 'group',
    id: `y${year}`,
    label: String(year),
    year,
    children: sources.map((source) => ({
      kind: 'leaf',
      id: amountColumnId(year, source),
      label: `Vốn ${source}`,
      role: 'amount',
      year,
      source,
    })),
  };
  if (!ys.length) {
    const i = columns.findIndex((n) => n.kind === 'leaf' && n.role === 'rowTotal');
    return insertAt(columns, i < 0 ? defaultSlot(columns) : i, group);
  }
  const next = ys.find((y) => y.group.year! > year)?.group;
  const anchor = next ?? ys[ys.length - 1].group;
  const parent = findNode(columns, anchor.id)!.parent?.id ?? null;
  return editChildren(columns, parent, (cs) => {
    const i = cs.indexOf(anchor);
    return insertAt(cs, next ? i : i + 1, group);
  });
}
