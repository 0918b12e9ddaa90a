/**
 * Row id → index maps, cached per row list (row lists are immutable: a new list gets a new map).
 * A list that is a recent list with a few rows inserted, removed or replaced in one stretch (a
 * structural step) gets an index read through the recent one's (#20: 100,000 rows, a new
 * 100,000-entry map per step cost ~20-30 ms; the derived one costs the changed stretch).
 */
import type { Id, Row } from './types';

const cache = new WeakMap<readonly Row[], Map<Id, number>>();

/** The rows two lists share at their start (`head`) and at their end (`tail`), same objects. */
export interface CommonEnds {
  head: number;
  tail: number;
}

/**
 * The longest run of the same row objects at the start of both lists, and then at their end (the
 * two never overlap): what lies between is what a step changed.
 */
export function commonEnds(a: readonly Row[], b: readonly Row[]): CommonEnds {
  const n = Math.min(a.length, b.length);
  let head = 0;
  while (head < n && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}

/** How many derived indexes may be stacked before one is built afresh (lookups walk the stack). */
const MAX_DEPTH = 8;

/**
 * The index of `rows`, read through the index of an earlier list `base` of which `rows` keeps
 * `head` rows at the start and `tail` at the end (same ids at the same distance from either end):
 * only the rows between are indexed anew. A `Map` for its readers; one that walks or changes it
 * gets the whole map built first.
 */
class DerivedIndex extends Map<Id, number> {
  readonly depth: number;
  private readonly mid = new Map<Id, number>();
  private readonly baseEnd: number;
  private readonly shift: number;
  private full: Map<Id, number> | undefined;

  constructor(
    private readonly base: ReadonlyMap<Id, number>,
    baseLength: number,
    private readonly rows: readonly Row[],
    private readonly head: number,
    tail: number,
  ) {
    super();
    this.depth = (base instanceof DerivedIndex ? base.depth : 0) + 1;
    this.baseEnd = baseLength - tail;
    this.shift = rows.length - baseLength;
    for (let i = head; i < rows.length - tail; i++) this.mid.set(rows[i].id, i);
  }

  override get(id: Id): number | undefined {
    if (this.full) return this.full.get(id);
    const m = this.mid.get(id);
    if (m !== undefined) return m;
    const k = this.base.get(id);
    if (k === undefined) return undefined;
    if (k < this.head) return k;
    return k >= this.baseEnd ? k + this.shift : undefined;
  }

  override has(id: Id): boolean {
    return this.get(id) !== undefined;
  }

  /** The whole map (for the rare reader that walks or changes it). */
  private all(): Map<Id, number> {
    if (!this.full) {
      const full = new Map<Id, number>();
      for (let i = 0; i < this.rows.length; i++) full.set(this.rows[i].id, i);
      this.full = full;
    }
    return this.full;
  }

  override get size(): number {
    return this.full ? this.full.size : this.rows.length;
  }
  override set(id: Id, i: number): this {
    this.all().set(id, i);
    return this;
  }
  override delete(id: Id): boolean {
    return this.all().delete(id);
  }
  override clear(): void {
    this.all().clear();
  }
  override forEach(f: (value: number, key: Id, map: Map<Id, number>) => void): void {
    this.all().forEach((v, k) => f(v, k, this));
  }
  override entries(): MapIterator<[Id, number]> {
    return this.all().entries();
  }
  override keys(): MapIterator<Id> {
    return this.all().keys();
  }
  override values(): MapIterator<number> {
    return this.all().values();
  }
  override [Symbol.iterator](): MapIterator<[Id, number]> {
    return this.all()[Symbol.iterator]();
  }
}

/** Lists recently indexed (newest last), from which a list derived from one of them is indexed. */
const recent: WeakRef<readonly Row[]>[] = [];
const RECENT = 4;

/** An index of `rows` read through a recent list's, when `rows` changed little of it. */
function derived(rows: readonly Row[]): Map<Id, number> | undefined {
  for (let k = recent.length - 1; k >= 0; k--) {
    const a = recent[k].deref();
    const base = a && cache.get(a);
    if (!a || !base || Math.abs(a.length - rows.length) > rows.length / 4) continue;
    const { head, tail } = commonEnds(a, rows);
    const changed = rows.length - head - tail;
    if (changed > rows.length / 4 || changed > 5_000) continue;
    if (base instanceof DerivedIndex && base.depth >= MAX_DEPTH) return undefined;
    return new DerivedIndex(base, a.length, rows, head, tail);
  }
  return undefined;
}

/** The index of every row id in `rows` (computed once per list; an index reads it through). */
export function indexOfRows(rows: readonly Row[]): Map<Id, number> {
  let m = cache.get(rows);
  if (!m) {
    // small lists: a map is as cheap as looking for a recent one
    m = rows.length > 1_000 ? derived(rows) : undefined;
    if (!m) {
      const full = new Map<Id, number>();
      for (let i = 0; i < rows.length; i++) full.set(rows[i].id, i);
      m = full;
    }
    cache.set(rows, m);
    remember(rows);
  }
  return m;
}

/** Keeps a large indexed list among the recent ones. */
function remember(rows: readonly Row[]): void {
  if (rows.length <= 1_000) return;
  recent.push(new WeakRef(rows));
  if (recent.length > RECENT) recent.shift();
}

/** `to` has the same ids in the same order as `from`: it shares its index. */
export function shareIndex(from: readonly Row[], to: readonly Row[]): void {
  const m = cache.get(from);
  if (!m) return;
  if (!cache.has(to)) remember(to);
  cache.set(to, m);
}
