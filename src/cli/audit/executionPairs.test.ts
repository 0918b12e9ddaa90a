/**
 * Disbursement reports built from the seed's 2013 plan and from the corpus's tables, as treasuries
 * and departments send them (each variation alone and all at once): every line paired with its own
 * project, lines outside the plan left to pair, no line lost, every rate right within 0.05 point —
 * or, for a report that shows its unit nowhere, flagged.
 */
import { describe, expect, it } from 'vitest';
import { applyReport } from '../../domain/executionApply';
import { executionFigures } from '../../domain/executionFigures';
import { pairingInput, prematch } from '../../domain/executionPrematch';
import { readReportGrids } from '../../io/report/readReport';
import { codeOf, executionTables, reportDefects, VARIATIONS, YEAR } from './executionPairs';
import { BASE_SHAPE, reportGrid } from './executionReports';
import { itemsOf } from './executionVariations';

const tables = executionTables();
const seed = tables[0];
const defects = (d: ReturnType<typeof reportDefects>) =>
  [...d.mispaired, ...d.unpaired, ...d.missed, ...d.invented, ...d.noise, ...d.wrongRates].length;

describe('execution pairs', () => {
  it('reads the seed’s 2013 plan: the two near-identical `giao ban` projects apart', () => {
    expect(seed.table).toBe('seed 004 appendix');
    const twins = seed.plan.projects.filter((p) => /giao ban trực tuyến cho 0[45]/.test(p.name));
    expect(twins.map((p) => p.lead)).toEqual(['VP UBND tỉnh', 'Sở TT và TT']);
  });

  it('a plain report of the seed: its lines, their pairs and rates as built', () => {
    const items = itemsOf(seed.plan, codeOf, true);
    const { grid, itemAt } = reportGrid(items, BASE_SHAPE, YEAR, `${YEAR}-06-30`, 1e6);
    const reading = readReportGrids('bc.xlsx', [grid], YEAR);
    const pre = prematch(pairingInput(seed.plan), reading)!;
    expect(pre.match.matched.map((m) => [itemAt.get(m.line.line)?.id, m.projectId])).toEqual(
      items.map((it) => [it.id, it.id]),
    );
    const after = applyReport(seed.plan, pre.match.matched, { end: `${YEAR}-06-30` }).plan;
    const got = new Map(executionFigures(after).projects.map((f) => [f.project.id, f.rate]));
    for (const it of items) expect(got.get(it.id)).toBeCloseTo(it.ytd / it.plan, 6);
  });

  it('every variation of the seed’s report: no defect; a report without unit nor plan flagged', () => {
    for (const [v] of VARIATIONS) {
      const d = reportDefects(seed, v);
      expect([v, defects(d)]).toEqual([v, 0]);
      expect([v, d.flagged.length > 0]).toEqual([v, v === 'in đồng, no unit nor plan column']);
    }
    // the `… 05 đơn vị` project left out: its twin `… 04 đơn vị` keeps its own pair, 05 gets nothing
    const d = reportDefects(seed, 'a project missing');
    expect(d.lines).toBe(9);
  });

  it('every variation of every fourth corpus table: no defect', { timeout: 300_000 }, () => {
    const bad: string[] = [];
    for (const t of tables.slice(1).filter((_, i) => i % 4 === 0))
      for (const [v] of VARIATIONS) {
        const d = reportDefects(t, v);
        if (defects(d)) bad.push(`${t.table} [${v}]`);
      }
    expect(bad).toEqual([]);
  });
});
