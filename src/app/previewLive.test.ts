/**
 * Live totals computed in the import preview's worker (#20): the figures the worker names, cleared
 * on the page, give the very workbook live totals computed on the page give, for every fixture and
 * the MoF corpus as the page holds them (through the worker's wire), and after corrections and
 * ignored rows made as the preview makes them; the confirm then computes nothing, and figures
 * computed on another plan are never applied (the confirm computes them itself).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bytesOf,
  inProcessWorker,
  loadedPreview,
  PREVIEW_FILES,
} from '../../tests/support/previewKit';
import { liveTotals, valuesEachTime } from '../domain/liveFollow';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';
import type { PlanReading } from '../io/readPlan';
import { fromWire, toWire } from '../io/readingWire';
import { dropRows, type PreviewFix, rereadRow, retypeColumn, type RowReading } from './importFixes';
import { liveCells, withLiveCells, withLiveTotals } from './liveImport';
import { openPreview } from './previewSession';
import { type PreviewAsk, PreviewWork } from './previewWork';
import { PlanbookApp } from './services';

const FILES = PREVIEW_FILES;

/** The worker's reading as the page holds it (the wire the worker posts it through). */
const onThePage = (r: PlanReading): Workbook => fromWire(toWire(r).wire).workbook;

/** The plan the preview confirms: each correction on the sheet it shows, then ignored rows dropped. */
function confirmedByPreview(wb: Workbook, fixes: PreviewFix[], ignored: string[]): Workbook {
  for (const f of fixes) {
    const sheet = wb.sheets[0];
    const next =
      f.kind === 'column'
        ? retypeColumn(sheet, f.colId, f.fix)
        : rereadRow(sheet, f.rowId, f.reading);
    wb = { ...wb, sheets: [next, ...wb.sheets.slice(1)] };
  }
  const sheet = wb.sheets[0];
  return { ...wb, sheets: [dropRows(sheet, new Set(ignored)), ...wb.sheets.slice(1)] };
}

/** Each row's cells, by sheet (what live totals change). */
const figures = (wb: Workbook) => wb.sheets.map((s) => s.rows.map((r) => [r.id, r.cells]));

