/** The engine's groups of a nested plan: every section level live, as the domain computes it. */
import { describe, expect, it } from 'vitest';
import { lineKey } from '../domain/execution';
import { executionFigures } from '../domain/executionFigures';
import { nestedTracking } from '../domain/executionSamples';
import { ExecutionEngine } from './execution';

describe('the execution engine by section', () => {
  it('has the same figures live in the engine, every level, and follows an edit', () => {
    const t = nestedTracking();
    const e = new ExecutionEngine();
    e.load(t, 0.5);
    const f = executionFigures(t);
    const sections = e.groupList().filter((g) => g.kind === 'section');
    expect(sections.map((g) => [g.key, g.level])).toEqual(f.bySection.map((s) => [s.key, s.level]));
    for (const s of f.bySection) {
      const live = e.group('section', s.key)!;
      expect([live.planned, live.disbursed]).toEqual([s.planned, s.disbursed]);
      expect(live.rate ?? null).toBeCloseTo(s.rate!, 9);
    }
    // each section's projects are one block per unit (unit, then the tree)
    const chuyenTiep = sections.find((g) => g.label === '4. Chuyển tiếp')!;
    expect(chuyenTiep.runs).toHaveLength(2);
    expect(e.group('section', chuyenTiep.key)!.behind).toBe(1); // ĐT.582: 25 % < 50 %
    const p = t.projects.find((x) => x.name === 'ĐT.587')!;
    e.setInputs([{ key: lineKey(p.id, 'ĐTPT'), field: 'ytdPlan', value: 360 }]);
    expect(
      e.group('section', sections.find((g) => g.label === '7. Khởi công mới')!.key)!.rate,
    ).toBe(0.6);
    const roads = e.group('section', sections.find((g) => g.label === '3. Đường tỉnh')!.key)!;
    expect(roads.disbursed).toBe(960);
    expect(e.group('section', '2. Giao thông')!.disbursed).toBe(1130);
    e.destroy();
  });

  it('fills the sub-sections in steps after the build; one asked for earlier builds the rest', () => {
    const t = nestedTracking();
    const e = new ExecutionEngine();
    e.load(t, 0.5);
    const p = t.projects.find((x) => x.name === 'ĐT.587')!;
    // an edit before the sub-sections are there: they follow it once built
    e.setInputs([{ key: lineKey(p.id, 'ĐTPT'), field: 'ytdPlan', value: 360 }]);
    expect(e.buildSections(2)).toBe(false);
    const newWorks = e.groupList().find((g) => g.label === '7. Khởi công mới')!;
    expect(e.group('section', newWorks.key)!.disbursed).toBe(360);
    expect(e.buildSections(2)).toBe(true);
    expect(e.group('section', '2. Giao thông')!.disbursed).toBe(1130);
    e.destroy();
  });
});
