/**
 * Layouts whose hidden lines are current, not stale, as Excel writes them (what SheetJS and the
 * streamed reader give: `hidden` with `outlineLevel` on rows and columns, the `<autoFilter>`
 * range), and cells as web systems and deleted rows leave them: a section's projects collapsed in
 * an outline group, project rows hidden by an AutoFilter, amount columns collapsed in a column
 * group, formulas saved without their cached values, `#DIV/0!` in a ratio column. None changes a
 * figure or a rule: the checks must say the same of each (see layouts.ts).
 */
import { colIndex } from '../../domain/formulaRefs';
import type { RawCell, RawGrid } from '../../io/appendix/grid';
import type { SheetAudit } from './hostileLayouts';

type Variant = (g: RawGrid, a: SheetAudit) => RawGrid | null;
type Audit = SheetAudit & { sections?: number[] };

const colsOf = (a: SheetAudit, kind: string) =>
  Object.entries(a.columns ?? {})
    .filter(([, k]) => k === kind)
    .map(([c]) => colIndex(c))
    .sort((x, y) => x - y);
const isFigure = (c: RawCell | undefined) => typeof c?.value === 'number';

/** The table's data rows: the total and section rows, and the item rows (those with figures). */
function parts(g: RawGrid, a: Audit) {
  const d0 = g.lineOf.indexOf(a.data?.first ?? -1);
  const d1 = g.lineOf.indexOf(a.data?.last ?? -1);
  if (d0 < 0 || d1 < 0) return null;
  const heads = new Set(
    [...(a.totals ?? []), ...(a.sections ?? [])].map((l) => g.lineOf.indexOf(l)),
  );
  const items: number[] = [];
  for (let r = d0; r <= d1; r++)
    if (!heads.has(r) && !g.hiddenRows?.has(r) && (g.rows[r] ?? []).some(isFigure)) items.push(r);
  return { d0, d1, heads, items };
}

/** The item runs between two total or section rows (each run a section's projects). */
function runs(p: NonNullable<ReturnType<typeof parts>>): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  for (let r = p.d0; r <= p.d1 + 1; r++) {
    if (r > p.d1 || p.heads.has(r)) [run, out[out.length]] = [[], run];
    else if (p.items.includes(r)) run.push(r);
  }
  return out.filter((x) => x.length);
}

const withSet = (s: Set<number> | undefined, add: number[]) => new Set([...(s ?? []), ...add]);

export const hiddenVariants: Record<string, Variant> = {
  // every section's projects grouped (level 1), the longest section collapsed
  "a section's project rows collapsed in an outline group": (g, a) => {
    const p = parts(g, a);
    const rs = p && runs(p);
    if (!p || !rs?.length || !p.heads.size) return null;
    const longest = rs.reduce((x, y) => (y.length > x.length ? y : x));
    return {
      ...g,
      groupedRows: withSet(g.groupedRows, rs.flat()),
      hiddenRows: withSet(g.hiddenRows, longest),
    };
  },
  // an AutoFilter on the header's last row to the table's end, every third project filtered out
  'project rows hidden by an AutoFilter': (g, a) => {
    const p = parts(g, a);
    const h1 = g.lineOf.indexOf(a.header?.last ?? -1);
    if (!p || h1 < 0 || p.items.length < 3) return null;
    const width = Math.max(...g.rows.map((r) => r.length));
    return {
      ...g,
      autoFilter: { r0: h1, c0: 0, r1: p.d1, c1: width - 1 },
      hiddenRows: withSet(
        g.hiddenRows,
        p.items.filter((_, k) => k % 3 === 1),
      ),
    };
  },
  // the amount columns after the first collapsed in a column group (details under a total)
  'amount columns collapsed in a column group': (g, a) => {
    const details = colsOf(a, 'amount').slice(1);
    if (!details.length) return null;
    return {
      ...g,
      groupedCols: withSet(g.groupedCols, details),
      hiddenCols: withSet(g.hiddenCols, details),
    };
  },
  // a ratio left `#DIV/0!` where its plan is 0 or blank (a blank ratio cell of an item row)
  '`#DIV/0!` in blank ratio cells of project rows': (g, a) => {
    const p = parts(g, a);
    const ratios = colsOf(a, 'ratio');
    if (!p || !ratios.length) return null;
    let n = 0;
    const rows = g.rows.map((row, r) =>
      !p.items.includes(r)
        ? row
        : Array.from({ length: Math.max(row.length, ratios.at(-1)! + 1) }, (_, k) =>
            ratios.includes(k) && !(row[k]?.text ?? '').trim() && ++n
              ? { text: '#DIV/0!', value: 7, formula: 'F1/E1' }
              : (row[k] ?? { text: '' }),
          ),
    );
    return n ? { ...g, rows } : null;
  },
};

/** Every formula's figure saved without its value (its style kept). */
const withoutValues: Variant = (g) => {
  let n = 0;
  const rows = g.rows.map((row) =>
    row.map((c) =>
      c?.formula && isFigure(c) && ++n ? { text: '', formula: c.formula, format: c.format } : c,
    ),
  );
  return n ? { ...g, rows } : null;
};

/**
 * Families not yet read the same (`layouts.ts --open` runs them): the sheet copied out of its
 * workbook alone, its formulas without values, those referring to another sheet (`'M01+'!D11`)
 * cannot be computed: left empty and said so, some findings missed (4 of 74), no false alarm.
 */
export const hiddenOpenVariants: Record<string, Variant> = {
  'formulas saved without cached values, the sheet alone': withoutValues,
};

/**
 * Variants of the whole workbook: each applied to every sheet, the audited sheet read with the
 * others (its formulas refer to them: `'M01+'!D11`). The checks must say the same as of the
 * published workbook read whole.
 */
export const hiddenBookVariants: Record<string, Variant> = {
  // as a generator that never calculates writes them (openpyxl, web systems): `<c s="3"><f>SUM(C8:C20)</f></c>`,
  // no `<v>` (its style kept), in every sheet: totals copied from another sheet computed from it
  'formulas saved without cached values, in every sheet': withoutValues,
};
