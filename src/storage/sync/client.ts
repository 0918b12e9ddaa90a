/**
 * A workbook connected to a collaboration server: the shared document, its Hocuspocus provider
 * (reconnects by itself; edits made meanwhile are kept and sent on reconnection), optionally a
 * copy in this browser's IndexedDB (y-indexeddb) so the workbook opens and works offline, and
 * presence (who is in the workbook, on which cell).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { withFormat } from '../../domain/syncFormat';
import { type CertifiedPeople, readPeopleMessage } from '../../domain/syncPeople';
import type { Id } from '../../domain/types';
import type { WorkbookBase } from './project';
import { SharedWorkbook } from './sharedWorkbook';

/** Where a workbook is shared: the server, the document's name, the person's token. */
export interface SyncTarget {
  url: string;
  document: string;
  token: string;
}

export interface CellRef {
  sheetId: Id;
  rowId: Id;
  colId: Id;
}

/** Someone in the workbook (as the server vouches for them) and the cell they are on. */
export interface Presence {
  clientId: number;
  self: boolean;
  user: { id: string; name: string; unit?: string; role?: string };
  cell: CellRef | null;
}

export type SyncStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface SyncClientOptions {
  base: WorkbookBase;
  /** Name of this browser's copy in IndexedDB (absent: no local copy, e.g. in Node). */
  local?: string;
  /** A WebSocket class where the platform has none (Node 20). */
  WebSocketPolyfill?: unknown;
  now?: () => number;
}

/** The claims a token carries (read, not verified: the server verifies); {} when unreadable. */
function tokenClaims(token: string): { sub?: unknown; exp?: unknown } {
  try {
    const p = token.split('.')[1] ?? '';
    return JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/'))) as object;
  } catch {
    return {};
  }
}

/** The account id a token names (read, not verified: the server verifies). */
export function tokenAccount(token: string): string {
  const sub = tokenClaims(token).sub;
  return typeof sub === 'string' ? sub : '';
}

/** Whether the token says it has expired by `now` (ms; read, not verified). */
export function tokenExpired(token: string, now = Date.now()): boolean {
  const exp = tokenClaims(token).exp;
  return typeof exp === 'number' && exp * 1000 <= now;
}

export class SyncClient {
  readonly doc = new Y.Doc();
  readonly shared: SharedWorkbook;
  readonly provider: HocuspocusProvider;
  readonly local: IndexeddbPersistence | null;
  status: SyncStatus = 'connecting';
  /** Why the server refused the connection (when status is 'refused'). */
  refusal = '';
  /** Who this person and the document's people are, as the server last certified (null: not yet). */
  certified: CertifiedPeople | null = null;
  private listeners = new Set<() => void>();

  constructor(
    readonly target: SyncTarget,
    options: SyncClientOptions,
  ) {
    this.shared = new SharedWorkbook(this.doc, {
      author: tokenAccount(target.token),
      base: options.base,
      now: options.now,
    });
    this.local = options.local ? new IndexeddbPersistence(options.local, this.doc) : null;
    this.provider = new HocuspocusProvider({
      // the server refuses a client of another document format (`domain/syncFormat.ts`)
      url: withFormat(target.url),
      name: target.document,
      token: target.token,
      document: this.doc,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      onStatus: ({ status }) => {
        if (this.status === 'refused') return;
        this.status =
          status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline';
        this.notify();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.status = 'refused';
        this.refusal = reason;
        this.notify();
      },
      onSynced: () => this.notify(),
      onUnsyncedChanges: () => this.notify(),
      onAwarenessChange: () => this.notify(),
      onStateless: ({ payload }) => {
        const people = readPeopleMessage(payload);
        if (!people) return;
        this.certified = people;
        this.notify();
      },
    });
  }

  /** Listens to status, sync and presence changes; returns the unsubscribe. */
  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Whether the server lets this person only read (their edits would be refused). */
  get readOnly(): boolean {
    return this.provider.authorizedScope === 'readonly';
  }

  /** Whether every local edit was acknowledged by the server (stored there). */
  get saved(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  /** Resolves once connected, synced and every local edit acknowledged (rejects on refusal). */
  whenSaved(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => done(new Error('not saved in time')), timeoutMs);
      const check = () => {
        if (this.status === 'refused') done(new Error(`refused: ${this.refusal}`));
        else if (this.status === 'online' && this.saved) done(null);
      };
      const off = this.subscribe(check);
      const done = (e: Error | null) => {
        clearTimeout(t);
        off();
        if (e) reject(e);
        else resolve();
      };
      check();
    });
  }

  /** Works offline (edits are kept and sent when back online). */
  goOffline(): void {
    this.provider.disconnect();
  }

  /** Connects again. */
  async goOnline(): Promise<void> {
    await this.provider.connect();
  }

  /** Tells the others who this is and which cell they are on (null: none). */
  setPresence(user: Presence['user'], cell: CellRef | null): void {
    this.provider.setAwarenessField('user', user);
    this.provider.setAwarenessField('cell', cell);
  }

  /** Everyone in the workbook now, this person first. */
  presence(): Presence[] {
    const aw = this.provider.awareness;
    if (!aw) return [];
    const out: Presence[] = [];
    for (const [clientId, s] of aw.getStates()) {
      const state = s as { user?: Presence['user']; cell?: CellRef | null };
      if (!state.user) continue;
      out.push({
        clientId,
        self: clientId === this.doc.clientID,
        user: state.user,
        cell: state.cell ?? null,
      });
    }
    return out.sort((a, b) => Number(b.self) - Number(a.self) || a.clientId - b.clientId);
  }

  /** Disconnects and lets go of everything (the local copy stays in IndexedDB). */
  async destroy(): Promise<void> {
    this.shared.destroy();
    this.provider.destroy();
    await this.local?.destroy();
    this.doc.destroy();
  }
}
