/**
 * Every kind of line the collaboration server writes to its audit trail (`server/audit.ts`,
 * `persistence.ts`, `server.ts`, `submissions.ts`); the app words each one (`ui/auditKinds.ts`).
 */
export const AUDIT_KINDS = [
  /** A cell's value written. */
  'cell',
  /** A conflict on a cell settled (one value kept for everyone). */
  'settle',
  /** Two values of one cell kept (written concurrently). */
  'conflict',
  /** A row added / removed / re-shaped. */
  'row+',
  'row-',
  'row',
  /** A sheet added, renamed or removed; the workbook's meta; a plain grid sheet. */
  'sheet',
  'meta',
  'grid',
  /** A write outside the account's rights. */
  'refused',
  /** A connection refused (no token, expired, no right). */
  'denied',
  /** A submission file sent through the server / fetched by the consolidating department. */
  'submit',
  'fetch',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Whether a word read back from the trail is a known kind. */
export const isAuditKind = (k: string): k is AuditKind =>
  (AUDIT_KINDS as readonly string[]).includes(k);
