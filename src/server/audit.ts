/**
 * The audit trail: who changed which cell from what to what, and when, read from every change a
 * client's connection makes to a document (the account is the authenticated one, never what the
 * write claims). Rows added and removed, re-shaped rows, sheets, the meta and plain grid sheets
 * are recorded too, and so are the conflicts (two values kept) and their settling.
 */
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { RegisterIndex } from '../domain/registerIndex';
import { parseRegister, registerKey, SEP, splitSlot, type Written } from '../domain/registers';
import type { Account } from './accounts';
import type { AuditRow, DocStore } from './store';
import { appendAll } from '../domain/arrays';

/** What a connection's context holds once authenticated. */
export interface PlanbookContext {
  account: Account;
  access: 'read' | 'write';
}

/** Above this many rows added or removed in one change, one summary line is recorded. */
const BULK = 200;

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

function rowLabel(v: unknown): string | null {
  const cells = (v as { cells?: Record<string, unknown> } | undefined)?.cells;
  const name = cells?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * A plain sheet's row and column positions by id, as texts, read from its orders in the document
 * (`gr␟id`, `gc␟id`: see `storage/sync/gridSync.ts`); null: a sheet of format 1 (by position).
 */
function gridPlaces(doc: Y.Doc, index: RegisterIndex, gridId: string) {
  const head = index.value<{ cells?: unknown }>(registerKey({ kind: 'grid', gridId }));
  if (!head || Array.isArray(head.cells)) return null;
  const at = (name: string, exists: (id: string) => boolean) => {
    const m = new Map<string, string>();
    for (const id of doc.getArray<string>(`${name}${SEP}${gridId}`).toArray())
      if (!m.has(id) && exists(id)) m.set(id, String(m.size));
    return m;
  };
  return {
    rows: at(
      'gr',
      (rowId) => index.heads(registerKey({ kind: 'gridRow', gridId, rowId })).length > 0,
    ),
    cols: at('gc', () => true),
  };
}

/** Audit lines of one transaction's changes to the register map (the index is brought along). */
export function auditLines(
  doc: string,
  index: RegisterIndex,
  map: Y.Map<unknown>,
  keys: Iterable<string>,
  who: Account,
  at: number,
): AuditRow[] {
  const byReg = new Map<string, string[]>();
  for (const k of keys) {
    const s = splitSlot(k);
    if (!s) continue;
    const list = byReg.get(s.register) ?? [];
    list.push(k);
    byReg.set(s.register, list);
  }
  const out: AuditRow[] = [];
  const added: AuditRow[] = [];
  const plain: AuditRow[] = [];
  const removed: AuditRow[] = [];
  const base = { doc, at, account: who.id, unit: who.unit };
  for (const [reg, slotKeys] of byReg) {
    const r = parseRegister(reg);
    if (!r) continue;
    const before = index.heads(reg);
    const fresh: Written[] = [];
    for (const k of slotKeys) {
      const v = map.get(k);
      index.apply(k, v);
      if (v !== undefined) fresh.push(v as Written);
    }
    const after = index.heads(reg);
    const where = {
      sheet: 'sheetId' in r ? r.sheetId : 'gridId' in r ? r.gridId : null,
      row: 'rowId' in r ? r.rowId : null,
      col: 'colId' in r ? r.colId : null,
    };
    if (r.kind === 'cell' || r.kind === 'gridCell') {
      for (const w of fresh)
        (r.kind === 'gridCell' ? plain : out).push({
          ...base,
          ...where,
          kind: w.seen.length > 1 ? 'settle' : 'cell',
          before: json(w.was ?? null),
          after: json(w.v),
          clientAt: w.at,
        });
    } else if (r.kind === 'row' || r.kind === 'gridRow') {
      if (!before.length && after.length)
        added.push({
          ...base,
          ...where,
          kind: 'row+',
          after: json(after[0].v),
          detail: rowLabel(after[0].v),
        });
      else if (before.length && !after.length)
        removed.push({
          ...base,
          ...where,
          kind: 'row-',
          before: json(before[0].v),
          detail: rowLabel(before[0].v),
        });
      else
        for (const w of fresh)
          out.push({
            ...base,
            ...where,
            kind: 'row',
            before: json(before[0]?.v),
            after: json(w.v),
            clientAt: w.at,
          });
    } else {
      const name = (x: Written | undefined) =>
        (x?.v as { name?: string } | undefined)?.name ?? null;
      out.push({
        ...base,
        ...where,
        kind: r.kind,
        detail: after.length ? (before.length ? 'changed' : 'added') : 'removed',
        before: r.kind === 'meta' ? json(before[0]?.v) : name(before[0]),
        after: r.kind === 'meta' ? json(after[0]?.v) : name(after[0]),
      });
    }
    if (after.length > 1)
      out.push({
        ...base,
        ...where,
        kind: 'conflict',
        after: json(after.map((w) => ({ v: w.v, by: w.by, at: w.at }))),
      });
  }
  // a plain sheet's cell: its 0-based row and column when written, as texts (the grid's ids)
  const places = new Map<string, ReturnType<typeof gridPlaces>>();
  for (const line of plain) {
    const g = line.sheet!;
    if (!places.has(g)) places.set(g, map.doc ? gridPlaces(map.doc, index, g) : null);
    const p = places.get(g);
    const row = p?.rows.get(line.row!);
    const col = p?.cols.get(line.col!);
    out.push(row === undefined || col === undefined ? line : { ...line, row, col });
  }
  for (const [list, kind] of [
    [added, 'row+'],
    [removed, 'row-'],
  ] as const) {
    if (list.length > BULK)
      out.push({ ...base, kind, sheet: list[0].sheet, detail: `${list.length} rows` });
    else appendAll(out, list);
  }
  return out;
}

/** The extension that keeps the audit trail of every document a client changes. */
export class Audit implements Extension {
  extensionName = 'PlanbookAudit';
  private pending: AuditRow[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly store: DocStore) {}

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const index = new RegisterIndex();
    const map = document.getMap<unknown>('reg');
    map.forEach((v, k) => index.apply(k, v));
    map.observe((event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
      const origin = tr.origin as { source?: string; connection?: { context?: PlanbookContext } };
      const account =
        origin?.source === 'connection' ? origin.connection?.context?.account : undefined;
      if (!account) {
        // not a client of this server (another instance through Redis, a load): index only
        for (const k of event.keysChanged) index.apply(k, map.get(k));
        return;
      }
      this.add(auditLines(documentName, index, map, event.keysChanged, account, Date.now()));
    });
  }

  /** Queues lines for the store (written in order, in batches). */
  add(rows: AuditRow[]): void {
    if (!rows.length) return;
    appendAll(this.pending, rows);
    this.flushing ??= Promise.resolve().then(() => this.flush());
  }

  /** Writes every queued line. */
  async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, 500);
      try {
        await this.store.addAudit(batch);
      } catch (e) {
        console.error('planbook: audit lines not written:', (e as Error).message);
      }
    }
    this.flushing = null;
  }
}
