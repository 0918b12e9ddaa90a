/**
 * A workbook session connected to a collaboration server. Each step the session applies is
 * written into the shared document (`storage/sync`); each change that arrives from there becomes
 * a step of the session (`syncSteps.ts`), never an undo step of this user. The browser keeps a
 * copy of the shared document in IndexedDB, so the workbook keeps working offline and sends what
 * was done meanwhile when the server is back.
 */
import type { GridMoves } from '../domain/gridMoves';
import type { Workbook } from '../domain/types';
import { syncDatabaseName } from '../storage/workbookLeftovers';
import { type Divergence, divergences } from './divergence';
import { keepLocalPlain, type PlainDivergence } from './plainDivergence';
import {
  type CellRef,
  type Presence,
  SyncClient,
  type SyncStatus,
  tokenAccount,
} from '../storage/sync/client';
import type { WorkbookSession } from './session';
import { type AuditEntry, type AuditQuery, fetchAudit } from './syncAudit';
import { detailOf, firstSync, refusalOf, type SyncProblem } from './syncProblems';
import { NameBook, type NamedConflict } from './syncNames';
import type { SyncSettings } from './syncShared';
import { remoteCommand } from './syncSteps';

export { type Divergence, divergences } from './divergence';
export type { SyncProblem } from './syncProblems';
export type { AuditEntry } from './syncAudit';
export { fetchShared, httpOf, type SyncSettings } from './syncShared';

/** What the UI shows of the connection. */
export interface SyncState {
  status: SyncStatus | 'starting';
  /** Every edit of this browser is stored on the server. */
  saved: boolean;
  /** The server lets this person only read. */
  readOnly: boolean;
  /** The account id. */
  account: string;
  /** This person's name as the server certified it (the account id until it has). */
  accountName: string;
  problem: SyncProblem | null;
  detail: string;
  presence: Presence[];
  /** Each write with its writer's display name (`who`; the account id when none is known). */
  conflicts: NamedConflict[];
  /** Cells this browser's store and its copy of the shared document disagree on (see `start`). */
  divergent: Divergence[];
}

export interface SyncOptions {
  /** Keep a copy in IndexedDB (the browser); false in Node tests. */
  local: boolean;
  WebSocketPolyfill?: unknown;
}

export class WorkbookSync {
  readonly client: SyncClient;
  private last: Workbook;
  private applying = false;
  private divergent: Divergence[] = [];
  /** The server lets this person only read, so the session was made read-only here. */
  private madeReadOnly = false;
  private listeners = new Set<() => void>();
  private offs: (() => void)[] = [];
  private state: SyncState;
  private names: NameBook;

  constructor(
    private readonly session: WorkbookSession,
    readonly settings: SyncSettings,
    options: SyncOptions,
  ) {
    const wb = session.workbook;
    this.last = wb;
    this.names = new NameBook(settings.url);
    this.client = new SyncClient(
      { url: settings.url, document: settings.document, token: settings.token },
      {
        base: { id: wb.id, createdAt: wb.createdAt, updatedAt: wb.updatedAt },
        local: options.local ? syncDatabaseName(wb.id) : undefined,
        WebSocketPolyfill: options.WebSocketPolyfill,
      },
    );
    this.state = this.read(null, '');
    this.offs.push(this.client.subscribe(() => this.changed()));
  }

  /**
   * Connects: resolves once the workbook follows the shared document, or with the problem. A
   * document holding nothing yet receives this workbook; one holding this workbook (the same
   * lineage: shared from here, or opened from there) is followed; another one is refused.
   */
  async start(): Promise<SyncProblem | null> {
    await this.client.local?.whenSynced;
    let shared = this.client.shared.workbook;
    // both copies are written at each step, in two databases: if the page died between the two
    // writes, they disagree; the shared copy is followed and the other values are shown, not lost
    if (shared) this.divergent = divergences(this.session.workbook, shared);
    if (!shared) {
      const outcome = await firstSync(this.client);
      if (outcome) return this.fail(outcome, detailOf(this.client, outcome));
      shared = this.client.shared.workbook;
      const mine = this.session.workbook;
      if (shared && shared.lineage !== (mine.lineage ?? mine.id))
        return this.fail('documentNotEmpty', this.settings.document);
      if (!shared) {
        this.client.shared.publish({ ...mine, lineage: mine.lineage ?? mine.id });
        this.client.shared.adopt(mine);
      }
    }
    if (shared && !this.follow(shared)) return this.fail('notApplied', '');
    this.offs.push(
      this.session.subscribe(() => this.onLocal()),
      this.client.shared.onChange((_kind, _before, after, moves) => {
        if (!this.follow(after, moves)) this.fail('notApplied', '');
      }),
    );
    if (this.client.readOnly && !this.session.readOnly) {
      this.session.readOnly = true;
      this.madeReadOnly = true;
    }
    this.changed();
    return null;
  }

