/**
 * Values written in blocks (straight into the graph, or through the API when forced) end in the
 * engine the one-go build makes from the same sheets: every cell's value, content and dimensions,
 * formulas reading them, and the same after later edits, undo and redo.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { describe, expect, it, vi } from 'vitest';
import { prng } from '../domain/generate';
import { ENGINE_CONFIG } from './config';
import type { RawContent } from './layout';
import { buildInSteps } from './stepwiseBuild';
import { canWriteDirect, type ValuePath, valueWriter } from './valueWrites';

/** Contents as the layout and the tests make them: numbers, texts, look-alikes, errors, blanks. */
const ODD: RawCellContent[] = [
  -0,
  0,
  1e15,
  -2.5,
  0.1 + 0.2,
  Infinity,
  -Infinity,
  NaN,
  1e308 * 10,
  'chữ',
  '',
  ' ',
  '12',
  ' 3.5 ',
  '1e3',
  '-0',
  '5%',
  '$3',
  "'123",
  "'=A1",
  '2024-01-05',
  '01/02/2020',
  '#DIV/0!',
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#ERROR!',
  '#nope!',
  'TRUE',
  'false',
  true,
  false,
  null,
];

function randomSheet(rnd: () => number, h: number, w: number): RawCellContent[][] {
  return Array.from({ length: h }, () => {
    const len = Math.floor(rnd() * (w + 1));
    return Array.from({ length: len }, () => {
      const u = rnd();
      if (u < 0.3) return null;
      if (u < 0.6) return Math.round((rnd() - 0.3) * 1e6) / 100;
      if (u < 0.65) return `=${String.fromCharCode(65 + Math.floor(rnd() * w))}1*2`;
      return ODD[Math.floor(rnd() * ODD.length)];
    });
  });
}

/** A plan-like workbook: two data sheets, a sheet of formulas reading them, a sheet of values. */
function workbook(seed: number): Record<string, RawCellContent[][]> {
  const rnd = prng(seed);
  const out: Record<string, RawCellContent[][]> = Object.create(null);
  out['Biểu 1'] = randomSheet(rnd, 120 + Math.floor(rnd() * 80), 9);
  out.calc = [
    ["=SUM('Biểu 1'!A1:I200)", "=COUNT('Biểu 1'!A1:I200)", "=COUNTA('Biểu 1'!A:A)"],
    ["=MATCH(3.5,'Biểu 1'!B1:B200,0)", "=ISNUMBER('Biểu 1'!A1)", '=\'Biểu 1\'!C3&"|"'],
    ['=VLOOKUP("chữ",\'Biểu 1\'!A1:C200,2,FALSE)', '=SUMIF(d2!A:A,">0")', '=ISERROR(d2!B2)'],
    ['=SUMPRODUCT(d2!A1:C40)', '=COUNTIF(\'Biểu 1\'!A1:I200,"TRUE")', '=d2!A1+d2!B1'],
  ];
  out.d2 = randomSheet(rnd, 40, 4);
  out.plain = randomSheet(rnd, 15, 3).map((r) => r.map((v) => (isFormula(v) ? 7 : v)));
  return out;
}

const isFormula = (v: unknown) => typeof v === 'string' && v.startsWith('=');

/** Every sheet's dimensions, serialized contents and values. */
function snapshot(hf: HyperFormula): unknown {
  return hf.getSheetNames().map((n) => {
    const id = hf.getSheetId(n)!;
    return [n, id, hf.getSheetDimensions(id), hf.getSheetSerialized(id), hf.getSheetValues(id)];
  });
}

function stepwise(contents: Record<string, RawCellContent[][]>, path: ValuePath): HyperFormula {
  let hf: HyperFormula | null = null;
  const it = buildInSteps(
    contents as Record<string, RawContent[][]>,
    ['Biểu 1', 'd2'],
    (h) => (hf = h),
    7,
    path,
    50,
  );
  let steps = 0;
  while (!it.next().done) steps++;
  expect(steps).toBeGreaterThan(20); // the values alone are 20 blocks and more
  return hf!;
}

/** The same random edits to both engines: values, formulas, clears, a row added and removed. */
function edit(hfs: HyperFormula[], seed: number): void {
  const rnd = prng(seed);
  for (let k = 0; k < 12; k++) {
    const sheet = hfs[0].getSheetId(rnd() < 0.7 ? 'Biểu 1' : 'd2')!;
    const at = { sheet, row: Math.floor(rnd() * 60), col: Math.floor(rnd() * 5) };
    const v = rnd() < 0.2 ? '=A1+1' : ODD[Math.floor(rnd() * ODD.length)];
    for (const hf of hfs) hf.setCellContents(at, [[v, 3.25]]);
  }
  for (const hf of hfs) hf.addRows(hf.getSheetId('d2')!, [5, 2]);
  for (const hf of hfs) hf.removeRows(hf.getSheetId('Biểu 1')!, [3, 1]);
}

