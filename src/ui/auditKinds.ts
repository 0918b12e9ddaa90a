/** How the audit trail's kinds of line read in the app (`domain/auditKinds.ts`). */
import { type AuditKind, isAuditKind } from '../domain/auditKinds';
import type { T } from './i18n';
import type { StringKey } from './strings';

const KEYS: Record<AuditKind, StringKey> = {
  cell: 'auditKind_cell',
  settle: 'auditKind_settle',
  conflict: 'auditKind_conflict',
  'row+': 'auditKind_rowAdded',
  'row-': 'auditKind_rowRemoved',
  row: 'auditKind_row',
  sheet: 'auditKind_sheet',
  meta: 'auditKind_meta',
  grid: 'auditKind_grid',
  refused: 'auditKind_refused',
  denied: 'auditKind_denied',
  submit: 'auditKind_submit',
  fetch: 'auditKind_fetch',
};

/** A kind of audit line in the language of `t`; a kind this app does not know, as written. */
export function auditKindLabel(kind: string, t: T): string {
  return isAuditKind(kind) ? t(KEYS[kind]) : kind;
}
