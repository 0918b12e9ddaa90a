/**
 * Storage of documents (on @hocuspocus/extension-database) and the write gate: every update a
 * client sends is checked (a read-only connection's write is refused and logged; a write that
 * claims another author is refused) and appended to the store's log before the server applies
 * and acknowledges it. Snapshots are folded from the log when Hocuspocus stores the document.
 */
import { Database } from '@hocuspocus/extension-database';
import type {
  afterUnloadDocumentPayload,
  beforeSyncPayload,
  onConfigurePayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { isWritten, type Written } from '../domain/registers';
import type { Audit, PlanbookContext } from './audit';
import type { DocStore } from './store';

/** The writes (register values) an update carries. */
export function writesIn(update: Uint8Array): Written[] {
  const out: Written[] = [];
  for (const s of Y.decodeUpdate(update).structs) {
    if (!(s instanceof Y.Item)) continue;
    const c = s.content as { getContent?: () => unknown[] };
    if (s.content instanceof Y.ContentAny && c.getContent)
      for (const v of c.getContent()) if (isWritten(v)) out.push(v);
  }
  return out;
}

/** Thrown to refuse a message (Hocuspocus then closes that connection). */
export class Refused extends Error {
  readonly reason: string;
  constructor(message: string) {
    super(message);
    this.reason = message;
  }
}

/** How the store is shared. */
export interface PersistenceOptions {
  /** Every so often (ms), apply what other instances logged (0: one instance, never). */
  catchUpMs: number;
  /** Log lines younger than this stay after compaction, for the other instances (ms). */
  keepMs: number;
}

export class Persistence extends Database {
  extensionName = 'PlanbookPersistence';
  private readonly followers = new Map<string, { last: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly store: DocStore,
    private readonly audit: Audit,
    private readonly options: PersistenceOptions = { catchUpMs: 0, keepMs: 0 },
  ) {
    super({
      fetch: async ({ documentName }) => {
        const last = await store.lastId(documentName); // read first: later lines are re-applied
        const data = await store.load(documentName);
        if (options.catchUpMs) this.follow(documentName, last);
        return data;
      },
    });
  }

  /**
   * Compacts the log instead of encoding the whole document (which would stall the server for
   * a large plan): every change is in the log already, since it is logged before it is applied.
   */
  async onStoreDocument({ documentName, clientsCount }: onStoreDocumentPayload): Promise<void> {
    await this.store.compact(documentName, this.options.keepMs, clientsCount === 0);
  }

  /** Applies, every `catchUpMs`, the updates other instances logged for a loaded document. */
  private follow(name: string, last: number): void {
    this.unfollow(name);
    const f = {
      last,
      timer: setInterval(() => {
        void this.catchUp(name, f).catch((e: Error) =>
          console.error(`planbook: catching up ${name}: ${e.message}`),
        );
      }, this.options.catchUpMs),
    };
    f.timer.unref();
    this.followers.set(name, f);
  }

  private unfollow(name: string): void {
    const f = this.followers.get(name);
    if (f) clearInterval(f.timer);
    this.followers.delete(name);
  }

  private document: (name: string) => Y.Doc | undefined = () => undefined;

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.document = (name) => instance.documents.get(name);
  }

  private async catchUp(name: string, f: { last: number }): Promise<void> {
    const doc = this.document(name);
    if (!doc) return;
    const got = await this.store.since(name, f.last);
    f.last = got.last;
    // applied as if from another instance: no audit line here, no store, no re-publication
    for (const u of got.updates) Y.applyUpdate(doc, u, { source: 'redis' });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.unfollow(documentName);
  }

  async onDestroy(): Promise<void> {
    for (const name of [...this.followers.keys()]) this.unfollow(name);
  }

  async beforeSync({
    type,
    payload,
    connection,
    document,
    documentName,
    context,
  }: beforeSyncPayload<PlanbookContext>): Promise<void> {
    if (type !== 1 && type !== 2) return; // 0: a state vector, nothing written
    const { account } = context;
    if (connection.readOnly) {
      if (Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
      const tried = writesIn(payload);
      this.audit.add([
        {
          doc: documentName,
          at: Date.now(),
          account: account.id,
          unit: account.unit,
          kind: 'refused',
          detail: `${account.role} ${account.id} may only read ${documentName}`,
          after: JSON.stringify(tried.slice(0, 20).map((w) => w.v)),
        },
      ]);
      console.warn(
        `planbook: refused a write of ${account.id} (${account.role}, ${account.unit}) to ${documentName}`,
      );
      return; // Hocuspocus answers a read-only connection's update with "not applied"
    }
    const forged = writesIn(payload).find((w) => w.by !== account.id);
    if (forged) {
      this.audit.add([
        {
          doc: documentName,
          at: Date.now(),
          account: account.id,
          unit: account.unit,
          kind: 'refused',
          detail: `a write signed '${forged.by}' sent by ${account.id}`,
        },
      ]);
      throw new Refused('writes must carry their sender as author');
    }
    await this.store.append(documentName, payload);
  }
}
