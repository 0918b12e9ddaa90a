/**
 * Random pairs of plans for comparison tests (deterministic by seed): b is a as another hand would
 * send it — amounts and notes changed; projects renamed (words added or dropped, abbreviated,
 * written without diacritics, in capitals, with odd spacing, a typo), moved to another section,
 * reordered, split, merged, inserted and removed; sections renumbered and renamed; duplicate names.
 */
import { prng } from '../domain/generate';
import type { MatchOverrides } from '../domain/match';
import { fold } from '../domain/sources';
import { makePlan } from '../domain/template';
import type { CellInput, Row, Workbook } from '../domain/types';

const HEADS = ['Xây dựng', 'Nâng cấp', 'Triển khai', 'Mở rộng', 'Đầu tư', 'Cải tạo', 'Số hoá'];
const WORDS = [
  'hệ thống',
  'quản lý',
  'văn bản',
  'cơ sở dữ liệu',
  'trung tâm dữ liệu',
  'công nghệ thông tin',
  'Ủy ban nhân dân',
  'một cửa điện tử',
  'hạ tầng',
  'mạng diện rộng',
  'chữ ký số',
  'hồ sơ',
  'đất đai',
  'y tế',
  'giáo dục',
  'tỉnh',
  'huyện',
  'xã',
  'giai đoạn 2',
  'cho 05 đơn vị',
];
const UNITS = ['Sở TT&TT', 'Sở Thông tin và Truyền thông', 'VP UBND tỉnh', 'Sở Y tế', 'Sở Nội vụ'];
const ABBR: [RegExp, string][] = [
  [/công nghệ thông tin/i, 'CNTT'],
  [/Ủy ban nhân dân/i, 'UBND'],
  [/Xây dựng/, 'XD'],
  [/quản lý/, 'QL'],
  [/giai đoạn 2/, '(GĐ II)'],
];
const YEARS = [2021, 2022];
const SOURCES = ['ĐTPT', 'SN'];

/** A pair of plans (a, b) and overrides a user might have given, from one seed. */
export function randomPair(
  seed: number,
  size = 1,
): { a: Workbook; b: Workbook; overrides: MatchOverrides } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const amount = () => (rnd() < 0.3 ? null : Math.round(rnd() * 400) * 5);
  const name = () => {
    const ws = [pick(HEADS)];
    for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) ws.push(pick(WORDS));
    return ws.join(' ');
  };
  const spec: Parameters<typeof makePlan>[0] = { years: YEARS, sources: SOURCES, rows: [] };
  const sections = (2 + Math.floor(rnd() * 4)) * size;
  const names: string[] = [];
  for (let s = 0; s < sections; s++) {
    spec.rows!.push(['section', 0, `Lĩnh vực ${pick(WORDS)} ${s + 1}`]);
    for (let k = 2 + Math.floor(rnd() * 10); k > 0; k--) {
      // a name seen before (duplicates across sections), or a new one
      const n = names.length && rnd() < 0.1 ? pick(names) : name();
      names.push(n);
      const values: Record<string, CellInput> = { lead: pick(UNITS), notes: pick(['', 'ghi chú']) };
      for (const y of YEARS) for (const src of SOURCES) values[`${y}:${src}`] = amount();
      if (rnd() < 0.05) values['2021:SN'] = `=${Math.round(rnd() * 90) * 10}+5`;
      spec.rows!.push(['project', 1, n, values]);
    }
  }
  const a = makePlan(spec);
  const b = structuredClone(a);
  const rows = b.sheets[0].rows;
  const projects = () => rows.filter((r) => r.kind === 'project');
  const amountIds = Object.keys(projects()[0].cells).filter((k) => /^y\d/.test(k));
  let fresh = 0;
  for (const p of projects()) {
    if (rnd() < 0.15) p.cells[pick(amountIds)] = amount();
    if (rnd() < 0.05) p.cells.notes = 'sửa';
    if (rnd() < 0.03) p.cells.lead = pick(UNITS);
    if (rnd() < 0.03 && typeof p.cells.y2021_sn === 'string') p.cells.y2021_sn = '=100+5';
    const n = String(p.cells.name);
    const r = rnd();
    if (r < 0.05) p.cells.name = `${n} ${pick(WORDS)}`;
    else if (r < 0.1) p.cells.name = n.split(' ').slice(0, -1).join(' ') || n;
    else if (r < 0.18)
      for (const [re, to] of ABBR) p.cells.name = String(p.cells.name).replace(re, to);
    else if (r < 0.22) p.cells.name = fold(n);
    else if (r < 0.25) p.cells.name = n.toLocaleUpperCase('vi');
    else if (r < 0.28) p.cells.name = `  ${n.replace(/ /g, '  ')} `;
    else if (r < 0.31) p.cells.name = n.replace(/[aeo]/, 'u');
  }
  const newRow = (level: number, cells: Record<string, CellInput>): Row => ({
    id: `n${++fresh}`,
    kind: 'project',
    level,
    cells,
  });
  // splits and merges: amounts shared out or added up
  for (const p of projects()) {
    const r = rnd();
    if (r < 0.04) {
      const part: Record<string, CellInput> = { name: `${String(p.cells.name)} hạng mục 2` };
      for (const k of amountIds)
        if (typeof p.cells[k] === 'number') {
          const half = Math.round((p.cells[k] as number) / 2);
          part[k] = (p.cells[k] as number) - half;
          p.cells[k] = half;
        }
      rows.splice(rows.indexOf(p) + 1, 0, newRow(p.level, part));
    } else if (r < 0.07) {
      const next = rows[rows.indexOf(p) + 1];
      if (next?.kind !== 'project') continue;
      for (const k of amountIds)
        p.cells[k] = ((p.cells[k] as number) || 0) + ((next.cells[k] as number) || 0);
      rows.splice(rows.indexOf(next), 1);
    }
  }
  // moves, removals, insertions
  for (const p of projects()) {
    const r = rnd();
    if (r < 0.06) {
      rows.splice(rows.indexOf(p), 1);
      rows.splice(1 + Math.floor(rnd() * (rows.length - 1)), 0, p);
    } else if (r < 0.1) rows.splice(rows.indexOf(p), 1);
    else if (r < 0.14) {
      const cells: Record<string, CellInput> = { name: rnd() < 0.5 ? name() : pick(names) };
      for (const k of amountIds) cells[k] = amount();
      rows.splice(rows.indexOf(p), 0, newRow(p.level, cells));
    }
  }
  // sections renumbered, one renamed, one reversed
  let s = 0;
  for (const r of rows)
    if (r.kind === 'section') {
      r.cells.tt = String.fromCharCode(65 + s++);
      if (rnd() < 0.2) r.cells.name = `${String(r.cells.name)} (mới)`;
    }
  const first = rows.findIndex((r, i) => i > 0 && r.kind === 'section');
  if (first > 1) rows.splice(1, first - 1, ...rows.slice(1, first).reverse());
  const ids = (w: Workbook) =>
    w.sheets[0].rows.filter((r) => r.kind === 'project').map((r) => r.id);
  const [ia, ib] = [ids(a), ids(b)];
  const overrides: MatchOverrides = {
    pairs: [[pick(ia), pick(ib)]],
    unpaired: [pick(ia)],
    confirmed: [pick(ia), pick(ia)],
    ungrouped: [],
  };
  return { a, b, overrides };
}
