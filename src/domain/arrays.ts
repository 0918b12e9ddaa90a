/** Array helpers safe at any size. */

/**
 * Appends every item of `items` to `target` (in place) and returns it. `target.push(...items)`
 * passes each item as an argument and overflows the stack past about 100,000 items (a 100,000-
 * project plan's lines); this loop does not.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}
