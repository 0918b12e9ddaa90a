/**
 * Whether a paired project moved to another section. Sections are compared by their canonical path
 * (so `Ứng dụng CNTT` = `Ứng dụng công nghệ thông tin`); a section renamed outright is recognised
 * by where its projects went: when its path is gone from the other version and most of its
 * projects (two at least) stand together under one section whose path is new, that section is the
 * same one renamed, and its projects did not move.
 */
import type { Match, ProjectRef } from './match';
import { memoised } from './refsMemo';

/** A test telling which pairs of `matched` moved (a, b: every project of each side). */
export function movedTest(
  a: readonly ProjectRef[],
  b: readonly ProjectRef[],
  matched: readonly Match[],
): (m: Match) => boolean {
  // read only when a pair changed section (most pairs did not): each side's paths kept with its list
  let pathsA: Set<string> | undefined;
  let pathsB: Set<string> | undefined;
  // projects of each a-section, by the b-section they went to
  let flows: Map<string, Map<string, number>> | undefined;
  const flowsOf = () => {
    const out = new Map<string, Map<string, number>>();
    for (const m of matched) {
      const from = m.a.parentId ?? '';
      const to = m.b.parentId ?? '';
      const f = out.get(from) ?? new Map<string, number>();
      f.set(to, (f.get(to) ?? 0) + 1);
      out.set(from, f);
    }
    return out;
  };
  return (m) => {
    if (m.a.section === m.b.section) return false;
    pathsA ??= memoised(a, 'sections', () => new Set(a.map((p) => p.section)));
    pathsB ??= memoised(b, 'sections', () => new Set(b.map((p) => p.section)));
    if (pathsB.has(m.a.section) || pathsA.has(m.b.section)) return true;
    const f = (flows ??= flowsOf()).get(m.a.parentId ?? '')!;
    const here = f.get(m.b.parentId ?? '') ?? 0;
    let all = 0;
    for (const n of f.values()) all += n;
    return !(here >= 2 && here * 2 > all);
  };
}
