/** Frozen copy of src/domain/find.ts findSteps before the per-row forms shrank (oracle for findSteps.test.ts). */
/**
 * Find and filter over a whole plan, off-screen rows included: a query matched against names,
 * units, notes and figures (as typed or as shown), and filters by lead unit, section, findings or
 * changes. Filters only choose which rows are shown: totals stay those of the whole plan.
 */
import { leaves } from '../../../src/domain/columns';
import { formatAmount } from '../../../src/domain/numbers';
import { fold } from '../../../src/domain/sources';
import type { AppendixSheet, Id, Row } from '../../../src/domain/types';

export interface FindHit {
  sheetId: Id;
  rowIndex: number;
  rowId: Id;
  colId: Id;
}

/** A figure as the user might type it: `61600`, `61.600` (Vietnamese), `61,600` (English). */
function figureForms(x: number): string[] {
  return [String(x), formatAmount(x, 'vi'), formatAmount(x, 'en')];
}

/** A cell's searchable forms: a figure as typed in each style, and every form folded. */
interface CellForms {
  exact: string[];
  folded: string[];
}

/**
 * A row's forms by column, and all of them joined (folded ones apart by NUL, exact ones between
 * SOH): one `includes` tells whether any cell of the row can match, so only those rows are
 * looked at cell by cell.
 */
interface RowForms {
  cells: Map<Id, CellForms>;
  folded: string;
  exact: string;
}

/** Forms per row object (rows are immutable: an edited row is a new object). */
const formsCache = new WeakMap<Row, RowForms>();

function formsOf(r: Row): RowForms {
  let m = formsCache.get(r);
  if (m) return m;
  const cells = new Map<Id, CellForms>();
  const folded: string[] = [];
  const exactAll: string[] = [];
  for (const [k, v] of Object.entries(r.cells)) {
    if (v === null || v === undefined || v === '') continue;
    const exact = typeof v === 'number' ? figureForms(v) : [v];
    const f = { exact: typeof v === 'number' ? exact : [], folded: exact.map(fold) };
    cells.set(k, f);
    folded.push(...f.folded);
    exactAll.push(...f.exact);
  }
  m = { cells, folded: folded.join('\0'), exact: `\u0001${exactAll.join('\u0001')}\u0001` };
  formsCache.set(r, m);
  return m;
}

/** How often (in rows) the stepped search lets the caller pause. */
const STEP_ROWS = 512;

/**
 * The search of `findInPlan` in steps: it yields every few hundred rows (the caller may pause
 * there and go on later, the sheets unchanged) and returns the hits, exactly those of one pass.
 */
export function* findSteps(
  sheets: readonly AppendixSheet[],
  query: string,
): Generator<void, FindHit[], void> {
  const q = fold(query);
  if (!q) return [];
  const typed = query.trim();
  // the joined forms rule rows out only when the query cannot straddle two forms
  const both = q + typed;
  const joined = !both.includes('\0') && !both.includes('\u0001');
  const out: FindHit[] = [];
  for (const s of sheets) {
    const cols = leaves(s.columns).filter((l) => l.role !== 'rowTotal');
    for (let i = 0; i < s.rows.length; i++) {
      if (i % STEP_ROWS === STEP_ROWS - 1) yield;
      const r = s.rows[i];
      const forms = formsOf(r);
      if (joined && !forms.folded.includes(q) && !forms.exact.includes(`\u0001${typed}\u0001`))
        continue;
      for (const l of cols) {
        const f = forms.cells.get(l.id);
        if (!f) continue;
        if (f.exact.includes(typed) || f.folded.some((x) => x.includes(q)))
          out.push({ sheetId: s.id, rowIndex: i, rowId: r.id, colId: l.id });
      }
    }
  }
  return out;
}
