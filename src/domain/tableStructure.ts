/**
 * The structure a reader of a table sees, as row indices: sections (rows stating figures that are
 * the sum of the figure-bearing rows they head), items (the table's inputs: rows with figures that
 * head nothing added into them and are not derived), total rows, of-which / ratio rows (never
 * added), and derived rows (a balance restating a difference). Headings without figures are none.
 * The convention is written in fixtures/audits/README.md.
 */
import { sheetBalances } from './balanceSheet';
import { sheetContext } from './checkContext';
import type { AppendixSheet, Row } from './types';

export interface TableStructure {
  /** Sections stating figures of their own. */
  sections: number[];
  /** Sections with figure-bearing rows under them but no figures of their own. */
  headings: number[];
  items: number[];
  totals: number[];
  /** Of-which and ratio rows that carry figures. */
  parts: number[];
  /** Leaves whose figures are derived from other rows (deficit, surplus, difference). */
  derived: number[];
}

const figure = (id: string, v: unknown) => id !== 'tt' && typeof v === 'number';

/** Row indices of a sheet's sections, items, totals and partial rows (see TableStructure). */
export function tableStructure(sheet: AppendixSheet): TableStructure {
  const ctx = sheetContext(sheet);
  const { derived } = sheetBalances(sheet);
  const rows = sheet.rows;
  // keys, not entries: no pair array per cell (a check reads every row of 100,000)
  const figures = (i: number) => {
    const cells = rows[i].cells;
    return Object.keys(cells).some((k) => figure(k, cells[k]));
  };
  const out: TableStructure = {
    sections: [],
    headings: [],
    items: [],
    totals: [],
    parts: [],
    derived: [],
  };
  // a line without its own figure over `gross, refunds, net`: the net line stands for it
  const standsFor = new Set<number>();
  for (const [i, parts] of ctx.breakdown) {
    const last = parts[parts.length - 1];
    if (!figures(i) && parts.length > 2 && sumsUp(rows, parts.slice(0, -1), last))
      standsFor.add(last);
  }
  rows.forEach((r, i) => {
    const kids = ctx.children.get(i) ?? [];
    if (r.kind === 'total') out.totals.push(i);
    else if (standsFor.has(i)) out.items.push(i);
    else if (r.part) {
      if (figures(i)) out.parts.push(i);
    } else if (r.kind === 'section' && kids.some(figures))
      (states(rows, i, kids) ? out.sections : out.headings).push(i);
    else if (!figures(i)) return;
    else if (derived.has(i)) out.derived.push(i);
    else out.items.push(i);
  });
  return out;
}

/**
 * Whether a section states figures of its own: a 0 over rows that add up to more is a placeholder
 * (a stray cell printing blank), not a figure.
 */
function states(rows: readonly Row[], i: number, kids: number[]): boolean {
  return Object.entries(rows[i].cells).some(([k, v]) => {
    if (!figure(k, v)) return false;
    if (v !== 0) return true;
    return kids.every((j) => !rows[j].cells[k]);
  });
}

/** Whether the figures of `rows` add up to those of row `to` in every column `to` states. */
function sumsUp(rows: readonly Row[], terms: number[], to: number): boolean {
  let seen = 0;
  for (const [k, v] of Object.entries(rows[to].cells)) {
    if (!figure(k, v)) continue;
    let s = 0;
    for (const j of terms)
      s += typeof rows[j].cells[k] === 'number' ? (rows[j].cells[k] as number) : 0;
    if (Math.abs(s - (v as number)) > terms.length * 0.5 + 1e-9) return false;
    seen++;
  }
  return seen > 0;
}