describe('values written in blocks', () => {
  it('use the engine’s internals on HyperFormula 3.5.0', () => {
    const hf = HyperFormula.buildFromSheets({ a: [] }, { ...ENGINE_CONFIG });
    expect(HyperFormula.version).toBe('3.5.0');
    expect(canWriteDirect(hf)).toBe(true);
    hf.destroy();
  });

  it('take the public path on another HyperFormula, to the same engine', () => {
    const statics = HyperFormula as unknown as { version: string };
    const contents = workbook(9);
    const once = HyperFormula.buildFromSheets(contents, { ...ENGINE_CONFIG });
    const writes = vi.spyOn(HyperFormula.prototype, 'setCellContents');
    const direct = stepwise(contents, 'direct');
    const formulaWrites = writes.mock.calls.length; // the values went straight in
    statics.version = '3.6.0';
    try {
      expect(canWriteDirect(once)).toBe(false);
      const hf = stepwise(contents, 'direct');
      expect(writes.mock.calls.length).toBeGreaterThan(formulaWrites + 30); // the values too
      expect(snapshot(hf)).toEqual(snapshot(once));
      expect(snapshot(direct)).toEqual(snapshot(once));
      hf.destroy();
    } finally {
      statics.version = '3.5.0';
      writes.mockRestore();
    }
    for (const hf of [once, direct]) hf.destroy();
  });

  it('end in the one-go build’s engine, after edits, undo and redo too (both paths)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const contents = workbook(seed);
      const once = HyperFormula.buildFromSheets(contents, { ...ENGINE_CONFIG });
      const direct = stepwise(contents, 'direct');
      const api = stepwise(contents, 'public');
      const all = [once, direct, api];
      for (const hf of all) expect(hf.isThereSomethingToUndo()).toBe(false);
      const before = snapshot(once);
      expect(snapshot(direct)).toEqual(before);
      expect(snapshot(api)).toEqual(before);
      edit(all, seed + 100);
      expect(snapshot(direct)).toEqual(snapshot(once));
      expect(snapshot(api)).toEqual(snapshot(once));
      for (const hf of all) hf.undo();
      expect(snapshot(direct)).toEqual(snapshot(once));
      expect(snapshot(api)).toEqual(snapshot(once));
      for (const hf of all) hf.redo();
      expect(snapshot(direct)).toEqual(snapshot(once));
      for (const hf of all) hf.destroy();
    }
  });

  it('write a cell that already holds something through the API, and leave formulas out', () => {
    for (const path of ['direct', 'public'] as const) {
      const hf = HyperFormula.buildFromSheets({ a: [[1, '=A1*2']] }, { ...ENGINE_CONFIG });
      valueWriter(hf, path)(0, [[0], [5, null, '=B1+1', 'x']], 1, 2);
      expect(hf.getSheetSerialized(0)).toEqual([
        [1, '=A1*2'],
        [5, null, null, 'x'],
      ]);
      valueWriter(hf, path)(0, [[-0, 'y']], 0, 1);
      expect(hf.getSheetSerialized(0)).toEqual([
        [-0, 'y'],
        [5, null, null, 'x'],
      ]);
      expect(hf.getSheetValues(0)).toEqual([
        [0, 'y'],
        [5, null, null, 'x'],
      ]);
      hf.destroy();
    }
  });

  it('refuse a value past the engine’s size as its build does, and take blanks there', () => {
    const config = { licenseKey: 'gpl-v3', maxRows: 3, maxColumns: 2 };
    expect(() => HyperFormula.buildFromSheets({ a: [[], [], [], [1]] }, config)).toThrow();
    expect(() => HyperFormula.buildFromSheets({ a: [[null, null, 1]] }, config)).toThrow();
    const blanks = [[1, 2, null], [], [], [null, null]];
    const once = HyperFormula.buildFromSheets({ a: blanks }, config);
    for (const path of ['direct', 'public'] as const) {
      const hf = HyperFormula.buildFromSheets({ a: [] }, config);
      valueWriter(hf, path)(0, blanks, 0, 4);
      expect(hf.getSheetSerialized(0)).toEqual(once.getSheetSerialized(0));
      expect(() => valueWriter(hf, path)(0, [[], [], [], [1]], 3, 4)).toThrow();
      expect(() => valueWriter(hf, path)(0, [[null, null, 1]], 0, 1)).toThrow();
      hf.destroy();
    }
  });
});
