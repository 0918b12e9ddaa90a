/** The by-investor sheet counts the projects the execution form lists, not every plan project. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgress } from '../../cli/progress';
import { executionForm } from '../../domain/executionForm';
import { readPlanFile } from '../readPlan';

const PLAN = 'fixtures/quang-tri-2011-2015.planbook';

describe('the execution form by investor', () => {
  it("counts each investor's projects listed on the form (a project under two sources once)", () => {
    const bytes = readFileSync(PLAN);
    const p = buildProgress(PLAN, bytes, readPlanFile(PLAN, bytes), [], { year: 2013 });
    const f = executionForm(p.plan);
    const listed = new Map<string, Set<string>>();
    for (const r of f.rows)
      if (r.kind === 'line') listed.set(r.unit, (listed.get(r.unit) ?? new Set()).add(r.name));
    const counts = f.units.map((u) => [u.label, u.projects]);
    expect(counts).toEqual(f.units.map((u) => [u.label, listed.get(u.label)?.size ?? 0]));
    // Sở TT và TT: 8 projects in the plan, 5 with a 2013 figure (one under ĐTPT and SN)
    expect(counts).toContainEqual(['Sở TT và TT', 5]);
    expect(counts).toContainEqual(['VP UBND tỉnh', 3]);
  });
});
