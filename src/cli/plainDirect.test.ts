/**
 * PlainValues evaluates the layout's formulas as data (plainFormulas.ts) and gives exactly what it
 * gave when it built the formula texts and parsed them back (the frozen oracle), on fixtures and on
 * generated plans with noise, texts, total rows, column rules, formulas typed in cells and cycles;
 * and plainFormulas.ts writes the very contents layout.ts and totals.ts give the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaves, yearGroups } from '../domain/columns';
import { generatePlan, prng } from '../domain/generate';
import { totalSegments } from '../domain/totalSegments';
import type { AppendixSheet, CellInput, Row, Workbook } from '../domain/types';
import { readPlanFile } from '../io/readPlan';
import { OraclePlainValues } from '../../tests/support/plainOracle/plainValuesOracle';
import { derivedCells, layoutOf } from '../engine/layout';
import { formulaText, plainDerived, plainTotals } from '../engine/plainFormulas';
import { PlainValues } from '../engine/plainValues';
import { totalsContents, totalsLayout } from '../engine/totals';

const FIXTURES = [
  'fixtures',
  'fixtures/shapes',
  'fixtures/compare',
  'fixtures/mof',
  'fixtures/provincial',
];

function fixtureBooks(): Workbook[] {
  const out: Workbook[] = [];
  for (const dir of FIXTURES)
    for (const f of readdirSync(dir)) {
      if (!/\.(tsv|xls|xlsx|ods|planbook)$/.test(f)) continue;
      out.push(readPlanFile(f, new Uint8Array(readFileSync(join(dir, f)))).workbook);
    }
  return out;
}

/** Every value, rule and total of both, side by side (null for both, or the same figures). */
function sameAsOracle(sheet: AppendixSheet): boolean {
  const want = OraclePlainValues.of(sheet);
  const got = PlainValues.of(sheet);
  expect(got === null, `${sheet.name}: left to the engine`).toBe(want === null);
  if (!want || !got) return false;
  const ids = leaves(sheet.columns).map((l) => l.id);
  const rules = layoutOf(sheet).rules.length;
  for (let i = -1; i <= sheet.rows.length; i++) {
    for (const id of [...ids, 'nope'])
      expect(got.value(i, id), `${sheet.name} ${i} ${id}`).toBe(want.value(i, id));
    for (let k = 0; k <= rules; k++) expect(got.rule(i, k)).toBe(want.rule(i, k));
  }
  const groups = yearGroups(sheet.columns).map((g) => g.group.id);
  const sources = [null, 'nope', ...new Set(leaves(sheet.columns).map((l) => l.source ?? null))];
  for (const s of sources)
    for (const id of [...ids, ...groups]) expect(got.total(s, id)).toBe(want.total(s, id));
  return true;
}

/** The contents plainFormulas.ts derives, written out, are the layout's, cell for cell. */
function sameContents(sheet: AppendixSheet): void {
  const l = layoutOf(sheet);
  const segments = totalSegments(sheet.rows);
  sheet.rows.forEach((_, i) => {
    const want = derivedCells(l, sheet.rows, i, segments);
    const got = plainDerived(l, sheet.rows, i, segments);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [c, content] of got)
      expect(formulaText(content, 0, 'data'), `${sheet.name} ${i} ${c}`).toBe(want.get(c));
  });
  const t = totalsLayout(l);
  const want = totalsContents(l, t, 'data', sheet.rows);
  const got = plainTotals(l, t, sheet.rows).map((line) =>
    line.map((c) => formulaText(c, 1, 'data')),
  );
  expect(got).toEqual(want);
}

const WEIRD: CellInput[] = [
  0.1,
  0.2,
  1 / 3,
  -0,
  1e-14,
  -1e15,
  2.675,
  NaN,
  Infinity,
  'abc',
  "'5",
  '7',
  '',
  null,
];

/** A generated plan made awkward: noise, texts, total rows, rules, empty sections, cycles. */
function awkward(seed: number): AppendixSheet {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const sheet = generatePlan({ projects: 30 + Math.floor(rnd() * 60), seed }).sheets[0];
  const ls = leaves(sheet.columns);
  const amounts = ls.filter((l) => l.role === 'amount');
  for (const r of sheet.rows)
    for (const l of ls)
      if (rnd() < 0.15) r.cells[l.id] = rnd() < 0.5 ? pick(WEIRD) : (rnd() - 0.5) * 1e6;
  // column rules (`5=3+4`, `6=5-1`), sometimes over a column holding a text
  if (rnd() < 0.6) {
    amounts.forEach((l, k) => (l.code = String(k + 1)));
    amounts[2].code = '3=1+2';
    if (rnd() < 0.5) amounts[5].code = '6=-4+5-1';
    if (rnd() < 0.3) amounts[6].code = '7=2';
  }
  const total = (totalSource?: string): Row => ({
    id: `t${rnd()}`,
    kind: 'total',
    level: 0,
    cells: { [amounts[0].id]: 5, [yearGroups(sheet.columns)[0].group.id]: 7 },
    ...(totalSource ? { totalSource } : {}),
  });
  const shape = rnd();
  if (shape < 0.3) sheet.rows.push(total(), total(amounts[0].source));
  else if (shape < 0.5) sheet.rows.unshift(total(), total(amounts[1].source));
  else if (shape < 0.6) sheet.rows.splice(Math.floor(sheet.rows.length / 2), 0, total());
  // a section with nothing under it that states its figures
  if (rnd() < 0.5)
    sheet.rows.push({ id: 'empty', kind: 'section', level: 0, cells: { [amounts[0].id]: 12 } });
  // an of-which row, a total row nested in a section (a cycle), a formula typed in a cell
  if (rnd() < 0.3) sheet.rows[3] = { ...sheet.rows[3], part: 'ofWhich' as Row['part'] };
  if (rnd() < 0.1) sheet.rows.splice(2, 0, { ...total(), level: 2 });
  if (rnd() < 0.1) sheet.rows[5].cells[amounts[1].id] = '=1+1';
  return sheet;
}

describe('PlainValues without formula text', () => {
  it('gives what the formula-text evaluation gave on every fixture', () => {
    let sheets = 0;
    for (const wb of fixtureBooks())
      for (const sheet of wb.sheets) {
        sameContents(sheet);
        if (sameAsOracle(sheet)) sheets++;
      }
    expect(sheets).toBeGreaterThan(30);
  }, 180_000);

  it('gives what the formula-text evaluation gave on awkward generated plans', () => {
    let plain = 0;
    let engine = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const sheet = awkward(seed);
        sameContents(sheet);
        if (sameAsOracle(sheet)) plain++;
        else engine++;
      }),
      { numRuns: 120, seed: 20 },
    );
    // both kinds of sheet were met
    expect(plain).toBeGreaterThan(10);
    expect(engine).toBeGreaterThan(3);
  }, 120_000);

  it('gives what the formula-text evaluation gave on a large generated plan', () => {
    expect(sameAsOracle(generatePlan({ projects: 3000, seed: 7 }).sheets[0])).toBe(true);
  }, 60_000);
});
