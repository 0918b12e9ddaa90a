/**
 * The data sheet's row operations after a structural step pass over the rows the two orders share
 * at their start and end (engine/rowOps.ts `reorderRows`): the very operations, in the same order,
 * as the whole orders gave before (a frozen copy, tests/support/reorderBefore), through random
 * inserts, deletes, moves and shuffles of random orders.
 */
import { describe, expect, it } from 'vitest';
import { reorderRows } from '../engine/rowOps';
import { reorderRowsBefore } from '../../tests/support/reorderBefore/reorderRows';
import { seeded } from '../../tests/support/executionEngineBefore/samePlans';

/** The engine the row operations are asked of. */
type HyperFormula = Parameters<typeof reorderRows>[0];

/** The row operations asked of a recording stand-in for HyperFormula. */
function recorded(run: (hf: HyperFormula) => void): string[] {
  const calls: string[] = [];
  const hf = {
    removeRows: (...a: unknown[]) => calls.push(`remove ${JSON.stringify(a)}`),
    moveRows: (...a: unknown[]) => calls.push(`move ${JSON.stringify(a)}`),
    addRows: (...a: unknown[]) => calls.push(`add ${JSON.stringify(a)}`),
  };
  run(hf as unknown as HyperFormula);
  return calls;
}

/** A new order from `before`: rows removed, added, moved in blocks, or all shuffled. */
function changed(rnd: () => number, before: string[], fresh: () => string): string[] {
  const out = before.slice();
  const int = (n: number) => Math.floor(rnd() * n);
  for (let k = int(4); k >= 0; k--) {
    const op = rnd();
    if (op < 0.3 && out.length) out.splice(int(out.length), 1 + int(3));
    else if (op < 0.6)
      out.splice(int(out.length + 1), 0, ...Array.from({ length: 1 + int(3) }, fresh));
    else if (op < 0.9 && out.length) {
      const block = out.splice(int(out.length), 1 + int(4));
      out.splice(int(out.length + 1), 0, ...block);
    } else out.sort(() => rnd() - 0.5);
  }
  return out;
}

describe('the row operations of a structural step', () => {
  it('are those the whole orders gave before', () => {
    const rnd = seeded(2026);
    let next = 0;
    const fresh = () => `n${next++}`;
    for (let k = 0; k < 3000; k++) {
      const before = Array.from({ length: Math.floor(rnd() * 40) }, fresh);
      const after = k % 10 === 0 ? before.slice() : changed(rnd, before, fresh);
      const want = recorded((hf) => reorderRowsBefore(hf, 0, before, after));
      expect(recorded((hf) => reorderRows(hf, 0, before, after))).toEqual(want);
    }
  });
});
