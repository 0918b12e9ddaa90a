/**
 * The rows a filter keeps apart (rows added while it is on stay shown): taken when a filter is
 * set, never when none is (opening a 100,000-project plan makes no set of its row ids).
 */
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../domain/generate';
import { filterBaseline, filterIsOn, NO_FILTER } from './useFindFilter';

describe('the find filter baseline', () => {
  const rows = generatePlan({ projects: 4 }).sheets[0].rows;

  it('is not taken with no filter on', () => {
    expect(filterIsOn(NO_FILTER)).toBe(false);
    expect(filterBaseline(NO_FILTER, rows)).toBeNull();
  });

  it('holds every row id once any criterion is set', () => {
    for (const f of [
      { ...NO_FILTER, unit: 'Sở Tài chính' },
      { ...NO_FILTER, section: rows[0].id },
      { ...NO_FILTER, findings: true },
      { ...NO_FILTER, since: 'r1' },
    ]) {
      expect(filterIsOn(f)).toBe(true);
      expect([...(filterBaseline(f, rows) ?? [])]).toEqual(rows.map((r) => r.id));
    }
  });
});
