/**
 * The server's audit trail of a shared document (or of one cell), each line naming its writer
 * by the account's name the server gives, else by a name it certified before (`NameBook`).
 */
import type { NameBook } from './syncNames';
import { httpOf, type SyncSettings } from './syncShared';

/** One line of the server's audit trail. */
export interface AuditEntry {
  id: number;
  at: number;
  account: string;
  /** The account's display name (null: the server never gave one; show the account id). */
  name: string | null;
  unit: string;
  kind: string;
  sheet: string | null;
  row: string | null;
  col: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

/** Which lines: a cell's (sheet, row, column), or all; as CSV text for a download. */
export interface AuditQuery {
  sheet?: string;
  row?: string;
  col?: string;
  csv?: boolean;
}

/** The audit trail, newest first (CSV text when asked); throws with the server's answer. */
export async function fetchAudit(
  settings: SyncSettings,
  q: AuditQuery,
  names: NameBook,
): Promise<AuditEntry[] | string> {
  const p = new URLSearchParams({ doc: settings.document });
  if (q.sheet) p.set('sheet', q.sheet);
  if (q.row) p.set('row', q.row);
  if (q.col) p.set('col', q.col);
  if (q.csv) p.set('format', 'csv');
  const res = await fetch(`${httpOf(settings.url)}/audit?${p}`, {
    headers: { Authorization: `Bearer ${settings.token}` },
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  if (q.csv) return await res.text();
  const rows = (await res.json()) as (Omit<AuditEntry, 'name'> & { name?: string | null })[];
  names.learn(rows.flatMap((r) => (r.name ? [{ id: r.account, name: r.name }] : [])));
  return rows.map((r) => ({ ...r, name: r.name || names.known(r.account) }));
}
