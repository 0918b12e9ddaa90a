/** Generated plans of any size, for benchmarks and property tests (deterministic). */
import { newWorkbookFromTemplate, amountColumnId } from './template';
import { toRoman } from './rows';
import type { CellInput, Row, Workbook } from './types';

const UNITS = [
  'Sở TT và TT',
  'VP UBND tỉnh',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở GD và ĐT',
  'UBND huyện A',
  'UBND huyện B',
];

/** A small deterministic pseudo-random generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  projects: number;
  firstYear?: number;
  years?: number;
  sources?: string[];
  /** Projects per sub-section (level 1); 20 sub-sections per top section. */
  perSection?: number;
  seed?: number;
}

/** A plan with `projects` projects in two levels of sections, amounts in whole triệu đồng. */
export function generatePlan(o: GenerateOptions): Workbook {
  const years = o.years ?? 5;
  const sources = o.sources ?? ['ĐTPT', 'SN'];
  const wb = newWorkbookFromTemplate({
    firstYear: o.firstYear ?? 2021,
    years,
    sources,
    title: `Kế hoạch thử ${o.projects} dự án`,
  });
  const rnd = prng(o.seed ?? 42);
  const per = o.perSection ?? 25;
  const rows: Row[] = [];
  let id = 0;
  const row = (kind: Row['kind'], level: number, cells: Record<string, CellInput>): Row => ({
    id: `g${++id}`,
    kind,
    level,
    cells,
  });
  for (let p = 0; p < o.projects; p++) {
    if (p % (per * 20) === 0)
      rows.push(
        row('section', 0, {
          tt: toRoman(p / (per * 20) + 1),
          name: `Lĩnh vực ${p / (per * 20) + 1}`,
        }),
      );
    if (p % per === 0)
      rows.push(
        row('section', 1, { tt: String(((p / per) % 20) + 1), name: `Nhóm dự án ${p / per + 1}` }),
      );
    const cells: Record<string, CellInput> = {
      tt: '-',
      name: `Dự án số ${p + 1}`,
      lead: UNITS[p % UNITS.length],
      coord: 'Các đơn vị liên quan',
    };
    let sum = 0;
    for (let y = 0; y < years; y++) {
      for (const s of sources) {
        if (rnd() < 0.4) continue;
        const v = Math.round(rnd() * 2000) * 5;
        cells[amountColumnId((o.firstYear ?? 2021) + y, s)] = v;
        sum += v;
      }
    }
    cells.stated = sum;
    rows.push(row('project', 2, cells));
  }
  return { ...wb, sheets: [{ ...wb.sheets[0], rows }] };
}
