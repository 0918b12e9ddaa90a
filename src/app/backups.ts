/**
 * Automatic backups: a copy of each workbook on open, after every `everySteps` edits or
 * `everyMs` after the first edit not yet copied, and on close; kept in a rolling set
 * (`backupPolicy.ts`) and restorable as a new workbook or over the workbook (after a copy of what
 * it holds now, so nothing saved is lost).
 */
import { newId } from '../domain/ids';
import type { Id, Workbook } from '../domain/types';
import type { BackupRecord } from '../storage/db';
import type { BackupRepo, BackupSummary } from '../storage/backups';
import type { WorkbookRepo } from '../storage/repo';
import {
  type BackupPolicy,
  backupsToKeep,
  contentHash,
  DEFAULT_BACKUP_POLICY,
} from './backupPolicy';
import { inSteps, whenIdle } from './inSteps';
import { JsonSteps } from './jsonSteps';
import { restoreCommand } from './restore';
import type { WorkbookSession } from './session';

export type { BackupSummary };

/** What a session needs to be backed up (the open workbook, its steps, whether it may write). */
export type BackedSession = Pick<WorkbookSession, 'workbook' | 'readOnly' | 'subscribe'>;

/** Timers, replaceable in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
  /** Runs `fn` when the page is idle (a copy never delays an edit on screen). */
  idle(fn: () => void): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (t) => globalThis.clearTimeout(t as ReturnType<typeof setTimeout>),
  idle: (fn) => void whenIdle(fn, 2000),
};

/**
 * A copy's JSON text (`updatedAt` 0: a copy equal but for its date is the same) and its hash:
 * SHA-256 of the text's UTF-8 where the platform has it (native, off the page), else a 64-bit FNV
 * hash. The text is built and encoded in steps between the page's turns (#20: one task of
 * 240–370 ms CPU at 100,000 projects before).
 */
