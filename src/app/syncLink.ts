/**
 * The link between an open workbook and a collaboration server: connecting is an explicit action
 * (server address, document name, token), remembered for the workbook so that it reconnects when
 * opened again; disconnecting stops syncing and keeps the workbook as it is.
 */
import { syncSettingKey } from '../storage/workbookLeftovers';
import type { WorkbookSession } from './session';
import { type SyncProblem, type SyncSettings, type SyncState, WorkbookSync } from './sync';

/** Where the link's settings are kept (the workbook store's settings). */
export interface SettingsStore {
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** The settings key of a workbook's link (named with the workbook's other leftovers). */
export const settingsKey = syncSettingKey;

export interface LinkView {
  sync: WorkbookSync | null;
  state: SyncState | null;
  /** Connecting now (the first answer of the server is awaited). */
  busy: boolean;
  /** Why the last connection failed. */
  problem: SyncProblem | null;
  detail: string;
  /** The settings of the last connection (to fill the form again). */
  settings: SyncSettings | null;
}

export class SyncLink {
  private view: LinkView = {
    sync: null,
    state: null,
    busy: false,
    problem: null,
    detail: '',
    settings: null,
  };
  private listeners = new Set<() => void>();
  private offSync: (() => void) | null = null;

  constructor(
    private readonly session: WorkbookSession,
    private readonly store: SettingsStore,
    private readonly options: { local: boolean; WebSocketPolyfill?: unknown } = { local: true },
  ) {}

  get snapshot(): LinkView {
    return this.view;
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(v: Partial<LinkView>): void {
    this.view = { ...this.view, ...v };
    for (const l of [...this.listeners]) l();
  }

  /** Reconnects a workbook connected before (when this tab may edit it). */
  async resume(): Promise<void> {
    const s = await this.store.getSetting<SyncSettings>(settingsKey(this.session.workbook.id));
    if (s && !this.session.readOnly) await this.connect(s);
  }

  /** Connects to a server; the problem when it cannot be done (nothing changed then). */
  async connect(settings: SyncSettings): Promise<SyncProblem | null> {
    await this.stop();
    this.set({ busy: true, problem: null, detail: '', settings });
    const sync = new WorkbookSync(this.session, settings, this.options);
    const problem = await sync.start();
    if (problem) {
      const detail = sync.snapshot.detail;
      await sync.close();
      this.set({ busy: false, problem, detail });
      return problem;
    }
    await this.store.setSetting(settingsKey(this.session.workbook.id), settings);
    this.offSync = sync.subscribe(() => this.set({ state: sync.snapshot }));
    this.set({ sync, state: sync.snapshot, busy: false });
    return null;
  }

  /** Stops syncing this workbook (it stays as it is here; the server keeps its copy). */
  async disconnect(): Promise<void> {
    await this.stop();
    await this.store.setSetting(settingsKey(this.session.workbook.id), null);
    this.set({ problem: null, detail: '' });
  }

  private async stop(): Promise<void> {
    const s = this.view.sync;
    this.offSync?.();
    this.offSync = null;
    if (s) {
      this.set({ sync: null, state: null });
      await s.close();
    }
  }

  /** Closes the connection (the workbook is being closed). */
  close(): void {
    void this.stop();
    this.listeners.clear();
  }
}
