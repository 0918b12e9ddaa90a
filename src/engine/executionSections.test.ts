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

  it('has every sub-section once loaded, and follows the target and an edit below it', () => {
    const t = nestedTracking();
    const e = new ExecutionEngine(2);
    e.load(t, 0.5);
    const roads = e.groupList().find((g) => g.label === '3. Đường tỉnh')!;
    expect(roads.level).toBe(1);
    // ĐT.582 at 25 % and ĐT.587 at 10 % of their plans; ĐT.585 at 50 %
    expect(e.group('section', roads.key)!.behind).toBe(2);
    e.setTarget(0.9);
    expect(e.group('section', roads.key)!.behind).toBe(3);
    e.setTarget(null);
    expect(e.group('section', roads.key)!.behind).toBe(0);
    e.setTarget(0.5);
    const p = t.projects.find((x) => x.name === 'ĐT.582')!;
    e.setInputs([{ key: lineKey(p.id, 'ĐTPT'), field: 'plan', value: 0 }]);
    const after = e.group('section', roads.key)!;
    expect([after.planned, after.behind, after.remaining]).toEqual([1600, 1, 1600 - 660]);
    expect(after.rate).toBeCloseTo(660 / 1600, 12);
    e.destroy();
  });
});
