/** Compare mode: which cells of the open workbook differ from a revision, kept up to date. */
import { useEffect, useState } from 'react';
import type { OpenedWorkbook } from '../app/services';
import type { RevisionSummary, Versions } from '../app/versions';
import { leaves } from '../domain/columns';

/**
 * Cells that changed since a revision (by row id, then column id: the previous value); a renamed
 * project's name cell is one of them. `added`: projects new since (split and merged ones too).
 */
export interface CompareMarks {
  label: string;
  before: Map<string, Map<string, number | string | null>>;
  added: Set<string>;
}

/** Recomputes the marks a moment after each edit (never inside the edit's own budget). */
export function useCompareMarks(
  opened: OpenedWorkbook,
  versions: Versions | undefined,
  base: RevisionSummary | null,
): CompareMarks | null {
  const [marks, setMarks] = useState<CompareMarks | null>(null);
  useEffect(() => {
    if (!base || !versions) {
      setMarks(null);
      return;
    }
    const { session } = opened;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = async () => {
      const r = await versions.compare(base.id, 'current', session, { current: '' });
      if (!r || !live) return;
      const before = new Map<string, Map<string, number | string | null>>();
      for (const d of r.comparison.changes) {
        const colId = d.column.b?.id;
        if (!colId) continue;
        const row = before.get(d.match.b.row.id) ?? new Map<string, number | string | null>();
        row.set(colId, d.before);
        before.set(d.match.b.row.id, row);
      }
      // renamed or respelled projects: their name cell, with the name it had
      const nameCol = new Map(
        r.comparison.sheets.flatMap((s) => {
          const l = s.b && leaves(s.b.columns).find((x) => x.role === 'name');
          return s.b && l ? [[s.b.id, l.id] as const] : [];
        }),
      );
      for (const m of r.comparison.matched) {
        const colId = nameCol.get(m.b.sheetId);
        if (!(m.renamed || m.respelled) || !colId) continue;
        const row = before.get(m.b.row.id) ?? new Map<string, number | string | null>();
        row.set(colId, String(m.a.row.cells.name ?? ''));
        before.set(m.b.row.id, row);
      }
      const grouped = r.comparison.groups.flatMap((g) => g.b);
      setMarks({
        label: base.name,
        before,
        added: new Set([...r.comparison.added, ...grouped].map((p) => p.row.id)),
      });
    };
    void compute();
    const off = session.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void compute(), 300);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [opened, versions, base]);
  return marks;
}
