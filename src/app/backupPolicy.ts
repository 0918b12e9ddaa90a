/**
 * Which automatic backups of a workbook to keep, and when to take one. Pure: the storage layer
 * applies the answer in the same transaction that adds a copy.
 */
import type { Id } from '../domain/types';

export interface BackupPolicy {
  /** The newest copies always kept (whatever their day). */
  keepLast: number;
  /** One copy per calendar day (the day's last) is kept for this many days, today included. */
  days: number;
  /** Bound on the sum of the kept copies' sizes per workbook (JSON code units, about bytes). */
  maxBytes: number;
  /** A copy after this many edits… */
  everySteps: number;
  /** …or this long (ms) after the first edit not yet copied. */
  everyMs: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  keepLast: 10,
  days: 7,
  maxBytes: 25_000_000,
  everySteps: 50,
  everyMs: 5 * 60_000,
};

const DAY = 86_400_000;

/** A local calendar day (the user's days, not UTC's). */
function dayKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/**
 * The ids to keep among a workbook's copies: the `keepLast` newest, plus the newest of each of the
 * last `days` days; then, newest first, as many as fit in `maxBytes` (the newest copy is always
 * kept, however large).
 */
export function backupsToKeep(
  list: readonly { id: Id; createdAt: number; size: number }[],
  now: number,
  p: Pick<BackupPolicy, 'keepLast' | 'days' | 'maxBytes'> = DEFAULT_BACKUP_POLICY,
): Set<Id> {
  const sorted = [...list].sort((a, b) => b.createdAt - a.createdAt);
  const wanted = new Set(sorted.slice(0, p.keepLast).map((b) => b.id));
  const days = new Set<string>();
  for (let i = 0; i < p.days; i++) days.add(dayKey(now - i * DAY));
  const seenDay = new Set<string>();
  for (const b of sorted) {
    const k = dayKey(b.createdAt);
    if (!days.has(k) || seenDay.has(k)) continue;
    seenDay.add(k);
    wanted.add(b.id);
  }
  const out = new Set<Id>();
  let bytes = 0;
  for (const b of sorted) {
    if (!wanted.has(b.id)) continue;
    if (out.size && bytes + b.size > p.maxBytes) continue;
    out.add(b.id);
    bytes += b.size;
  }
  return out;
}

/** A short hash of a text (FNV-1a, 2 × 32 bits): equal copies are recognised without comparing. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
