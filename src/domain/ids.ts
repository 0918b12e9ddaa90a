/** Short random ids for rows, columns, sheets and workbooks. */
export function newId(prefix = ''): string {
  const c = globalThis.crypto;
  const raw =
    c && 'randomUUID' in c
      ? c.randomUUID().replace(/-/g, '').slice(0, 16)
      : Math.random().toString(36).slice(2, 18);
  return prefix + raw;
}
