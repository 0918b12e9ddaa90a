/**
 * A year's tracking starts from a plan of any size: 100,000 projects give about 136,000 project ×
 * source lines, which `push(...lines)` passed as arguments and overflowed the stack (bench, 100k).
 */
import { describe, expect, it } from 'vitest';
import { annualPlanFrom } from './execution';
import { generatePlan } from './generate';

describe('a tracking of a 100,000-project plan', () => {
  it('starts, with a line per project and source', () => {
    const wb = generatePlan({ projects: 100_000, firstYear: 2021 });
    const plan = annualPlanFrom(wb, 2021, { now: 0 });
    expect(plan.projects.length).toBeGreaterThanOrEqual(100_000);
    expect(plan.lines.length).toBeGreaterThan(120_000);
  }, 120_000);
});
