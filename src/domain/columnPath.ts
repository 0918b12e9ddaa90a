/**
 * A column's name where its label alone is ambiguous within the sheet: several year or source
 * groups of a MoF table each have a leaf `TỔNG SỐ`, so a finding names its column by its path in
 * the column tree (`Năm 2010 › TỔNG SỐ`), in the sheet's own header texts.
 */
import type { ColumnNode, Id } from './types';

/** What joins the header texts of a column's path. */
export const PATH_SEPARATOR = ' › ';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Paths by column tree (the model's trees are immutable: kept while the tree is). */
const cache = new WeakMap<readonly ColumnNode[], ReadonlyMap<Id, string>>();

/**
 * The path of every leaf whose label another leaf of the tree shares, by leaf id: the fewest
 * header texts above the leaf that tell it from the others of its label (all of them at most).
 * Computed once per tree (the checks of each edit ask for it).
 */
export function ambiguousPaths(nodes: ColumnNode[]): ReadonlyMap<Id, string> {
  let out = cache.get(nodes);
  if (!out) cache.set(nodes, (out = pathsOf(nodes)));
  return out;
}

function pathsOf(nodes: ColumnNode[]): Map<Id, string> {
  const chains: { id: Id; label: string; above: string[] }[] = [];
  const walk = (ns: ColumnNode[], above: string[]) => {
    for (const n of ns) {
      if (n.kind === 'leaf') chains.push({ id: n.id, label: clean(n.label), above });
      else walk(n.children, clean(n.label) ? [...above, clean(n.label)] : above);
    }
  };
  walk(nodes, []);
  const byLabel = new Map<string, typeof chains>();
  for (const c of chains) {
    if (!c.label) continue;
    const list = byLabel.get(c.label);
    if (list) list.push(c);
    else byLabel.set(c.label, [c]);
  }
  const out = new Map<Id, string>();
  for (const peers of byLabel.values()) {
    if (peers.length < 2) continue;
    const deepest = Math.max(...peers.map((c) => c.above.length));
    const pathOf = (c: (typeof chains)[number], k: number) =>
      [...c.above.slice(Math.max(0, c.above.length - k)), c.label].join(PATH_SEPARATOR);
    for (const c of peers) {
      let k = 1;
      while (k < deepest && peers.some((o) => o !== c && pathOf(o, k) === pathOf(c, k))) k++;
      out.set(c.id, pathOf(c, k));
    }
  }
  return out;
}

/**
 * A finding's column scope as the user reads it: its path when the scope is the column's own
 * label and that label is ambiguous in the sheet (`paths` from ambiguousPaths), else unchanged.
 */
export function columnScope(
  paths: ReadonlyMap<Id, string>,
  colId: Id | null,
  scope: string,
): string {
  if (colId === null || !scope) return scope;
  const path = paths.get(colId);
  if (path === undefined) return scope;
  return path.endsWith(PATH_SEPARATOR + clean(scope)) ? path : scope;
}
