/**
 * FROZEN (2026-12-02, before #20's structural steps read only the stretch they changed): the
 * sheet diff and patch of domain/delta.ts (whole lists read through whole indexes), the oracle of
 * src/app/structureDelta.test.ts.
 */
import type { RowChange, SheetDelta } from '../../../src/domain/delta';
import type { AppendixSheet, Row } from '../../../src/domain/types';

const indexOf = (rows: readonly Row[]) => new Map(rows.map((r, i) => [r.id, i]));

function headerChanged<T extends object>(a: T, b: T, skip: keyof T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  for (const k of keys) if (k !== skip && a[k] !== b[k]) return true;
  return false;
}

export function diffSheetBefore(a: AppendixSheet, b: AppendixSheet): SheetDelta | null {
  const d: SheetDelta = { sheetId: b.id, rows: [] as RowChange[] };
  if (headerChanged(a, b, 'rows')) d.header = { before: a, after: b };
  if (a.rows !== b.rows) {
    let sameOrder = a.rows.length === b.rows.length;
    for (let i = 0; sameOrder && i < a.rows.length; i++) {
      const ra = a.rows[i];
      const rb = b.rows[i];
      if (ra === rb) continue;
      if (ra.id !== rb.id) sameOrder = false;
      else d.rows.push({ id: ra.id, before: ra, after: rb });
    }
    if (!sameOrder) {
      d.rows = [];
      const ia = indexOf(a.rows);
      const ib = indexOf(b.rows);
      for (const rb of b.rows) {
        const k = ia.get(rb.id);
        const ra = k === undefined ? null : a.rows[k];
        if (ra !== rb) d.rows.push({ id: rb.id, before: ra, after: rb });
      }
      for (const ra of a.rows)
        if (!ib.has(ra.id)) d.rows.push({ id: ra.id, before: ra, after: null });
      d.order = { before: a.rows.map((r) => r.id), after: b.rows.map((r) => r.id) };
    }
  }
  return d.header || d.order || d.rows.length ? d : null;
}

export function patchSheetBefore(s: AppendixSheet, d: SheetDelta): AppendixSheet {
  const head = d.header ? d.header.after : s;
  let rows: Row[];
  if (d.order) {
    const changed = new Map(d.rows.map((r) => [r.id, r.after]));
    const index = indexOf(s.rows);
    rows = d.order.after.map((id) => changed.get(id) ?? s.rows[index.get(id)!]);
  } else {
    rows = s.rows.slice();
    const index = indexOf(s.rows);
    for (const r of d.rows) if (r.after) rows[index.get(r.id)!] = r.after;
  }
  return { ...head, rows };
}
