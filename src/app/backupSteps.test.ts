/**
 * A backup's copy prepared in steps (#20): its text is built a piece at a time (never the whole
 * workbook stringified at once), its text and hash are the old ones (tests/support/backupHashBefore.ts,
 * so copies taken before still compare), it is stored as that text and read back as the workbook;
 * copies stored before as workbooks read as they did; a failure on the way stores nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePlan } from '../domain/generate';
import type { Workbook } from '../domain/types';
import { BackupRepo } from '../storage/backups';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { copyTextBefore } from '../../tests/support/backupHashBefore';
import { backupsToKeep, DEFAULT_BACKUP_POLICY } from './backupPolicy';
import { Backups } from './backups';

afterEach(() => vi.restoreAllMocks());

const clock = () => {
  let t = new Date(2026, 11, 1, 9).getTime();
  return {
    now: () => (t += 1000),
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    idle: (fn: () => void) => fn(),
  };
};

function setup(name: string) {
  const db = openDb(name);
  const repo = new BackupRepo(db);
  const backups = new Backups(repo, new WorkbookRepo(db), DEFAULT_BACKUP_POLICY, clock());
  return { db, repo, backups };
}

const plan = (projects: number, seed: number): Workbook => ({
  ...generatePlan({ projects, seed }),
  updatedAt: 1_700_000_000_000 + seed,
});

describe('a backup copy prepared in steps', () => {
  it('has the old text and hash, is stored as that text and reads back as the workbook', async () => {
    const { db, backups } = setup('backup-steps-text');
    const stored = vi.spyOn(db.backupData, 'add');
    for (const [projects, seed] of [
      [0, 1],
      [40, 2],
      [1500, 3],
    ]) {
      const wb = plan(projects, seed);
      const old = await copyTextBefore(wb);
      const got = await backups.take(wb, 'open');
      expect(got).not.toBeNull();
      expect(got!.hash).toBe(old.hash);
      expect(got!.size).toBe(old.text.length);
      const rec = stored.mock.calls.at(-1)![0];
      expect(rec).toStrictEqual({ id: got!.id, json: rec.json, updatedAt: wb.updatedAt });
      expect(rec.json!.join('')).toBe(old.text);
      expect(rec.json!.length).toBeGreaterThan(projects > 1000 ? 1 : 0); // pieces, never joined
      const back = await backups.get(got!.id);
      expect(back!.snapshot).toStrictEqual(JSON.parse(JSON.stringify(wb)));
      expect(back!.snapshot.updatedAt).toBe(wb.updatedAt);
    }
  });

  it('never stringifies the whole workbook at once', async () => {
    const { backups } = setup('backup-steps-pieces');
    const wb = plan(800, 4);
    const stringify = vi.spyOn(JSON, 'stringify');
    await backups.take(wb, 'open');
    const whole = stringify.mock.calls.filter(([v]) => {
      const o = v as Record<string, unknown> | null;
      return !!o && typeof o === 'object' && ('sheets' in o || Array.isArray(o.rows));
    });
    expect(stringify.mock.calls.length).toBeGreaterThan(wb.sheets[0].rows.length);
    expect(whole).toStrictEqual([]);
  });

  it('reads copies stored before as workbooks as it did, and does not copy them again', async () => {
    const { repo, backups } = setup('backup-steps-old');
    const wb = plan(60, 5);
    const old = await copyTextBefore(wb);
    const at = new Date(2026, 10, 30).getTime();
    // a copy as the app stored it before: the workbook itself, the old hash
    const before = await repo.add(
      wb,
      { reason: 'edit', size: old.text.length, hash: old.hash, at },
      (all) => backupsToKeep(all, at, DEFAULT_BACKUP_POLICY),
    );
    expect((await backups.get(before!.id))!.snapshot).toStrictEqual(wb);
    expect(await backups.take(wb, 'close')).toBeNull(); // the same content: no second copy
    expect(await backups.list(wb.id)).toHaveLength(1);
  });

  it('stores nothing when the preparation fails on the way; earlier copies stay', async () => {
    const { backups } = setup('backup-steps-fail');
    const wb = plan(300, 6);
    const first = await backups.take(wb, 'open');
    const rows = wb.sheets[0].rows;
    const bad = rows.map((r, i) =>
      i === rows.length - 1 ? { ...r, cells: { ...r.cells, x: 1n as unknown as number } } : r,
    );
    const broken = { ...wb, sheets: [{ ...wb.sheets[0], rows: bad }] };
    await expect(backups.take(broken, 'edit')).rejects.toThrow(/BigInt/);
    const list = await backups.list(wb.id);
    expect(list.map((b) => b.id)).toStrictEqual([first!.id]);
    expect((await backups.get(first!.id))!.snapshot).toStrictEqual(JSON.parse(JSON.stringify(wb)));
  });
});
