/** A comparison as plain data, to compare the fast path with the oracle (compareFast.test, compareMemo.test). */
interface Ref {
  sheetId: string;
  index: number;
  row: { id: string };
}

/** Everything a comparison says, as plain data (projects by sheet, row and id). */
export function said(r: { comparison: unknown; table: unknown }): unknown {
  const c = r.comparison as {
    matched: (Record<string, unknown> & { a: Ref; b: Ref })[];
    added: Ref[];
    removed: Ref[];
    groups: (Record<string, unknown> & { a: Ref[]; b: Ref[] })[];
    changes: (Record<string, unknown> & { match: { a: Ref; b: Ref }; column: { key: string } })[];
    amounts: Map<Ref, number[]>;
    meta: unknown;
    totals: unknown;
    sheets: { a?: { id: string }; b?: { id: string }; columns: { key: string }[] }[];
  };
  const ref = (p: Ref) => `${p.sheetId}:${p.index}:${p.row.id}`;
  return {
    matched: c.matched.map((m) => ({
      a: ref(m.a),
      b: ref(m.b),
      by: m.by,
      score: m.score,
      confidence: m.confidence,
      reasons: m.reasons,
      doubtful: m.doubtful,
      ambiguous: m.ambiguous,
      renamed: m.renamed,
      moved: m.moved,
    })),
    added: c.added.map(ref),
    removed: c.removed.map(ref),
    groups: c.groups.map((g) => ({ ...g, a: g.a.map(ref), b: g.b.map(ref) })),
    changes: c.changes.map((d) => ({
      a: ref(d.match.a),
      b: ref(d.match.b),
      column: d.column.key,
      before: d.before,
      after: d.after,
      kind: d.kind,
    })),
    amounts: [...c.amounts].map(([p, xs]) => [ref(p), xs]),
    meta: c.meta,
    totals: c.totals,
    sheets: c.sheets.map((s) => [s.a?.id, s.b?.id, s.columns.map((x) => x.key)]),
    table: r.table,
  };
}
