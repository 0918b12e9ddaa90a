/**
 * The tables of a text document (a plan's text copied out of a PDF or Word with its appendix at
 * the end, a report with a small table in its prose and the appendix after): a tab-separated text
 * whose tables stand apart, long prose between them, is read as one sheet per table, each with the
 * title lines above it and the note lines below it. The prose between is not a table and is left
 * out. A text with one table (or none) is read whole, as before.
 */
import type { RawGrid } from './grid';

/** Lines without a tab (prose, blanks) that set two tables apart (a page break has a few). */
const GAP = 20;
/** Lines above a table kept with it: its title, the `Kèm theo …` line, the unit line. */
const TITLE = 12;
/** Lines below a table kept with it: its notes (`Ghi chú`, signatures). */
const NOTES = 12;

/** Whether a line of the grid is a line of a table (a tab in it: two cells or more). */
const tabular = (g: RawGrid, r: number): boolean => (g.rows[r]?.length ?? 0) > 1;

/** The grid's tables, each a grid of its own named `name (k)`, or the grid alone (see module). */
export function textTables(g: RawGrid): RawGrid[] {
  const blocks: { s: number; e: number }[] = [];
  for (let r = 0; r < g.rows.length; r++) {
    if (!tabular(g, r)) continue;
    const last = blocks[blocks.length - 1];
    if (last && r - last.e <= GAP) last.e = r;
    else blocks.push({ s: r, e: r });
  }
  if (blocks.length < 2) return [g];
  return blocks.map((b, k) => {
    const from = Math.max(k ? blocks[k - 1].e + 1 : 0, b.s - TITLE);
    const next = k + 1 < blocks.length ? blocks[k + 1].s - TITLE : g.rows.length;
    const to = Math.min(next, b.e + 1 + NOTES, g.rows.length);
    const keep = (r: number) => r >= from && r < to;
    return {
      name: `${g.name} (${k + 1})`,
      rows: g.rows.slice(from, to),
      merges: g.merges
        .filter((m) => keep(m.r0) && keep(m.r1))
        .map((m) => ({ ...m, r0: m.r0 - from, r1: m.r1 - from })),
      lineOf: g.lineOf.slice(from, to),
    };
  });
}