const READINGS: RowReading[] = ['section', 'project', 'total', 'ofWhich', 'ratio'];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('live totals computed in the preview’s worker', () => {
  it('equal those computed on the page, for every fixture and the MoF corpus as read', async () => {
    let cleared = 0;
    let files = 0;
    for (const f of FILES) {
      const got = await loadedPreview(f);
      if (!got) continue; // a file the reader refuses has no preview
      const { work } = got;
      const a = work.live(7, [], []);
      if (a.kind !== 'live') throw new Error(`${f}: ${JSON.stringify(a)}`);
      expect(a.seq).toBe(7);
      const page = onThePage(got.reading);
      const live = withLiveTotals(page);
      expect(withLiveCells(page, a.live), f).toStrictEqual(live);
      // the values followed where figures are cleared: as computed in full each time
      if (/mof/.test(f))
        live.sheets.forEach((s, k) => {
          const full = liveTotals(
            page.sheets[k],
            valuesEachTime((x) => PlainValues.of(x)?.values() ?? engineValues(page, x)),
          );
          expect(s, f).toStrictEqual(full);
        });
      cleared += Object.values(a.live.cells).reduce((n, c) => n + c.length, 0);
      files++;
    }
    expect(files).toBeGreaterThan(40);
    expect(cleared).toBeGreaterThan(1000); // 1,104 in the MoF and provincial fixtures alone
  }, 600_000);

  it('equal those computed on the page after corrections and ignored rows, as the preview makes them', async () => {
    const plans = FILES.filter((f) => /quang-tri|provincial|Final_2008/.test(f)).slice(0, 5);
    expect(plans.length).toBeGreaterThan(3);
    for (const f of plans) {
      const got = await loadedPreview(f);
      if (!got?.reading.workbook.sheets[0]) continue;
      const { work } = got;
      const read = onThePage(got.reading);
      const rows = read.sheets[0].rows.map((r) => r.id);
      const fixes = fc.array(
        fc.record({
          kind: fc.constant('row' as const),
          rowId: fc.constantFrom(...rows),
          reading: fc.constantFrom(...READINGS),
        }),
        { maxLength: 3 },
      );
      let seq = 0;
      fc.assert(
        fc.property(fixes, fc.subarray(rows, { maxLength: 3 }), (fx, ignored) => {
          const a = work.live(++seq, fx, ignored);
          if (a.kind !== 'live') throw new Error(JSON.stringify(a));
          const wb = confirmedByPreview(read, fx, ignored);
          expect(withLiveCells(wb, a.live), f).toStrictEqual(withLiveTotals(wb));
        }),
        { numRuns: 6 },
      );
    }
  }, 300_000);

  it('are never applied to another plan: the confirm then computes them, the same as ever', async () => {
    const f = 'fixtures/mof/Final_2008.xls';
    const work = new PreviewWork();
    const got = await work.read({ name: f, bytes: bytesOf(f) });
    if (got.kind !== 'done') throw new Error('read');
    await work.load();
    const a = work.live(1, [], []);
    if (a.kind !== 'live') throw new Error('live');
    expect(Object.keys(a.live.cells).length).toBeGreaterThan(0);
    // the officer ignored a project row after the figures were computed
    const read = onThePage(got.reading);
    const project = read.sheets[0].rows.find((r) => r.kind === 'project' && !r.part)!;
    const other = confirmedByPreview(read, [], [project.id]);
    expect(withLiveCells(other, a.live)).toBeNull();
    const app = new PlanbookApp('preview-live-other');
    const stored = await app.repo.load(await app.createFromImport(other, true, a.live));
    expect(figures(stored!.workbook)).toStrictEqual(figures(withLiveTotals(other)));
    // a cell named that this plan does not state
    const named = Object.entries(a.live.cells)[0];
    const bogus = { ...a.live, cells: { [named[0]]: [{ rowId: project.id, key: 'nothing' }] } };
    expect(withLiveCells(read, bogus)).toBeNull();
  });

  it('are computed in the worker once; the confirm computes no value on the page', async () => {
    const asks: PreviewAsk[] = [];
    const work = new PreviewWork();
    const { FakeWorker, side } = inProcessWorker(work, asks);
    const onPage: string[] = [];
    const of = PlainValues.of.bind(PlainValues);
    vi.spyOn(PlainValues, 'of').mockImplementation((s) => {
      if (!side.inWorker) onPage.push('PlainValues.of');
      return of(s);
    });
    const load = vi.spyOn(PlanEngine.prototype, 'loadWorkbook');
    vi.stubGlobal('Worker', FakeWorker);
    const h = await openPreview('Final_2008.xls', bytesOf('fixtures/mof/Final_2008.xls'));
    await h.totals;
    const ahead = h.liveAfter([], []); // asked while the preview is shown
    const app = new PlanbookApp('preview-live-worker');
    const id = await app.createFromImport(h.reading.workbook, true, await h.liveAfter([], []));
    expect(await ahead).toBe(await h.liveAfter([], []));
    expect(onPage).toStrictEqual([]);
    expect(load).not.toHaveBeenCalled();
    expect(asks.map((x) => x.kind)).toStrictEqual(['read', 'totals', 'live']);
    vi.restoreAllMocks();
    const stored = await app.repo.load(id);
    const live = withLiveTotals(h.reading.workbook);
    expect(live).not.toBe(h.reading.workbook); // figures were cleared
    expect(figures(stored!.workbook)).toStrictEqual(figures(live));
    h.close();
    await expect(h.liveAfter([], ['x'])).rejects.toThrow('closed');
  });

  it('are computed on the page where there is no worker, with the same figures', async () => {
    vi.stubGlobal('Worker', undefined);
    const h = await openPreview('Final_2008.xls', bytesOf('fixtures/mof/Final_2008.xls'));
    const wb = h.reading.workbook;
    expect(await h.liveAfter([], [])).toStrictEqual(liveCells(wb));
    expect(withLiveCells(wb, await h.liveAfter([], []))).toStrictEqual(withLiveTotals(wb));
  });
});

/** A sheet's values from the engine, built with the workbook's other sheets. */
function engineValues(wb: Workbook, s: Workbook['sheets'][number]) {
  const engine = new PlanEngine();
  engine.loadWorkbook({ ...wb, sheets: wb.sheets.map((x) => (x.id === s.id ? s : x)) });
  return engine.values(s.id);
}
