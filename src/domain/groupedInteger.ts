/**
 * A whole amount written with thousands marks without Intl: `Intl.NumberFormat` costs a few
 * microseconds a call, and `planbook check` writes three figures in each of thousands of findings.
 */

/**
 * `n` (a safe integer, not -0) as `Intl.NumberFormat('vi-VN' | 'en-US')` writes it with grouping:
 * `-1.234.567` with `sep` '.', `-1,234,567` with ','; null for any other number (Intl then).
 */
export function groupedInteger(n: number, sep: string): string | null {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return null;
  const digits = String(n < 0 ? -n : n);
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
  return n < 0 ? `-${out}` : out;
}
