/**
 * Rules a header means without writing them: a *Tổng số* column beside the columns of its own
 * group (`III. Chi thường xuyên › Tổng số | Giáo dục | Y tế | …`) is their sum. The header alone is
 * not enough (a group may list only some of its parts without saying *Trong đó*), so a rule is kept
 * only where the table's own figures follow it on nearly every row: then a row that breaks it is a
 * real difference.
 */
import { columnCode } from './columnRules';
import { isNumericLeaf } from './columns';
import { fold } from './sources';
import type { ColumnLeaf, ColumnNode, Id, Row } from './types';

/** A column rule with where it came from (`structure`: read from the header and the figures). */
export interface GroupRule {
  text: string;
  target: Id;
  terms: { sign: 1 | -1; colId: Id }[];
}

const TOTAL = /^(tong so|tong cong|cong|total)\b/;
/** Parts numbered as a list: `I. Chi đầu tư phát triển`, `II - Chi trả nợ`. */
const ROMAN = /^[IVX]{1,4}\s*[.\-–:)]\s*\S/;
const OF_WHICH = /\b(trong do|of which|in which|including|chia ra|tr\.? ?do)\b/;

const additive = (l: ColumnLeaf) =>
  isNumericLeaf(l) && l.role !== 'rowTotal' && l.additive !== false;

const totalLeaf = (ns: readonly ColumnNode[]) =>
  ns.find((n): n is ColumnLeaf => n.kind === 'leaf' && TOTAL.test(fold(n.label)));

/** A group's candidate rule: its total column over its other columns (sub-groups by their total). */
function candidate(
  group: ColumnNode[],
  total = totalLeaf(group),
): { total: ColumnLeaf; parts: ColumnLeaf[] } | null {
  if (!total || !additive(total)) return null;
  const parts: ColumnLeaf[] = [];
  for (const n of group) {
    if (n === total) continue;
    if (OF_WHICH.test(fold(n.label))) return null;
    if (n.kind === 'leaf') {
      if (!isNumericLeaf(n)) return null;
      if (additive(n)) parts.push(n);
      continue;
    }
    const sub = totalLeaf(n.children);
    if (!sub || !additive(sub)) return null;
    parts.push(sub);
  }
  return parts.length >= 2 ? { total, parts } : null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Whether the figures of the table follow `total = Σ parts` on (nearly) every row that has them. */
function followed(rows: readonly Row[], total: ColumnLeaf, parts: ColumnLeaf[]): boolean {
  let rowsSeen = 0;
  let broken = 0;
  const decimals = Math.min(total.decimals ?? 6, ...parts.map((p) => p.decimals ?? 6));
  const tol = (parts.length + 1) * 0.5 * 10 ** -decimals + 1e-9;
  for (const r of rows) {
    if (r.part) continue;
    const t = num(r.cells[total.id]);
    const ys = parts.map((p) => num(r.cells[p.id])).filter((y): y is number => y !== null);
    if (t === null || !ys.length || (t === 0 && ys.every((y) => y === 0))) continue;
    rowsSeen++;
    if (Math.abs(t - ys.reduce((a, b) => a + b, 0)) > tol) broken++;
  }
  return rowsSeen >= 4 && broken * 10 <= rowsSeen;
}

/**
 * The sums a header's groups mean and the table's figures confirm, for every group that has a
 * *Tổng số* column and no code-row rule for it (`stated` ids already have one; `off` are columns
 * whose rules the user switched off).
 */
export function groupRules(
  columns: readonly ColumnNode[],
  rows: readonly Row[],
  stated: ReadonlySet<Id>,
  off: ReadonlySet<Id>,
): GroupRule[] {
  const out: GroupRule[] = [];
  const walk = (ns: readonly ColumnNode[]) => {
    for (const n of ns) {
      if (n.kind !== 'group') continue;
      const c = candidate(n.children);
      if (c && !stated.has(c.total.id) && !off.has(c.total.id) && followed(rows, c.total, c.parts))
        out.push({
          text: `${c.total.label} = ${c.parts.map((p) => (p.code ? columnCode(p.code) : p.label)).join(' + ')}`,
          target: c.total.id,
          terms: c.parts.map((p) => ({ sign: 1 as const, colId: p.id })),
        });
      walk(n.children);
    }
  };
  // the table's own total column over the groups that follow it (`Tổng số chi | I. … | II. …`,
  // or a first figure column over parts numbered I, II, III)
  const numeric = columns.filter((n) => n.kind === 'group' || isNumericLeaf(n));
  const first = numeric.findIndex((n) => n.kind === 'leaf');
  const rest = numeric.slice(first + 1);
  const enumerated = rest.length >= 2 && rest.every((n) => ROMAN.test(n.label.trim()));
  const top =
    first >= 0 && (totalLeaf([numeric[first]]) || enumerated)
      ? candidate(numeric.slice(first), numeric[first] as ColumnLeaf)
      : null;
  if (
    top &&
    !stated.has(top.total.id) &&
    !off.has(top.total.id) &&
    followed(rows, top.total, top.parts)
  )
    out.push({
      text: `${top.total.label} = ${top.parts.map((p) => (p.code ? columnCode(p.code) : p.label)).join(' + ')}`,
      target: top.total.id,
      terms: top.parts.map((p) => ({ sign: 1 as const, colId: p.id })),
    });
  walk(columns);
  return out;
}
