/**
 * How alike two projects of two versions are, 0..1: mostly their names (canonical tokens weighted
 * by rarity — a word every project has says little, a number or a rare word says much — plus
 * letter pairs for typos), then the lead unit, the section and the amounts as tie-breakers.
 */
import { bigramDice, bigrams } from './matchNames';
import type { FigureLookup } from './figures';
import type { ProjectRef } from './matchTypes';
import { amountsEqual } from './numbers';
import { listMemo, memoisedSteps, memoised } from './refsMemo';
import { pauseAt, runAll, type Steps } from './steps';

/** Weights of the parts of a pair's score (they add up to 1). */
export const WEIGHTS = { name: 0.8, unit: 0.08, section: 0.07, amounts: 0.05 };

/** The parts of a pair's score and their weighted sum. */
export interface PairScore {
  name: number;
  unit: number;
  section: number;
  amounts: number;
  total: number;
}

/** How many projects of a list have each token in their names (kept beside a kept list). */
function tokenCounts(ps: readonly ProjectRef[]): Map<string, number> {
  return memoised(ps, 'tokenCounts', () => {
    // projects of one name share their token list: count each list once, times its projects
    const lists = new Map<readonly string[], number>();
    for (const p of ps) lists.set(p.tokens, (lists.get(p.tokens) ?? 0) + 1);
    return runAll(countTokens(lists));
  });
}

function* countTokens(lists: Map<readonly string[], number>): Steps<Map<string, number>> {
  const df = new Map<string, number>();
  let k = 0;
  for (const [tokens, n] of lists) {
    tokens.forEach((t, i) => {
      if (tokens.indexOf(t) === i) df.set(t, (df.get(t) ?? 0) + n);
    });
    if (pauseAt(k++)) yield;
  }
  return df;
}

/**
 * The token counts of a kept list made in pieces and kept beside it (what `Scorer` then reads);
 * nothing for a list that is not kept (its counts are made when read).
 */
export function* tokenCountsSteps(ps: readonly ProjectRef[]): Steps<void> {
  if (!listMemo(ps)) return;
  yield* memoisedSteps(ps, 'tokenCounts', function* () {
    const lists = new Map<readonly string[], number>();
    for (let k = 0; k < ps.length; k++) {
      const p = ps[k];
      lists.set(p.tokens, (lists.get(p.tokens) ?? 0) + 1);
      if (pauseAt(k)) yield;
    }
    return yield* countTokens(lists);
  });
}

/** Each project's distinct tokens and letter pairs (a project's name never changes: kept with it). */
const SETS = new WeakMap<ProjectRef, Set<string>>();
const GRAMS = new WeakMap<ProjectRef, Map<string, number>>();

/** Scores pairs of projects drawn from two sets (token rarity is counted over both). */
export class Scorer {
  /** How many projects' names have each token, per side (counted on first need). */
  private dfAll: Map<string, number> | undefined;
  private dfMore: Map<string, number> | undefined;
  /** Token weights, each computed when first asked. */
  private readonly weight = new Map<string, number>();
  private readonly mass = new Map<ProjectRef, number>();
  private readonly n: number;

  /**
   * @param all the projects of both sets (their tokens' rarity is counted over them)
   * @param more further projects counted with them: each side passed whole (`a`, `figures`, `b`),
   *   its counts are kept beside a kept list (`listMemo`) for the next comparison
   */
  constructor(
    private readonly all: readonly ProjectRef[],
    private readonly figures?: FigureLookup,
    private readonly more: readonly ProjectRef[] = [],
  ) {
    this.n = Math.max(all.length + more.length, 1);
  }

  /** How many projects' names have a token: its counts on each side (each counted on first need). */
  private count(t: string): number | undefined {
    const a = (this.dfAll ??= tokenCounts(this.all)).get(t);
    const b = (this.dfMore ??= tokenCounts(this.more)).get(t);
    return a === undefined ? b : b === undefined ? a : a + b;
  }

  private rarity(t: string, df: number): number {
    // numbers tell projects apart (“cho 05 đơn vị” vs “cho 04 đơn vị”, phases)
    return Math.log(1 + this.n / df) * (/^\d+$/.test(t) ? 2 : 1);
  }

  /** The distinct canonical tokens of a project's name. */
  tokens(p: ProjectRef): Set<string> {
    let s = SETS.get(p);
    if (!s) {
      s = new Set(p.tokens);
      SETS.set(p, s);
    }
    return s;
  }

  /** How much a token tells (rarer: more). */
  w(t: string): number {
    let x = this.weight.get(t);
    if (x === undefined) {
      x = this.rarity(t, this.count(t) ?? 1);
      this.weight.set(t, x);
    }
    return x;
  }

