/**
 * The write-ahead record: every change is kept synchronously (localStorage in the browser) in the
 * same task as the edit, before its IndexedDB transaction commits, and dropped once committed. A
 * tab killed in between leaves the record, which the next open replays.
 */
import type { Id } from '../domain/types';
import type { StoredChange } from './repo';

/** One change waiting for its commit: the revision it applies to and the change. */
export interface AheadEntry {
  seq: number;
  baseRev: number;
  change: StoredChange;
}

export interface WriteAhead {
  put(workbookId: Id, e: AheadEntry): void;
  remove(workbookId: Id, seq: number): void;
  /** The entries of a workbook not yet dropped, oldest first. */
  pending(workbookId: Id): AheadEntry[];
  /** Drops every entry of a workbook (it was deleted or replaced: nothing of it is to replay). */
  drop(workbookId: Id): void;
  /** The workbooks having entries. */
  workbooks(): Id[];
}

/** A change as kept: sheet headers without their rows (the rows that changed are listed). */
function slim(ch: StoredChange): StoredChange {
  if (!ch.sheets) return ch;
  return { ...ch, sheets: ch.sheets.map((s) => ({ ...s, rows: [] })) };
}

interface KeyValue {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
  key(i: number): string | null;
  readonly length: number;
}

function memory(): KeyValue {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

const PREFIX = 'planbook-ahead:';

/** The write-ahead record over localStorage (in memory where there is none, as in Node). */
export function writeAhead(store: KeyValue | null = globalThis.localStorage ?? null): WriteAhead {
  const kv = store ?? memory();
  const key = (id: Id, seq: number) => `${PREFIX}${id}:${String(seq).padStart(12, '0')}`;
  return {
    put(id, e) {
      try {
        kv.setItem(key(id, e.seq), JSON.stringify({ ...e, change: slim(e.change) }));
      } catch {
        // storage full or refused: the IndexedDB write still runs; only the replay is lost
      }
    },
    remove(id, seq) {
      kv.removeItem(key(id, seq));
    },
    pending(id) {
      return keysOf(kv, `${PREFIX}${id}:`)
        .sort()
        .flatMap((k) => {
          try {
            return [JSON.parse(kv.getItem(k) ?? '') as AheadEntry];
          } catch {
            return [];
          }
        });
    },
    drop(id) {
      for (const k of keysOf(kv, `${PREFIX}${id}:`)) kv.removeItem(k);
    },
    workbooks() {
      // a key is PREFIX, the workbook id, ':' and the sequence number
      const ids = keysOf(kv, PREFIX).map((k) => k.slice(PREFIX.length, k.lastIndexOf(':')));
      return [...new Set(ids)];
    },
  };
}

/** The keys of a store starting with a prefix. */
function keysOf(kv: KeyValue, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < kv.length; i++) {
    const k = kv.key(i);
    if (k?.startsWith(prefix)) out.push(k);
  }
  return out;
}