  private fail(problem: SyncProblem, detail: string): SyncProblem {
    this.state = this.read(problem, detail);
    this.emit();
    return problem;
  }

  /**
   * Brings the session to what the shared document shows (`moves`: plain sheets' rows and columns
   * moved, which this user's undo steps follow); false when a step was refused.
   */
  private follow(target: Workbook, moves?: GridMoves): boolean {
    const cmd = remoteCommand(this.session.workbook, target);
    if (cmd || moves?.size) {
      this.applying = true;
      try {
        const r = this.session.applyRemote(cmd, moves);
        if (!r.ok) {
          console.error('planbook: a change from the server was refused', r.refusals);
          return false;
        }
      } finally {
        this.applying = false;
      }
    }
    this.last = this.session.workbook;
    this.client.shared.adopt(this.last);
    this.changed();
    return true;
  }

  private onLocal(): void {
    const now = this.session.workbook;
    if (!this.applying && now !== this.last) this.client.shared.commit(this.last, now);
    this.last = now;
  }

  /** Tells the others which cell this person is on (the server names this person to them). */
  setCell(cell: CellRef | null): void {
    const id = tokenAccount(this.settings.token);
    this.client.setPresence({ id, name: this.names.who(id) }, cell);
  }

  /** Keeps one of the values of a conflict (or another value) for everyone. */
  settle(key: string, value: unknown): void {
    this.client.shared.settle(key, value);
  }

  /** Settles a divergence: this browser's value as a new step (`keepLocal`), or the shared one. */
  resolveDivergence(d: Divergence, keepLocal: boolean): void {
    this.divergent = this.divergent.filter((x) => x !== d);
    if (keepLocal && d.plain)
      this.session.dispatch(keepLocalPlain(d as PlainDivergence), 'setCells');
    else if (keepLocal)
      this.session.dispatch(
        {
          type: 'setCells',
          sheetId: d.sheetId,
          changes: [{ rowId: d.rowId, colId: d.colId, value: d.local }],
        },
        'setCells',
      );
    this.changed();
  }

  goOffline(): void {
    this.client.goOffline();
  }

  goOnline(): void {
    void this.client.goOnline();
  }

  /** The audit trail of the document (or of one cell), newest first, writers named. */
  audit(q: AuditQuery = {}): Promise<AuditEntry[] | string> {
    return fetchAudit(this.settings, q, this.names);
  }

  get snapshot(): SyncState {
    return this.state;
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private read(problem: SyncProblem | null, detail: string): SyncState {
    const c = this.client;
    const certified = c.certified;
    if (certified) this.names.learn([certified.self, ...certified.people]);
    const presence = c.presence();
    this.names.learn(presence.filter((p) => !p.self).map((p) => p.user));
    const account = tokenAccount(this.settings.token);
    return {
      status: problem === null && c.status === 'connecting' ? 'starting' : c.status,
      saved: c.saved,
      readOnly: c.readOnly,
      account,
      accountName: this.names.who(account),
      problem,
      detail,
      presence: this.names.presence(presence, certified?.self ?? null),
      conflicts: this.names.named(c.shared.conflicts()),
      divergent: this.divergent ?? [],
    };
  }

  private changed(): void {
    // refused on a reconnection (the token expired meanwhile): said, as on the first connection
    const refused = this.client.status === 'refused' && !this.state?.problem;
    const { problem, detail } = refused
      ? refusalOf(this.client)
      : { problem: this.state?.problem ?? null, detail: this.state?.detail ?? '' };
    this.state = this.read(problem, detail);
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Stops following the server (the local copy stays). */
  async close(): Promise<void> {
    if (this.madeReadOnly) this.session.readOnly = false;
    for (const off of this.offs) off();
    this.offs = [];
    this.listeners.clear();
    await this.client.destroy();
  }
}
