/**
 * The index of free projects gives what the former pass over every free project gave: the same
 * projects fitting a shortened or lengthened name, the same project for a name and unit, while
 * projects are paired away (random names from a small vocabulary, fixed seed).
 */
import { describe, expect, it } from 'vitest';
import type { ExecProject } from './execution';
import { FreeIndex } from './executionFree';
import { normaliseName } from './match';
import { prng } from './generate';

const WORDS = [
  'Đường',
  'giao',
  'thông',
  'xã',
  'Hải',
  'Lăng',
  'cầu',
  'Tập',
  'huấn',
  'CIO',
  '(khoảng',
  '200',
  'HV)',
];
const UNITS = ['Ban QLDA', 'UBND huyện Hải Lăng', 'Sở GTVT'];

describe('the index of free projects', () => {
  it('finds what a pass over every free project finds, as projects are paired', () => {
    const rnd = prng(20);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const HEADS = ['Đường giao thông', 'Tập huấn CIO', 'Cầu xã Hải'];
    const name = () =>
      rnd() < 0.15
        ? pick(WORDS)
        : [pick(HEADS), ...Array.from({ length: Math.floor(rnd() * 3) }, () => pick(WORDS))].join(
            rnd() < 0.2 ? '  ' : ' ',
          );
    const projects: ExecProject[] = Array.from({ length: 600 }, (_, i) => ({
      id: `p${i}`,
      name: name(),
      lead: pick(UNITS),
      code: '',
      path: [],
    })) as unknown as ExecProject[];
    const free = new Map(projects.map((p) => [p.id, p]));
    const index = new FreeIndex(free);
    let found = 0;
    for (let k = 0; k < 400; k++) {
      const n = normaliseName(name());
      const lead = normaliseName(pick(UNITS));
      const fits = (q: string, p: ExecProject) => {
        const [short, long] = q.length < n.length ? [q, n] : [n, q];
        return (
          normaliseName(p.lead) === lead &&
          short.split(' ').length >= 3 &&
          long.startsWith(`${short} `)
        );
      };
      const before = [...free.values()].filter((p) => fits(normaliseName(p.name), p));
      const now = index.byHead(n).filter((p) => fits(index.name(p), p));
      expect(now.map((p) => p.id)).toEqual(before.map((p) => p.id));
      found += now.length;
      const key = `${n}|${lead}`;
      const first = [...free.values()].find(
        (x) => `${normaliseName(x.name)}|${normaliseName(x.lead)}` === key,
      );
      expect(index.byKey(key)?.id).toBe(first?.id);
      // a project paired away (the one found, else any)
      const gone = now[0] ?? first ?? pick([...free.values()]);
      if (gone) free.delete(gone.id);
    }
    expect(found).toBeGreaterThan(20);
  });
});
