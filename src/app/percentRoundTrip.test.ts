/**
 * A percent cell (Plan_2014 M01's deficit row: 0.053 under `0.0%`, `Row.percent`) survives every
 * way a workbook is kept: the IndexedDB rows, a named version, a backup stored as JSON text, and
 * the `.planbook` file; a file written before the field reads as before (no percent).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../domain/types';
import { parsePlanbook, serializePlanbook } from '../io/planbookFile';
import { readPlanFile } from '../io/readPlan';
import '../io/sheetJsEager';
import { BackupRepo } from '../storage/backups';
import { openDb } from '../storage/db';
import { WorkbookRepo } from '../storage/repo';
import { RevisionRepo } from '../storage/revisions';

const plan = (): Workbook =>
  readPlanFile('Plan_2014.xls', readFileSync('fixtures/mof/Plan_2014.xls')).workbook;

/** The percent cells of a workbook: row id → its `percent`. */
const percents = (wb: Workbook) =>
  wb.sheets.flatMap((s) => s.rows.filter((r) => r.percent).map((r) => [r.id, r.percent]));

describe('percent cells kept', () => {
  it('through the database, a version and a backup', async () => {
    const wb = plan();
    const want = percents(wb);
    expect(want).toEqual([[expect.any(String), { y2014_total: 1 }]]);
    const db = openDb('percent-round-trip');
    const repo = new WorkbookRepo(db);
    await repo.create(wb);
    expect(percents((await repo.load(wb.id))!.workbook)).toEqual(want);
    const revs = new RevisionRepo(db);
    const v = await revs.add(wb.id, wb, { name: 'Dự thảo' });
    expect(percents((await revs.get(v.id))!.snapshot)).toEqual(want);
    const backups = new BackupRepo(db);
    const json = JSON.stringify(wb);
    const b = await backups.add(wb, { reason: 'edit', size: 1, hash: 'h', json: [json] }, (all) => {
      return new Set(all.map((x) => x.id));
    });
    expect(percents((await backups.get(b!.id))!.snapshot)).toEqual(want);
  });

  it('through the .planbook file; an older file without it reads as before', () => {
    const wb = plan();
    const text = serializePlanbook(wb);
    const back = parsePlanbook(text);
    expect(back.ok && percents(back.workbook)).toEqual(percents(wb));
    const old = JSON.parse(text) as { workbook: Workbook };
    for (const s of old.workbook.sheets) for (const r of s.rows) delete r.percent;
    const read = parsePlanbook(JSON.stringify(old));
    expect(read.ok && percents(read.workbook)).toEqual([]);
    // a damaged percent (not a count of decimals) is refused, not read
    const bad = JSON.parse(text) as { workbook: Workbook };
    bad.workbook.sheets.find((s) => s.name === 'M01')!.rows.find((r) => r.percent)!.percent = {
      y2014_total: -1,
    };
    expect(parsePlanbook(JSON.stringify(bad)).ok).toBe(false);
  });
});