export async function copyText(
  wb: Workbook,
): Promise<{ parts: string[]; length: number; hash: string }> {
  const json = new JsonSteps({ ...wb, updatedAt: 0 });
  await inSteps(json.step);
  const { parts, length } = json;
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return { parts, length, hash: contentHash(json.text) };
  const d = new Uint8Array(await subtle.digest('SHA-256', json.bytes));
  const hash = Array.from(d.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return { parts, length, hash };
}

/** Why a restore over the workbook did not happen. */
export type RestoreProblem = 'missing' | 'busy' | 'refused' | 'storage';

/** Opens a workbook for editing (the app's `open`): the restore writes through a session. */
export type Opener = (id: Id) => Promise<{ session: WorkbookSession; close(): void } | undefined>;

export class Backups {
  private chain: Promise<unknown> = Promise.resolve();
  private listeners = new Set<() => void>();
  /** Copies asked for and waiting for an idle moment. */
  private waiting = 0;

  constructor(
    private readonly repo: BackupRepo,
    private readonly workbooks: WorkbookRepo,
    readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
    private readonly clock: Clock = realClock,
  ) {}

  /**
   * Takes a copy of a workbook unless it equals the newest one; drops the copies the policy no
   * longer keeps in the same transaction. Copies are taken one after the other.
   */
  take(wb: Workbook, reason: BackupRecord['reason']): Promise<BackupSummary | null> {
    const run = this.chain.then(async () => {
      const last = await this.repo.latest(wb.id);
      // opened unchanged since the last copy of a session: nothing to serialise (a workbook stored
      // by an import or re-created after a removal may carry an older date: it is compared)
      const fromSession = last && !['beforeRemove', 'beforeImport'].includes(last.reason);
      if (reason === 'open' && fromSession && wb.updatedAt <= last.createdAt) return null;
      const { parts, length, hash } = await copyText(wb);
      if (last?.hash === hash) return null;
      // strictly after the newest copy: two copies in one millisecond keep the order they were taken
      const now = Math.max(this.clock.now(), last ? last.createdAt + 1 : 0);
      // stored as its text (strings: the write copies them, where a workbook's objects took
      // 400–460 ms CPU to clone at 100,000 projects)
      const got = await this.repo.add(
        wb,
        { reason, size: length, hash, at: now, json: parts },
        (all) => backupsToKeep(all, now, this.policy),
      );
      for (const l of [...this.listeners]) l();
      return got;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Every copy (of every workbook, those deleted included), newest first. */
  list(workbookId?: Id): Promise<BackupSummary[]> {
    return this.repo.list(workbookId);
  }

  /** One copy with its workbook; undefined when it is gone. */
  get(id: Id): Promise<{ summary: BackupSummary; snapshot: Workbook } | undefined> {
    return this.repo.get(id);
  }

  /** Deletes every copy of a workbook (the user frees space); the workbook itself is untouched. */
  async removeAll(workbookId: Id): Promise<number> {
    const ids = (await this.repo.list(workbookId)).map((b) => b.id);
    await this.repo.remove(ids);
    for (const l of [...this.listeners]) l();
    return ids.length;
  }

  /** Calls back after each copy taken. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves once every copy asked for so far is stored (or failed). */
  async settled(): Promise<unknown> {
    while (this.waiting > 0) await new Promise((r) => setTimeout(r, 10));
    return this.chain;
  }

  /**
   * Backs up an open session: a copy now, then after `everySteps` edits or `everyMs` after the
   * first edit not yet copied, and one when detached (the workbook is closed). A read-only
   * session (another tab edits) is not copied: the tab that edits copies it.
   */
  attach(session: BackedSession): () => void {
    let steps = 0;
    let timer: unknown = null;
    /** Copies waiting for an idle moment, in order (run at once when the workbook closes). */
    const queued = new Set<() => void>();
    const copy = (reason: BackupRecord['reason'], now = false) => {
      if (timer !== null) this.clock.clearTimeout(timer);
      timer = null;
      steps = 0;
      if (session.readOnly) return;
      // the workbook as it is now (steps replace it, never change it), copied when the page is idle
      const wb = session.workbook;
      const go = () => void this.take(wb, reason).catch(() => undefined); // full: the banner says so
      for (const q of [...queued]) q(); // earlier copies first
      if (now) return go();
      this.waiting++;
      const job = () => {
        if (!queued.delete(job)) return;
        this.waiting--;
        go();
      };
      queued.add(job);
      this.clock.idle(job);
    };
    copy('open');
    const off = session.subscribe((e) => {
      if (e.kind === 'reload') return;
      steps++;
      if (steps >= this.policy.everySteps) copy('edit');
      else if (timer === null)
        timer = this.clock.setTimeout(() => copy('edit'), this.policy.everyMs);
    });
    return () => {
      off();
      for (const q of [...queued]) q();
      if (steps > 0) copy('close', true);
      else if (timer !== null) this.clock.clearTimeout(timer);
    };
  }

  /**
   * A copy restored as a new workbook (fresh workbook and sheet ids, the same lineage, so it
   * compares with the workbook row by row); the title gets `suffix`. The new workbook's id.
   */
  async restoreAsNew(backupId: Id, suffix: string): Promise<Id | undefined> {
    const got = await this.repo.get(backupId);
    if (!got) return undefined;
    const s = got.snapshot;
    const now = this.clock.now();
    const wb: Workbook = {
      ...structuredClone(s),
      id: newId('w'),
      lineage: s.lineage ?? s.id,
      meta: { ...structuredClone(s.meta), title: `${s.meta.title}${suffix}` },
      sheets: s.sheets.map((sh) => ({ ...structuredClone(sh), id: newId('s') })),
      createdAt: now,
      updatedAt: now,
    };
    await this.workbooks.create(wb);
    return wb.id;
  }

  /**
   * A copy restored over its workbook, as one step through an editing session (refused while
   * another tab edits it): what the workbook holds now is copied first. A workbook deleted since
   * is created again under its own id.
   */
  async restoreOver(
    backupId: Id,
    open: Opener,
  ): Promise<{ ok: true } | { ok: false; problem: RestoreProblem }> {
    const got = await this.repo.get(backupId);
    if (!got) return { ok: false, problem: 'missing' };
    const snap = got.snapshot;
    if (!(await this.workbooks.revision(snap.id))) {
      await this.workbooks.create({ ...structuredClone(snap), updatedAt: this.clock.now() });
      return { ok: true };
    }
    const opened = await open(snap.id);
    if (!opened) return { ok: false, problem: 'missing' };
    try {
      if (opened.session.readOnly) return { ok: false, problem: 'busy' };
      await this.take(opened.session.workbook, 'beforeRestore');
      const r = opened.session.dispatch(restoreCommand(opened.session.workbook, snap), 'restore');
      if (!r.ok) return { ok: false, problem: 'refused' };
      await opened.session.whenSaved();
      if (opened.session.storageFailure || opened.session.saveState !== 'saved')
        return { ok: false, problem: 'storage' };
      return { ok: true };
    } finally {
      opened.close();
    }
  }
}
