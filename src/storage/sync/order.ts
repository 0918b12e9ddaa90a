/**
 * Ordered id lists (sheets, rows of a sheet) as Yjs arrays. Concurrent inserts from two people
 * both land; a row moved by two people at once may appear twice, and readers keep its first
 * place. Writing an order keeps the longest run of ids already in place and moves the others, so
 * an edit that moves one row does not rewrite the list.
 */
import type * as Y from 'yjs';

/** The ids of an order, each once (first place wins), keeping only those `exists` accepts. */
export function readOrder(arr: Y.Array<string>, exists: (id: string) => boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of arr.toArray()) {
    if (seen.has(id) || !exists(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** Indices (into `xs`) of a longest strictly increasing subsequence of `xs`. */
export function longestIncreasing(xs: readonly number[]): number[] {
  const tails: number[] = []; // index in xs of the smallest tail of each length
  const prev = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(i);
  return out.reverse();
}

/** Makes the array read `want` with few deletes and inserts (call inside a transaction). */
export function writeOrder(arr: Y.Array<string>, want: readonly string[]): void {
  const have = arr.toArray();
  const pos = new Map<string, number>();
  want.forEach((id, i) => pos.set(id, i));
  const candidates: number[] = []; // indices into `have` of first occurrences of wanted ids
  const seen = new Set<string>();
  have.forEach((id, i) => {
    if (pos.has(id) && !seen.has(id)) {
      seen.add(id);
      candidates.push(i);
    }
  });
  const run = longestIncreasing(candidates.map((i) => pos.get(have[i])!));
  const stay = new Set(run.map((k) => candidates[k]));
  // delete everything else, from the end, in contiguous ranges
  for (let i = have.length - 1; i >= 0;) {
    if (stay.has(i)) {
      i--;
      continue;
    }
    let j = i;
    while (j - 1 >= 0 && !stay.has(j - 1)) j--;
    arr.delete(j, i - j + 1);
    i = j - 1;
  }
  const kept = have.filter((_, i) => stay.has(i));
  // insert the missing ids between the kept ones
  let at = 0;
  for (let i = 0; i < want.length;) {
    if (at < kept.length && kept[at] === want[i]) {
      at++;
      i++;
      continue;
    }
    let j = i;
    while (j < want.length && !(at < kept.length && kept[at] === want[j])) j++;
    // the array now reads want[0..i) then the kept ids not yet passed: insert at i
    arr.insert(i, want.slice(i, j));
    i = j;
  }
}
