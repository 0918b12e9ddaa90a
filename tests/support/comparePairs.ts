/** The compare fixtures as the compare tests read them: the Quảng Trị pair and the scripted file pairs. */
import { readFileSync } from 'node:fs';
import type { Workbook } from '../../src/domain/types';
import { parsePlanbook } from '../../src/io/planbookFile';
import { readPlanFile } from '../../src/io/readPlan';

const DIR = 'fixtures/compare';

/** The two Quảng Trị revisions saved as `.planbook` files. */
export function quangTriPair(): { qa: Workbook; qb: Workbook } {
  const load = (f: string): Workbook => {
    const r = parsePlanbook(readFileSync(`${DIR}/${f}`, 'utf8'));
    if (!r.ok) throw new Error(f);
    return r.workbook;
  };
  return { qa: load('quang-tri-a.planbook'), qb: load('quang-tri-b.planbook') };
}

/** Each pair of `cases.json` read as the app reads a dropped file (names kept as in the file). */
export function filePairs(): { a: string; b: string; wa: Workbook; wb: Workbook }[] {
  const read = (f: string) => readPlanFile(f, new Uint8Array(readFileSync(`${DIR}/${f}`))).workbook;
  const cases = JSON.parse(readFileSync(`${DIR}/cases.json`, 'utf8')) as { a: string; b: string }[];
  return cases.map((k) => ({ ...k, wa: read(k.a), wb: read(k.b) }));
}
