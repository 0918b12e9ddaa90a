/**
 * HyperFormula's range maps keyed by numbers (rangeKeys.ts): through random rows added, removed
 * and moved and range formulas written (ranges nested, equal after a removal, of several columns,
 * whole columns, and past the rows a number holds), every formula read back, every value and each
 * sheet's ranges in their map's order are those of an engine keying by HyperFormula's text (the
 * frozen copy in tests/support/rangeKeysBefore), and of one keyed by text until re-keyed half way.
 */
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { rangeKeyBefore } from '../../tests/support/rangeKeysBefore/rangeKey';
import { ENGINE_CONFIG } from './config';
import { rangeKey, rekeyRanges } from './rangeKeys';
import { prng as rng } from '../domain/generate';

interface Corner {
  col: number;
  row: number;
}
interface Rm {
  rangeMapping: Map<number, Map<string | number, { range: { start: Corner; end: Corner } }>>;
}
type KeyOf = (s: Corner, e: Corner) => string | number;
const rmOf = (hf: HyperFormula) =>
  (hf as unknown as { dependencyGraph: { rangeMapping: Rm } }).dependencyGraph.rangeMapping;
const classOf = (hf: HyperFormula) =>
  rmOf(hf).constructor as unknown as { calculateRangeKey: KeyOf };

type Op =
  | { add: [number, number] }
  | { remove: [number, number] }
  | { move: [number, number, number] }
  | { write: [number, number, string] };

const COL = 'ABCDEFGHIJKL';

/** A random range formula over the first 300 rows (a whole column, or far below, at times). */
function formula(rnd: () => number): string {
  const c = COL[Math.floor(rnd() * COL.length)];
  const x = rnd();
  if (x < 0.05) return `=SUM(${c}:${c})`;
  if (x < 0.1) return `=SUM(${c}262130:${c}262150)+SUM(${c}1:${c}3)`;
  const a = 1 + Math.floor(rnd() * 300);
  const b = a + Math.floor(rnd() * 30);
  // (several columns: A:C and B:B over the same rows are two ranges)
  if (x < 0.2) return `=SUM(A${a}:C${b})+SUM(B${a}:B${b})+SUM(${c}${a}:L${b})`;
  return x < 0.3 ? `=SUM(${c}${a}:${c}${b})+SUM(${c}${a}:${c}${b + 1})` : `=SUM(${c}${a}:${c}${b})`;
}

function ops(seed: number, n: number): Op[] {
  const rnd = rng(seed);
  const out: Op[] = [];
  const at = () => Math.floor(rnd() * 300);
  for (let k = 0; k < n; k++) {
    const x = rnd();
    if (x < 0.25) out.push({ add: [at(), 1 + Math.floor(rnd() * 3)] });
    else if (x < 0.5) out.push({ remove: [at(), 1 + Math.floor(rnd() * 3)] });
    else if (x < 0.75) out.push({ move: [at(), 1 + Math.floor(rnd() * 3), at()] });
    else out.push({ write: [at(), 12 + Math.floor(rnd() * 3), formula(rnd)] });
  }
  return out;
}

/** The engine's state: formulas read back, values, each sheet's ranges in map order. */
function state(hf: HyperFormula): unknown {
  const ranges = [...rmOf(hf).rangeMapping].map(([sheet, m]) => [
    sheet,
    [...m.values()].map((v) => [
      v.range.start.col,
      v.range.start.row,
      v.range.end.col,
      v.range.end.row,
    ]),
  ]);
  return [hf.getSheetSerialized(0), hf.getSheetValues(0), ranges];
}

/** Runs the operations on a new engine (keys by `key`, switched to numbers at `rekeyAt`). */
function run(list: readonly Op[], key: KeyOf, rekeyAt = Infinity): unknown[] {
  const probe = HyperFormula.buildEmpty({ ...ENGINE_CONFIG });
  const cls = classOf(probe);
  const own = cls.calculateRangeKey;
  cls.calculateRangeKey = key;
  try {
    const rows = Array.from({ length: 300 }, (_, r) => [
      ...Array.from({ length: 12 }, (_, c) => (r * 7 + c * 3) % 11),
      r % 9 === 0 ? `=SUM(E${r + 2}:E${r + 26})` : null,
    ]);
    const hf = HyperFormula.buildFromSheets({ S: rows }, { ...ENGINE_CONFIG });
    const out: unknown[] = [];
    list.forEach((op, k) => {
      if (k === rekeyAt) {
        cls.calculateRangeKey = rangeKey;
        rekeyRanges(hf);
      }
      if ('add' in op) hf.addRows(0, op.add);
      else if ('remove' in op) hf.removeRows(0, op.remove);
      else if ('move' in op) {
        const [from, count, to] = op.move;
        if (hf.isItPossibleToMoveRows(0, from, count, to)) hf.moveRows(0, from, count, to);
      } else hf.setCellContents({ sheet: 0, col: op.write[1], row: op.write[0] }, op.write[2]);
      out.push(state(hf));
    });
    const keys = [...rmOf(hf).rangeMapping.values()].flatMap((m) => [...m.keys()]);
    out.push(key === rangeKey ? [...new Set(keys.map((x) => typeof x))].sort() : 'text');
    hf.destroy();
    return out;
  } finally {
    cls.calculateRangeKey = own;
    probe.destroy();
  }
}

describe('range maps keyed by numbers', () => {
  it('are installed by the first engine built, in place of the text key', () => {
    const hf = HyperFormula.buildFromArray([[1, 2, '=SUM(A1:B1)']], { ...ENGINE_CONFIG });
    expect(classOf(hf).calculateRangeKey).toBe(rangeKey);
    expect([...rmOf(hf).rangeMapping.get(0)!.keys()]).toEqual([
      rangeKey({ col: 0, row: 0 }, { col: 1, row: 0 }),
    ]);
    hf.destroy();
  });

  it('give the formulas, values and ranges of the text keys through random row operations', () => {
    for (const seed of [1, 2, 3]) {
      const list = ops(seed, 70);
      const want = run(list, rangeKeyBefore);
      const got = run(list, rangeKey);
      // (numbers, and texts for ranges past the rows a number holds)
      expect(got.at(-1)).toEqual(['number', 'string']);
      expect(got.slice(0, -1)).toEqual(want.slice(0, -1));
      expect(run(list, rangeKeyBefore, 35).slice(0, -1)).toEqual(want.slice(0, -1));
    }
  });
});
