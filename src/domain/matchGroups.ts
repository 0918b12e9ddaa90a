/**
 * Splits and merges: one project of a whose figures are exactly shared out among several projects
 * of b (a split), or several projects of a whose figures add up to one of b (a merge). Found among
 * what matching left unpaired (and the pairs it made by name), proposed to the user — a group is
 * always doubtful until confirmed — and withdrawn when the user refuses it.
 */
import type { FigureLookup } from './figures';
import type { MatchResult, ProjectRef } from './matchTypes';
import type { Scorer } from './matchScore';
import { amountsEqual } from './numbers';

export interface ProjectGroup {
  kind: 'split' | 'merge';
  /** The projects of a (one for a split). */
  a: ProjectRef[];
  /** The projects of b (one for a merge). */
  b: ProjectRef[];
  confidence: number;
  /** 'namesAlike': the names share their words; 'amountsAddUp': column by column; 'totalsAddUp'. */
  reasons: ('namesAlike' | 'amountsAddUp' | 'totalsAddUp' | 'user')[];
  doubtful: boolean;
  /** Stable key (for the user's confirmation or refusal). */
  key: string;
}

/** A project's parts at most (a split into more is rare and costly to search). */
const MAX_PARTS = 4;
/** Candidates tried per whole. */
const MAX_POOL = 8;

/** The key of a group. */
export function groupKey(kind: ProjectGroup['kind'], a: ProjectRef[], b: ProjectRef[]): string {
  const ids = (ps: ProjectRef[]) =>
    ps
      .map((p) => p.row.id)
      .sort()
      .join('+');
  return `${kind}:${ids(a)}>${ids(b)}`;
}

/** How the parts' figures add up to the whole's: in every column, or in total; null if not. */
type Fit = 'columns' | 'totals' | null;

function fit(parts: readonly (readonly number[])[], whole: readonly number[]): Fit {
  let nonzero = 0;
  let equal = 0;
  let sumParts = 0;
  let sumWhole = 0;
  for (let k = 0; k < whole.length; k++) {
    let s = 0;
    for (const p of parts) s += p[k] ?? 0;
    sumParts += s;
    sumWhole += whole[k];
    if (s === 0 && whole[k] === 0) continue;
    nonzero++;
    if (amountsEqual(s, whole[k])) equal++;
  }
  if (!nonzero || amountsEqual(sumWhole, 0)) return null;
  if (equal === nonzero) return 'columns';
  return amountsEqual(sumParts, sumWhole) ? 'totals' : null;
}

/**
 * Figures alone, for a part whose name shares nothing with the whole (provinces merged): where the
 * part is not blank, the partner and the part add up to the whole in at least 3 columns and 3 in 4
 * (a share in %, say, does not add up); elsewhere the whole is the partner's.
 */
function fitByFigures(
  partner: readonly number[],
  part: readonly number[],
  whole: readonly number[],
): boolean {
  let filled = 0;
  let equal = 0;
  for (let k = 0; k < whole.length; k++) {
    const x = part[k] ?? 0;
    const y = partner[k] ?? 0;
    if (amountsEqual(x, 0)) {
      if (!amountsEqual(y, whole[k])) return false;
      continue;
    }
    filled++;
    if (amountsEqual(x + y, whole[k])) equal++;
  }
  return equal >= 3 && equal >= 0.75 * filled;
}

/** Columns where two projects' figures differ. */
function changedColumns(x: readonly number[], y: readonly number[]): number {
  let n = 0;
  for (let k = 0; k < x.length; k++) if (!amountsEqual(x[k], y[k] ?? 0)) n++;
  return n;
}

