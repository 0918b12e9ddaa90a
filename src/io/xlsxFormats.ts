/**
 * The shown text of the commonest cells without SheetJS's formatter (SSF), exactly as SSF gives it:
 * text and booleans in General, and whole numbers in `#,##0`, `0` and their two-section forms
 * (`#,##0;[Red]\-#,##0`, `0;(0)` …). A streamed .xlsx that uses only these needs no SheetJS at all.
 */

/** An integer with comma thousands (`#,##0`, as SSF renders whole numbers). */
export function grouped(v: number): string {
  const s = String(Math.abs(v));
  if (s.length <= 3) return v < 0 ? `-${s}` : s;
  let head = s.length % 3 || 3;
  let out = s.slice(0, head);
  for (; head < s.length; head += 3) out += `,${s.slice(head, head + 3)}`;
  return v < 0 ? `-${out}` : out;
}

/** Whether SSF treats the format as General (its name, in any case, at the start). */
export const isGeneral = (fmt: string): boolean =>
  fmt.length >= 7 &&
  (fmt.charCodeAt(0) | 32) === 103 && // g or G: most formats are told apart without a new string
  fmt.slice(0, 7).toLowerCase() === 'general';

const COLOR = '(?:\\[(?:Black|Blue|Cyan|Green|Magenta|Red|White|Yellow)\\])?';
/** `pos;neg` with pos `#,##0` or `0`, neg the same after a colour, between ( ) or after a minus. */
const TWO = new RegExp(`^(#,##0|0);${COLOR}(?:(\\\\-|-)|(\\())?(#,##0|0)(\\))?$`);

type Section = { grouped: boolean; before: string; after: string };
const sections = new Map<string, [Section, Section] | null>();

function twoSections(fmt: string): [Section, Section] | null {
  let s = sections.get(fmt);
  if (s !== undefined) return s;
  const m = TWO.exec(fmt);
  s =
    m && Boolean(m[3]) === Boolean(m[5])
      ? [
          { grouped: m[1] === '#,##0', before: '', after: '' },
          { grouped: m[4] === '#,##0', before: m[2] ? '-' : m[3] ? '(' : '', after: m[5] ?? '' },
        ]
      : null;
  if (sections.size < 1000) sections.set(fmt, s);
  return s;
}

/** Whole numbers this module renders (SSF's own limits for exact digits kept well away). */
const plainInt = (v: number) => Number.isInteger(v) && Math.abs(v) < 1e15 && !Object.is(v, -0);

/**
 * The text SSF shows `v` as in format `fmt` (format id `id`), when this module knows it;
 * undefined otherwise (the caller asks SSF).
 */
export function knownText(
  id: number,
  fmt: string,
  v: number | string | boolean,
): string | undefined {
  if (id === 0 || isGeneral(fmt)) {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return (v | 0) === v ? v.toString(10) : undefined;
  }
  if (typeof v !== 'number' || !plainInt(v)) return undefined;
  if (fmt === '#,##0') return grouped(v);
  if (fmt === '0') return String(v);
  const two = twoSections(fmt);
  if (!two) return undefined;
  const sec = v < 0 ? two[1] : two[0];
  const a = Math.abs(v);
  return sec.before + (sec.grouped ? grouped(a) : String(a)) + sec.after;
}
