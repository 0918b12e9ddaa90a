/**
 * The reading posted in its compact form (readingWire.ts) is, on the page, the reading the worker
 * made, as the structured clone it replaced gave it: the same values (-0 and NaN too), the same key
 * order at every level, the one appendix's line map shared as `lineOf`. Checked on every fixture
 * file the reader takes, on a generated plan, and on rows of other shapes.
 */
import './sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { FIXTURE_DIRS } from '../../tests/support/fixtureDirs';
import type { Row } from '../domain/types';
import { fromWire, isWire, toWire } from './readingWire';
import { type PlanReading, readPlanFile } from './readPlan';

/** The reading as it arrives on the page: through the wire form, posted with its buffers moved. */
function posted(r: PlanReading): PlanReading {
  const { wire, transfer } = toWire(r);
  const got = structuredClone(wire, { transfer });
  expect(isWire(got)).toBe(true);
  for (const b of transfer) expect(b.byteLength).toBe(0); // moved, not copied
  return fromWire(got);
}

/** The keys of every object and map under `v`, in order, by path (what toStrictEqual leaves out). */
function keyOrder(v: unknown, path = '', out: string[] = []): string[] {
  if (v instanceof Map) {
    out.push(`${path}: ${[...v.keys()].map(String).join(',')}`);
    for (const [k, x] of v) keyOrder(x, `${path}.${String(k)}`, out);
  } else if (v && typeof v === 'object') {
    out.push(`${path}: ${Object.keys(v).join(',')}`);
    for (const [k, x] of Object.entries(v)) keyOrder(x, `${path}.${k}`, out);
  }
  return out;
}

function expectSame(r: PlanReading): void {
  const got = posted(r);
  const old = structuredClone(r); // what the page had before
  expect(got).toStrictEqual(old);
  expect(keyOrder(got)).toEqual(keyOrder(old));
  for (const [id, m] of old.linesBySheet ?? [])
    expect(got.linesBySheet?.get(id) === got.lineOf).toBe(m === old.lineOf);
}

const READ = /\.(xlsx?|ods|csv|tsv)$/i;

const files = (dir: string) =>
  readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((p) => READ.test(p) && statSync(p).isFile());

describe('the reading posted in its compact form', () => {
  const all = [...new Set(FIXTURE_DIRS.flatMap(files))];

  it('covers the fixtures (mof .xls, seed .xlsx)', () => {
    expect(all.filter((f) => f.includes('/mof/')).length).toBeGreaterThan(10);
    expect(all.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(10);
  });

  it.each(all)('is the reading of %s', (file) => {
    let r: PlanReading;
    try {
      r = readPlanFile(file, readFileSync(file));
    } catch {
      return; // a file the reader refuses posts no reading
    }
    expectSame(r);
  });

  it.each(['few', 'many'] as const)('is the reading of the bench plan (%s findings)', (f) => {
    expectSame(readPlanFile('plan.xlsx', planXlsx({ projects: 700, findings: f })));
  });

  it('keeps rows of other shapes, extra properties, blank, -0, NaN and text cells', () => {
    const r = readPlanFile('plan.xlsx', planXlsx({ projects: 5, findings: 'few' }));
    const sheet = {
      kind: 'appendix' as const,
      id: 's1',
      name: 'S',
      title: 'T',
      columns: [],
      rows: [
        { id: 'a', kind: 'section', level: 0, cells: { name: 'A', x: null } },
        { id: 'b', kind: 'project', level: 1, cells: { x: -0, y: NaN, name: '=1+2' }, remark: 'r' },
        { kind: 'total', id: 'c', level: 0, cells: {} }, // another key order
        { id: 'd', kind: 'project', level: 2, cells: { z: 1 }, part: 'ofWhich', percent: { z: 1 } },
      ] as Row[],
    };
    const lines = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const reading: PlanReading = {
      ...r,
      workbook: { ...r.workbook, sheets: [sheet, { ...sheet, id: 's2' }] },
      lineOf: new Map(lines),
      linesBySheet: new Map([
        ['s1', lines],
        ['s2', new Map([['c', 3]])],
      ]),
    };
    expectSame(reading);
    expect(Object.is(posted(reading).workbook.sheets[0].rows[1].cells.x, -0)).toBe(true);
  });
});