/** Subsets of a pool (size 1..max), smallest first. */
function* subsets<T>(pool: readonly T[], max: number): Generator<T[]> {
  const n = pool.length;
  for (let size = 1; size <= Math.min(max, n); size++) {
    const idx = Array.from({ length: size }, (_, i) => i);
    for (;;) {
      yield idx.map((i) => pool[i]);
      let i = size - 1;
      while (i >= 0 && idx[i] === n - size + i) i--;
      if (i < 0) break;
      idx[i]++;
      for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
    }
  }
}

/**
 * The projects of a list not yet grouped, their totals, and which share a word of a name: a pair
 * sharing none is not related (`related` needs shared words weighing a quarter of the lighter
 * name, and every word weighs more than 0), unless one of the names has no word.
 */
class OpenList {
  /** Open projects by the words of their names (made on first need). */
  private byWord: Map<string, number[]> | undefined;
  /** Open projects whose names have no word (related to any). */
  private wordless: number[] = [];
  private readonly stamp: Int32Array;
  private round = 0;

  constructor(
    readonly size: number,
    readonly open: ProjectRef[],
    readonly totals: number[],
    private readonly scorer: Scorer,
  ) {
    this.stamp = new Int32Array(open.length);
  }

  /** Which open projects may be related to `whole` (by index in `open`). */
  near(whole: ProjectRef): (i: number) => boolean {
    const words = this.scorer.tokens(whole);
    if (!words.size) return () => true;
    if (!this.byWord) {
      this.byWord = new Map();
      this.open.forEach((q, i) => {
        const ws = this.scorer.tokens(q);
        if (!ws.size) this.wordless.push(i);
        for (const w of ws) {
          const list = this.byWord!.get(w);
          if (list) list.push(i);
          else this.byWord!.set(w, [i]);
        }
      });
    }
    const round = ++this.round;
    const stamp = this.stamp;
    for (const i of this.wordless) stamp[i] = round;
    for (const w of words) for (const i of this.byWord.get(w) ?? []) stamp[i] = round;
    return (i) => stamp[i] === round;
  }
}

/**
 * Finds splits and merges and takes their members out of `m` (pairs, added, removed).
 * @param figures each project's numbers in one column order for both sides
 */
