/**
 * The shape of a sheet's columns as the checks read it: which columns add up, which sections'
 * stated figures equal their rows' sum, and which of-which groups stay within their total.
 */
import { isNumericLeaf } from './columns';
import { fold } from './sources';
import type { ResolvedColumnRule, SheetContext } from './checkContext';
import type { ColumnLeaf, ColumnNode, Id, Row } from './types';

/** Whether a section's stated figures equal the sum of its rows' in every additive column. */
export function addsUp(rows: readonly Row[], i: number, kids: number[], ls: ColumnLeaf[]): boolean {
  let seen = 0;
  for (const l of ls) {
    if (!isAdditive(l)) continue;
    const e = rows[i].cells[l.id];
    if (typeof e !== 'number' || e === 0) continue;
    let sum = 0;
    for (const j of kids) {
      const x = rows[j].cells[l.id];
      if (typeof x === 'number') sum += x;
    }
    if (Math.abs(e - sum) > kids.length * 0.5 + 1e-9) return false;
    seen++;
  }
  return seen > 0;
}

/** Whether a column's figures add up. */
export function isAdditive(l: ColumnLeaf): boolean {
  return isNumericLeaf(l) && l.role !== 'rowTotal' && l.additive !== false;
}

const numeric = (x: unknown): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

/**
 * A total investment when most projects' amounts stay clearly below the stated column (the period
 * allocates part of each project), else the period's total (amounts add up to it).
 */
export function statedModeOf(
  rows: readonly Row[],
  stated: ColumnLeaf,
  amounts: ColumnLeaf[],
): SheetContext['statedMode'] {
  let below = 0;
  let n = 0;
  for (const r of rows) {
    if (r.kind !== 'project' || r.part) continue;
    const e = numeric(r.cells[stated.id]);
    if (e === null) continue;
    let sum = 0;
    let terms = 0;
    for (const a of amounts) {
      const x = numeric(r.cells[a.id]);
      if (x !== null) {
        sum += x;
        terms++;
      }
    }
    if (!terms) continue;
    n++;
    if (e - sum > (terms + 1) * 0.5) below++;
  }
  return n && below >= n * 0.6 ? 'atMost' : 'equal';
}

/** Header texts above a leaf, outermost first, ending with its own label. */
export function labelPath(nodes: ColumnNode[], id: Id, above: string[] = []): string[] {
  for (const n of nodes) {
    if (n.kind === 'leaf' && n.id === id) return [...above, n.label];
    if (n.kind === 'group') {
      const p = labelPath(n.children, id, [...above, n.label]);
      if (p.length) return p;
    }
  }
  return [];
}

/** A line standing for the rest of a breakdown: *khác*, *còn lại*, *other*, *remaining*. */
export const CATCH_ALL = /\b(khac|con lai|other|others|remaining|the rest)\b/;

const OF_WHICH = /^(trong do|of which|in which|including|tr\.? ?do)\b/;
const TOTAL = /^(tong so|tong cong|cong|total)\b/;

/**
 * `III. Chi thường xuyên › Tổng số | Trong đó › …`: the columns of an of-which group never add up
 * to more than the total beside them (unless a code-row rule says they add up to it exactly).
 * A lone column headed so (`Tổng số chi | Tr.đó: chi CTMTQG`, no group over its parts) is part of
 * the column just before it.
 */
export function partColumns(
  nodes: ColumnNode[],
  rules: ResolvedColumnRule[],
): { total: ColumnLeaf; parts: ColumnLeaf[] }[] {
  const out: { total: ColumnLeaf; parts: ColumnLeaf[] }[] = [];
  const walk = (ns: ColumnNode[]) => {
    const total = ns.find((n): n is ColumnLeaf => n.kind === 'leaf' && TOTAL.test(fold(n.label)));
    const free = (l: ColumnLeaf) => isAdditive(l) && !rules.some((r) => r.target === l.id);
    ns.forEach((n, k) => {
      const before = ns[k - 1];
      const part = (x: ColumnNode | undefined) =>
        x?.kind === 'leaf' && OF_WHICH.test(fold(x.label));
      // the column before is the whole, unless it is itself a part (`Tr.đó: A | Tr.đó: B`)
      if (n.kind === 'leaf' && before?.kind === 'leaf' && part(n) && !part(before))
        if (isAdditive(n) && free(before)) out.push({ total: before, parts: [n] });
    });
    for (const n of ns) {
      if (n.kind !== 'group') continue;
      // the group's own columns: a leaf, or a sub-group's total column (none: not checked)
      const parts = n.children.map((c) =>
        c.kind === 'leaf'
          ? c
          : c.children.find((x): x is ColumnLeaf => x.kind === 'leaf' && TOTAL.test(fold(x.label))),
      );
      if (
        total &&
        OF_WHICH.test(fold(n.label)) &&
        parts.length &&
        parts.every((p): p is ColumnLeaf => !!p && isAdditive(p)) &&
        !rules.some((r) => r.target === total.id)
      )
        out.push({ total, parts: parts as ColumnLeaf[] });
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
