import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { Workbook } from '../domain/types';
import { BackupRepo } from '../storage/backups';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { backupsToKeep, DEFAULT_BACKUP_POLICY } from './backupPolicy';
import { type BackedSession, Backups, type Clock } from './backups';
import type { SessionEvent } from './session';
import { PlanbookApp } from './services';

const HOUR = 3_600_000;
const plan = (amount = 100) =>
  makePlan({ rows: [['project', 0, 'Mạng LAN', { '2011:ĐTPT': amount }]] });
const amountOf = (wb: Workbook) => wb.sheets[0].rows[0].cells.y2011_dtpt;

/** A clock the test moves by hand; timers run when their time comes. */
function fakeClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++seq });
      return seq;
    },
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
    idle: (fn) => fn(),
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

/** A stand-in session: a workbook whose amount changes, and its step listeners. */
function fakeSession(wb: Workbook) {
  const listeners = new Set<(e: SessionEvent) => void>();
  const s = {
    workbook: wb,
    readOnly: false,
    subscribe: (fn: (e: SessionEvent) => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    edit(amount: number) {
      const sheet = s.workbook.sheets[0];
      const row = { ...sheet.rows[0], cells: { ...sheet.rows[0].cells, y2011_dtpt: amount } };
      s.workbook = { ...s.workbook, sheets: [{ ...sheet, rows: [row] }] };
      for (const l of listeners) l({ kind: 'do' } as unknown as SessionEvent);
    },
  };
  return s satisfies BackedSession;
}

describe('which backups are kept', () => {
  it('keeps the last 10 and the last copy of each of the last 7 days, within the size bound', () => {
    const now = new Date(2026, 10, 30, 18).getTime();
    // 4 copies a day (every 3 hours from 06:00) over 12 days
    const list = [];
    for (let d = 0; d < 12; d++)
      for (let k = 0; k < 4; k++) {
        const at = new Date(2026, 10, 30 - d, 6 + 3 * k).getTime();
        list.push({ id: `d${d}k${k}`, createdAt: at, size: 1000 });
      }
    const kept = backupsToKeep(list, now);
    // the 10 newest: today's 4, yesterday's 4, 2 of the day before; then days 2–6's last copies
    expect([...kept].sort()).toEqual(
      ['d0k0', 'd0k1', 'd0k2', 'd0k3', 'd1k0', 'd1k1', 'd1k2', 'd1k3', 'd2k2', 'd2k3']
        .concat(['d3k3', 'd4k3', 'd5k3', 'd6k3'])
        .sort(),
    );
    // nothing older than 7 days beyond the last 10
    expect([...kept].some((id) => /^d(7|8|9|1\d)/.test(id))).toBe(false);
    // the size bound drops the oldest first, the newest always stays
    const small = backupsToKeep(list, now, { ...DEFAULT_BACKUP_POLICY, maxBytes: 3500 });
    expect([...small].sort()).toEqual(['d0k1', 'd0k2', 'd0k3']);
    const huge = backupsToKeep([{ id: 'x', createdAt: now, size: 1e9 }], now);
    expect([...huge]).toEqual(['x']);
  });
});

describe('automatic backups', () => {
  it('lists copies taken in the same millisecond in the order they were taken', async () => {
    const db = openDb('backups-same-ms');
    const clock = fakeClock(new Date(2026, 10, 30, 9).getTime()); // never advanced
    const backups = new Backups(
      new BackupRepo(db),
      new WorkbookRepo(db),
      DEFAULT_BACKUP_POLICY,
      clock,
    );
    const reasons = ['open', 'edit', 'edit', 'close'] as const;
    for (let i = 0; i < 20; i++)
      await backups.take({ ...plan(100 + i), id: 'w-ms' }, reasons[i % 4]);
    const listed = (await backups.list('w-ms')).map((b) => b.reason);
    expect(listed).toEqual(Array.from({ length: listed.length }, (_, k) => reasons[(19 - k) % 4]));
  });

  it('copies on open, after N edits, N minutes after an edit and on close; never the same twice', async () => {
    const db = openDb('backups-rolling');
    const clock = fakeClock(new Date(2026, 10, 30, 9).getTime());
    const policy = { ...DEFAULT_BACKUP_POLICY, everySteps: 5, everyMs: 60_000 };
    const backups = new Backups(new BackupRepo(db), new WorkbookRepo(db), policy, clock);
    const s = fakeSession(plan());
    const detach = backups.attach(s);
    await backups.settled();
    expect((await backups.list(s.workbook.id)).map((b) => b.reason)).toEqual(['open']);
    // 4 edits: no copy yet; a minute later the timer copies
    for (let i = 1; i <= 4; i++) s.edit(100 + i);
    await backups.settled();
    expect(await backups.list(s.workbook.id)).toHaveLength(1);
    clock.advance(60_000);
    await backups.settled();
    expect((await backups.list(s.workbook.id)).map((b) => b.reason)).toEqual(['edit', 'open']);
    // 5 edits copy at once
    clock.advance(1000);
    for (let i = 1; i <= 5; i++) s.edit(200 + i);
    await backups.settled();
    const afterSteps = await backups.list(s.workbook.id);
    expect(afterSteps).toHaveLength(3);
    // an edit then close: one more copy; closing with nothing new copies nothing
    clock.advance(1000);
    s.edit(300);
    detach();
    await backups.settled();
    const all = await backups.list(s.workbook.id);
    expect(all.map((b) => b.reason)).toEqual(['close', 'edit', 'edit', 'open']);
    const amounts = [];
    for (const b of all) amounts.push(amountOf((await new BackupRepo(db).get(b.id))!.snapshot));
    expect(amounts).toEqual([300, 205, 104, 100]);
    // the same content is not copied twice
    await backups.take(s.workbook, 'open');
    expect(await backups.list(s.workbook.id)).toHaveLength(4);
    // a read-only session (another tab edits) is not copied
    const ro = fakeSession({ ...plan(999), id: 'w-other' });
    ro.readOnly = true;
    backups.attach(ro)();
    await backups.settled();
    expect(await backups.list(ro.workbook.id)).toHaveLength(0);
  });

  it('keeps a rolling set bounded in number and size over weeks of editing', async () => {
    const db = openDb('backups-bounds');
    const clock = fakeClock(new Date(2026, 10, 1, 8).getTime());
    const size = JSON.stringify({ ...plan(), updatedAt: 0 }).length;
    const policy = { ...DEFAULT_BACKUP_POLICY, maxBytes: size * 15 };
    const backups = new Backups(new BackupRepo(db), new WorkbookRepo(db), policy, clock);
    const wb = plan();
    for (let day = 0; day < 20; day++) {
      for (let k = 0; k < 6; k++) {
        const row = { ...wb.sheets[0].rows[0], cells: { y2011_dtpt: day * 10 + k } };
        await backups.take({ ...wb, sheets: [{ ...wb.sheets[0], rows: [row] }] }, 'edit');
        clock.advance(HOUR);
      }
      clock.advance(18 * HOUR);
    }
    const kept = await backups.list(wb.id);
    expect(kept.length).toBeLessThanOrEqual(15);
    expect(kept.reduce((n, b) => n + b.size, 0)).toBeLessThanOrEqual(size * 15);
    // the 10 newest (days 19 and 18) and the last copy of days 13–17 (the week of the last copy)
    const amounts = [];
    for (const b of kept) amounts.push(amountOf((await new BackupRepo(db).get(b.id))!.snapshot));
    expect(amounts).toEqual([
      195, 194, 193, 192, 191, 190, 185, 184, 183, 182, 175, 165, 155, 145, 135,
    ]);
    // the copies dropped are gone from both tables
    expect(await db.backupData.count()).toBe(kept.length);
  });
});

describe('restoring a backup', () => {
  it('as a new workbook, or over the workbook after copying what it holds now', async () => {
    const app = new PlanbookApp('backups-restore');
    const id = await app.createFromImport(plan(100));
    const opened = (await app.open(id))!;
    const s = opened.session;
    const sheetId = s.workbook.sheets[0].id;
    const rowId = s.workbook.sheets[0].rows[0].id;
    const set = (v: number) =>
      s.dispatch(
        { type: 'setCells', sheetId, changes: [{ rowId, colId: 'y2011_dtpt', value: v }] },
        'edit',
      );
    expect(set(250).ok).toBe(true);
    await s.whenSaved();
    opened.close();
    await app.backups.settled();
    const [closed, first] = await app.backups.list(id);
    expect([closed.reason, first.reason]).toEqual(['close', 'open']);

    // as a new workbook: the first copy's figures, a title saying so, the same lineage
    const copyId = (await app.backups.restoreAsNew(first.id, ' (khôi phục)'))!;
    const copy = (await app.repo.load(copyId))!.workbook;
    expect(copy.meta.title).toBe(`${s.workbook.meta.title} (khôi phục)`);
    expect(amountOf(copy)).toBe(100);
    expect(copy.lineage).toBe(id);
    expect(copy.sheets[0].id).not.toBe(sheetId);
    expect(amountOf((await app.repo.load(id))!.workbook)).toBe(250);

    // over the workbook (Node has no Web Locks: the refusal while another tab edits is not tested here)
    expect(await app.restoreBackupOver(first.id)).toEqual({ ok: true });
    await app.backups.settled();
    expect(amountOf((await app.repo.load(id))!.workbook)).toBe(100);
    // what it held (250) is still among the backups
    const after = await app.backups.list(id);
    const held = [];
    for (const b of after) held.push(amountOf((await app.backups.get(b.id))!.snapshot));
    expect(held).toContain(250);
    expect(held[0]).toBe(100);

    // a deleted workbook comes back from its backup under its own id
    await app.remove(id);
    expect(await app.repo.load(id)).toBeUndefined();
    const gone = (await app.backups.list(id))[0];
    expect(await app.restoreBackupOver(gone.id)).toEqual({ ok: true });
    expect(amountOf((await app.repo.load(id))!.workbook)).toBe(100);

    // the user may delete a workbook's backups to free space: the workbook stays
    const n = (await app.backups.list(id)).length;
    expect(await app.backups.removeAll(id)).toBe(n);
    expect(await app.backups.list(id)).toEqual([]);
    expect(amountOf((await app.repo.load(id))!.workbook)).toBe(100);
  });
});
