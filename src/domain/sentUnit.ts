/**
 * Which unit a submission sent through the server comes from. The server certifies the sender's
 * unit from the account (its code, and its display name when the accounts give one); the unit
 * named inside the file is the sender's own words. A send is paired with the consolidation's
 * expected unit by the certified unit only, so a department cannot file figures under another
 * unit's name (`serverSubmissions.certify` says what becomes of a file stating another unit).
 */
import { matchUnit, sameUnit } from './consolidateUnits';

/** What the server certifies of a send's sender (see `server/submissions.ts`). */
export interface CertifiedSender {
  /** The account's unit code (`gtvt`). */
  unit: string;
  /** The unit's display name (`Sở Giao thông vận tải`); null/absent for older accounts. */
  unitName?: string | null;
  /** The account's display name. */
  name: string;
}

/**
 * The names the sender's unit is known by, most certain first: its display name and code; an
 * account without a display name (written before accounts carried one) is known by its code and
 * by the account's name (both set by the server's administrator, never by the sender).
 */
export function senderUnitNames(s: CertifiedSender): string[] {
  const names = s.unitName?.trim() ? [s.unitName.trim(), s.unit] : [s.unit, s.name];
  return names.filter((n) => n.trim());
}

/** The sender's unit as people read it: its display name, else its code. */
export const senderUnitLabel = (s: CertifiedSender): string => s.unitName?.trim() || s.unit;

/** The expected unit the certified sender is, or null (none of its names matches one). */
export function certifiedUnit(s: CertifiedSender, expected: readonly string[]): string | null {
  for (const n of senderUnitNames(s)) {
    const u = matchUnit(n, expected);
    if (u) return u;
  }
  return null;
}

/**
 * Whether the unit a file states is its sender's: one of the sender's names names it, or both
 * match the same expected unit (names compared as everywhere: case, diacritics, abbreviations).
 */
export function statedIsSender(
  stated: string,
  s: CertifiedSender,
  expected: readonly string[],
): boolean {
  if (senderUnitNames(s).some((n) => sameUnit(n, stated))) return true;
  const cert = certifiedUnit(s, expected);
  return !!cert && matchUnit(stated, expected) === cert;
}
