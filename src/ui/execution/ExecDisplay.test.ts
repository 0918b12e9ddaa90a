import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ExecutionSession } from '../../app/execution';
import { nestedTracking } from '../../domain/executionSamples';
import { execAmounts } from './ExecDisplay';

describe('the execution views’ display unit', () => {
  it('shows amounts in tỷ đồng with the chosen decimals and takes typed figures back', () => {
    const plan = { ...nestedTracking(), unit: 'triệu đồng' };
    expect(execAmounts(plan, 'vi').fmt(61600)).toBe('61.600');
    const a = execAmounts({ ...plan, display: { unit: 'tỷ đồng', decimals: 2 } }, 'vi');
    expect(a.unit).toBe('tỷ đồng');
    expect(a.fmt(61650)).toBe('61,65');
    expect(a.fmt(1234)).toBe('1,23');
    expect(a.toPlan(1.5)).toBe(1500); // 1,5 tỷ typed → 1.500 triệu stored
    expect(a.shown(2040)).toBe(2.04);
    // a plan whose unit is not money keeps its figures as they are
    expect(execAmounts({ ...plan, unit: 'ha', display: { unit: 'tỷ đồng' } }, 'vi').toPlan(2)).toBe(
      2,
    );
  });

  it('shows shared earlier-years figures rounded to the plan’s format, stored at full precision', () => {
    const base = { ...nestedTracking(), unit: 'triệu đồng' };
    // a prior allocation stated for the project, shared over its three lines
    const share = 54500 / 3;
    const plan = {
      ...base,
      lines: base.lines.map((l, i) => (i === 0 ? { ...l, priorAllocated: share } : l)),
    };
    const s = new ExecutionSession('w1', plan, null);
    const stored = s.plan.lines[0].priorAllocated;
    expect(stored).toBe(share);
    const a = execAmounts(s.plan, 'vi');
    expect(a.fmt(stored)).toBe('18.166,67');
    expect(a.fmt(stored)).not.toContain('666667');
    expect(execAmounts({ ...s.plan, display: { unit: 'tỷ đồng' } }, 'vi').fmt(stored)).toBe(
      '18,16667',
    );
    s.close();
  });

  it('is one undoable step of the tracking, and the engine’s figures never change', () => {
    const s = new ExecutionSession('w1', { ...nestedTracking(), unit: 'triệu đồng' }, null);
    const before = s.engine.group('total', '')!.disbursed;
    expect(s.setDisplay({ unit: 'tỷ đồng', decimals: 3 })).toEqual({ ok: true });
    expect(s.plan.display).toEqual({ unit: 'tỷ đồng', decimals: 3 });
    expect(s.engine.group('total', '')!.disbursed).toBe(before);
    s.undo();
    expect(s.plan.display).toBeUndefined();
    s.redo();
    expect(s.plan.display).toEqual({ unit: 'tỷ đồng', decimals: 3 });
    s.setDisplay(null);
    expect('display' in s.plan).toBe(false);
    s.close();
  });
});