  /** Sum of the weights of a project's tokens. */
  massOf(p: ProjectRef): number {
    let m = this.mass.get(p);
    if (m === undefined) {
      m = 0;
      for (const t of this.tokens(p)) m += this.w(t);
      this.mass.set(p, m);
    }
    return m;
  }

  private gramsOf(p: ProjectRef): Map<string, number> {
    let g = GRAMS.get(p);
    if (!g) {
      g = bigrams(p.key);
      GRAMS.set(p, g);
    }
    return g;
  }

  /** Weight of the tokens two names share. */
  shared(x: ProjectRef, y: ProjectRef): number {
    const tx = this.tokens(x);
    const ty = this.tokens(y);
    const [small, big] = tx.size <= ty.size ? [tx, ty] : [ty, tx];
    let s = 0;
    for (const t of small) if (big.has(t)) s += this.w(t);
    return s;
  }

  /**
   * Name similarity, 0..1: weighted token overlap and letter pairs (a quarter, half for names of
   * three words or fewer, where one letter changed — `Bắc Cạn`, `Bắc Kạn` — changes a whole word).
   */
  name(x: ProjectRef, y: ProjectRef): number {
    if (x.key === y.key) return 1;
    if (!x.key || !y.key) return 0;
    const mx = this.massOf(x);
    const my = this.massOf(y);
    const words = mx + my ? (2 * this.shared(x, y)) / (mx + my) : 0;
    const letters = Math.min(x.tokens.length, y.tokens.length) <= 3 ? 0.5 : 0.25;
    return (1 - letters) * words + letters * bigramDice(this.gramsOf(x), this.gramsOf(y));
  }

  /** How much of x's name is in y's, 0..1 (a part of a split keeps the whole's words). */
  containment(x: ProjectRef, y: ProjectRef): number {
    const mx = this.massOf(x);
    return mx ? this.shared(x, y) / mx : 0;
  }

  /** Lead units: 1 equal (or both blank), else their word overlap. */
  unit(x: ProjectRef, y: ProjectRef): number {
    if (x.unit === y.unit) return 1;
    if (!x.unit || !y.unit) return 0.5;
    const a = new Set(x.unit.split(' '));
    const b = y.unit.split(' ');
    const common = b.filter((w) => a.has(w)).length;
    return (2 * common) / (a.size + b.length);
  }

  /** Sections: 1 the same path, 0.5 the same innermost section name, else 0. */
  section(x: ProjectRef, y: ProjectRef): number {
    if (x.section === y.section) return 1;
    const lx = x.section.split('/').pop();
    return lx && lx === y.section.split('/').pop() ? 0.5 : 0;
  }

  /** Figures of both projects, equal and not blank in at least `n` columns. */
  sameFigures(x: ProjectRef, y: ProjectRef, n: number): boolean {
    const ax = this.figures?.get(x);
    const ay = this.figures?.get(y);
    if (!ax || !ay || ax.length !== ay.length) return false;
    let filled = 0;
    for (let k = 0; k < ax.length; k++) {
      if (!amountsEqual(ax[k], ay[k])) return false;
      if (!amountsEqual(ax[k], 0)) filled++;
    }
    return filled >= n;
  }

  /**
   * Whether the projects share a figure (the same amount, not blank, in one column); null when
   * either's figures are unknown.
   */
  sharesFigure(x: ProjectRef, y: ProjectRef): boolean | null {
    const ax = this.figures?.get(x);
    const ay = this.figures?.get(y);
    if (!ax || !ay) return null;
    for (let k = 0; k < Math.min(ax.length, ay.length); k++)
      if (!amountsEqual(ax[k], 0) && amountsEqual(ax[k], ay[k])) return true;
    return false;
  }

  /** Amounts: 1 equal, else how much they overlap (0.5 when they are unknown). */
  amounts(x: ProjectRef, y: ProjectRef): number {
    const ax = this.figures?.get(x);
    const ay = this.figures?.get(y);
    if (!ax || !ay) return 0.5;
    let lo = 0;
    let hi = 0;
    let same = true;
    for (let k = 0; k < Math.max(ax.length, ay.length); k++) {
      const u = Math.abs(ax[k] ?? 0);
      const v = Math.abs(ay[k] ?? 0);
      if (!amountsEqual(u, v)) same = false;
      lo += Math.min(u, v);
      hi += Math.max(u, v);
    }
    return same ? 1 : hi ? lo / hi : 1;
  }

  /** Every part of a pair's score. */
  score(x: ProjectRef, y: ProjectRef, name = this.name(x, y)): PairScore {
    const unit = this.unit(x, y);
    const section = this.section(x, y);
    const amounts = this.amounts(x, y);
    const total =
      WEIGHTS.name * name +
      WEIGHTS.unit * unit +
      WEIGHTS.section * section +
      WEIGHTS.amounts * amounts;
    return { name, unit, section, amounts, total };
  }
}