export function findGroups(
  m: MatchResult,
  figures: FigureLookup,
  refused: ReadonlySet<string>,
  confirmed: ReadonlySet<string>,
): ProjectGroup[] {
  const scorer: Scorer = m.scorer;
  const groups: ProjectGroup[] = [];
  // a split needs a project only b has, a merge one only a has
  if (!m.added.length && !m.removed.length) return groups;
  const grouped = new Set<ProjectRef>();
  // each project's figures read once (a lookup may build them on each call)
  const read = new Map<ProjectRef, readonly number[]>();
  const fig = (p: ProjectRef) => {
    let f = read.get(p);
    if (!f) read.set(p, (f = figures.get(p) ?? []));
    return f;
  };
  const blank = (p: ProjectRef) => fig(p).every((v) => amountsEqual(v, 0));
  const same = (p: ProjectRef, q: ProjectRef) => {
    if (figures.equal) return figures.equal(p, q);
    const x = fig(p);
    const y = fig(q);
    return x.length === y.length && x.every((v, k) => amountsEqual(v, y[k]));
  };
  // pairs by name whose figures changed: the whole may have been shared out, or joined
  const changed = m.matched.filter((x) => x.by !== 'id' && x.by !== 'user' && !same(x.a, x.b));
  /** Names that share much of their words (cheap test first: most pairs share little). */
  const related = (p: ProjectRef, q: ProjectRef) => {
    const s = scorer.shared(p, q);
    const least = Math.min(scorer.massOf(p), scorer.massOf(q));
    if (s >= 0.5 * least) return true;
    return s >= 0.25 * least && scorer.name(p, q) >= 0.45;
  };
  const take = (
    kind: ProjectGroup['kind'],
    whole: ProjectRef,
    parts: ProjectRef[],
    reasons: ProjectGroup['reasons'],
    confidence: number,
  ): boolean => {
    const inOrder = [...parts].sort((x, y) => x.index - y.index);
    const [a, b] = kind === 'split' ? [[whole], inOrder] : [inOrder, [whole]];
    const key = groupKey(kind, a, b);
    if (refused.has(key)) return false;
    const ok = confirmed.has(key);
    if (ok) reasons.push('user');
    groups.push({ kind, a, b, confidence, reasons, doubtful: !ok, key });
    for (const p of [...a, ...b]) grouped.add(p);
    return true;
  };

  // each project's total summed once (searched against every whole)
  const totals = new Map<ProjectRef, number>();
  const total = (p: ProjectRef) => {
    let t = totals.get(p);
    if (t === undefined) totals.set(p, (t = fig(p).reduce((s, v) => s + v, 0)));
    return t;
  };
  const openAdded = m.added.filter((q) => !blank(q));
  const openRemoved = m.removed.filter((q) => !blank(q));

  // the projects of a list not yet grouped, and their totals: made again only once a group is taken
  const opens = new Map<readonly ProjectRef[], OpenList>();
  const openOf = (free: readonly ProjectRef[]) => {
    let o = opens.get(free);
    if (!o || o.size !== grouped.size) {
      const open = free.filter((q) => !grouped.has(q));
      o = new OpenList(grouped.size, open, open.map(total), scorer);
      opens.set(free, o);
    }
    return o;
  };

  /** One whole against the projects only the other side has (its partner may be one part). */
  const search = (
    kind: ProjectGroup['kind'],
    whole: ProjectRef,
    partner: ProjectRef | undefined,
    free: readonly ProjectRef[],
  ) => {
    if (blank(whole)) return;
    const list = openOf(free);
    const { open, totals: sums } = list;
    // names sharing no word with the whole's are not related (unless either has none)
    const near = list.near(whole);
    // parts that add up: the others make up what the partner lacks (figures are not negative)
    const lack = partner ? total(whole) - total(partner) : total(whole);
    const most = lack + Math.abs(lack) * 1e-9 + 1e-9;
    // the first MAX_POOL that fit and whose names are related (both tests pure: none asked beyond)
    const byName: ProjectRef[] = [];
    for (let i = 0; i < open.length && byName.length < MAX_POOL; i++)
      if (sums[i] <= most && near(i) && related(whole, open[i])) byName.push(open[i]);
    for (const extra of subsets(byName, MAX_PARTS))
      for (const parts of partner ? [[partner, ...extra], extra] : [extra]) {
        if (parts.length < 2) continue;
        const f = fit(parts.map(fig), fig(whole));
        if (
          f &&
          take(
            kind,
            whole,
            parts,
            ['namesAlike', f === 'columns' ? 'amountsAddUp' : 'totalsAddUp'],
            f === 'columns' ? 0.8 : 0.7,
          )
        )
          return;
      }
    if (!partner || changedColumns(fig(whole), fig(partner)) < 3) return;
    for (const q of open)
      if (!byName.includes(q) && fitByFigures(fig(partner), fig(q), fig(whole)))
        if (take(kind, whole, [partner, q], ['amountsAddUp'], 0.6)) return;
  };

  if (openAdded.length) {
    for (const p of m.removed) if (!grouped.has(p)) search('split', p, undefined, openAdded);
    for (const x of changed) if (!grouped.has(x.a)) search('split', x.a, x.b, openAdded);
  }
  if (openRemoved.length) {
    for (const q of m.added) if (!grouped.has(q)) search('merge', q, undefined, openRemoved);
    for (const x of changed) if (!grouped.has(x.b)) search('merge', x.b, x.a, openRemoved);
  }
  if (groups.length) {
    m.matched = m.matched.filter((x) => !grouped.has(x.a) && !grouped.has(x.b));
    m.added = m.added.filter((p) => !grouped.has(p));
    m.removed = m.removed.filter((p) => !grouped.has(p));
  }
  return groups;
}
