/**
 * The import preview's totals computed in its worker (#20): the figures the preview showed when it
 * computed them on the page (tests/support/previewTotalsBefore.ts, the whole engine built), for
 * every fixture and the MoF corpus as read, and after generated corrections made as the preview
 * made them; and the page, given a worker, computes none of them.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bytesOf,
  inProcessWorker,
  loadedPreview,
  PREVIEW_FILES,
} from '../../tests/support/previewKit';
import { leaves } from '../domain/columns';
import type { Workbook } from '../domain/types';
import { PlanEngine } from '../engine/engine';
import { PlainValues } from '../engine/plainValues';
import { engineTotals } from '../../tests/support/previewTotalsEngine';
import {
  type ColumnFix,
  type PreviewFix,
  rereadRow,
  retypeColumn,
  type RowReading,
} from './importFixes';
import { openPreview } from './previewSession';
import type { PreviewTotals } from './previewTotals';
import { type PreviewAsk, PreviewWork } from './previewWork';

const FILES = PREVIEW_FILES;

/** -0 and 0 read alike (the preview formats both as 0). */
const zeroed = (t: Pick<PreviewTotals, 'total' | 'bySource'>) => ({
  total: t.total === null ? null : t.total || 0,
  bySource: Object.fromEntries(Object.entries(t.bySource).map(([s, v]) => [s, v || 0])),
});

/** The plan as the preview corrected it before (each correction on the sheet it showed). */
function correctedBefore(wb: Workbook, fixes: PreviewFix[]): Workbook {
  for (const f of fixes) {
    const sheet = wb.sheets[0];
    wb = {
      ...wb,
      sheets: [
        f.kind === 'column'
          ? retypeColumn(sheet, f.colId, f.fix)
          : rereadRow(sheet, f.rowId, f.reading),
        ...wb.sheets.slice(1),
      ],
    };
  }
  return wb;
}

const ROLES: ColumnFix['role'][] = ['number', 'name', 'amount', 'stated', 'notes', 'value'];
const READINGS: RowReading[] = ['section', 'project', 'total', 'ofWhich', 'ratio'];

/** Generated corrections of a read plan: columns retyped, rows read as another kind. */
function fixesOf(wb: Workbook): fc.Arbitrary<PreviewFix[]> {
  const sheet = wb.sheets[0];
  const cols = leaves(sheet.columns)
    .filter((l) => l.role !== 'rowTotal')
    .map((l) => l.id);
  const rows = sheet.rows.map((r) => r.id);
  const column = fc.record({
    kind: fc.constant('column' as const),
    colId: fc.constantFrom(...cols),
    fix: fc.record(
      {
        role: fc.constantFrom(...ROLES),
        year: fc.integer({ min: 2019, max: 2026 }),
        source: fc.constantFrom('NSTW', 'NSĐP', 'ODA', 'total'),
      },
      { requiredKeys: ['role'] },
    ),
  });
  const row = fc.record({
    kind: fc.constant('row' as const),
    rowId: fc.constantFrom(...rows),
    reading: fc.constantFrom(...READINGS),
  });
  return fc.array(rows.length ? fc.oneof(column, row) : column, { minLength: 1, maxLength: 6 });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the preview’s totals in its worker', () => {
  it('equal the old figures on every fixture and the MoF corpus, as read', async () => {
    let withTotal = 0;
    let balances = 0;
    for (const f of FILES) {
      const got = await loadedPreview(f);
      if (!got) continue; // a file the reader refuses has no preview
      const { work } = got;
      const a = work.totals(0, []);
      if (a.kind !== 'totals') throw new Error(`${f}: ${JSON.stringify(a)}`);
      expect(zeroed(a.totals), f).toStrictEqual(
        zeroed(engineTotals(got.reading.workbook, a.totals.none)),
      );
      if (a.totals.total) withTotal++;
      if (a.totals.total === null) balances++;
    }
    expect(FILES.length).toBeGreaterThan(40);
    // 29 with a total; the MoF M01 balance tables first in 9 workbooks have none (before: 4 of them had one)
    expect(withTotal).toBeGreaterThan(25);
    expect(balances).toBeGreaterThanOrEqual(9);
  }, 300_000);

  it('read without the totals’ code (the engine’s chunk), which loads after the reading', async () => {
    const work = new PreviewWork();
    const f = 'fixtures/quang-tri-2011-2015-appendix.xls';
    const got = await work.read({ name: 'a.xls', bytes: bytesOf(f) });
    expect(got.kind).toBe('done');
    expect(work.totals(0, [])).toMatchObject({ kind: 'totalsError' });
    await work.load();
    expect(work.totals(0, [])).toMatchObject({ kind: 'totals', seq: 0 });
  });

  it('equal the old figures after generated corrections, as the preview made them', async () => {
    const plans = FILES.filter((f) => /quang-tri|mof|provincial/.test(f)).slice(0, 8);
    expect(plans.length).toBeGreaterThan(3);
    for (const f of plans) {
      const got = await loadedPreview(f);
      if (!got?.reading.workbook.sheets[0]) continue;
      const { work } = got;
      const read = got.reading.workbook;
      let seq = 0;
      fc.assert(
        fc.property(fixesOf(read), (fixes) => {
          const a = work.totals(++seq, fixes);
          if (a.kind !== 'totals') throw new Error(JSON.stringify(a));
          expect(a.seq).toBe(seq);
          expect(zeroed(a.totals), f).toStrictEqual(
            zeroed(engineTotals(correctedBefore(read, fixes), a.totals.none)),
          );
        }),
        { numRuns: 8 },
      );
    }
  }, 300_000);

  it('are computed on the page where there is no worker, with the same figures', async () => {
    vi.stubGlobal('Worker', undefined);
    const f = 'fixtures/quang-tri-2011-2015-appendix.xls';
    const h = await openPreview('a.xls', bytesOf(f));
    expect(zeroed(await h.totals)).toStrictEqual(zeroed(engineTotals(h.reading.workbook)));
    const fixes: PreviewFix[] = [
      { kind: 'row', rowId: h.reading.workbook.sheets[0].rows[3].id, reading: 'ratio' },
    ];
    expect(zeroed(await h.totalsAfter(fixes))).toStrictEqual(
      zeroed(engineTotals(correctedBefore(h.reading.workbook, fixes))),
    );
  });

  it('are never computed on the page when there is a worker: asked by sequence, answered there', async () => {
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
    const f = 'fixtures/quang-tri-2011-2015-appendix.xls';
    const h = await openPreview('a.xls', bytesOf(f));
    const read = h.reading.workbook;
    const first = await h.totals;
    const rowId = read.sheets[0].rows.find((r) => r.kind === 'project')!.id;
    const one: PreviewFix[] = [{ kind: 'row', rowId, reading: 'ratio' }];
    const two: PreviewFix[] = [...one, { kind: 'row', rowId, reading: 'project' }];
    const [a, b] = await Promise.all([h.totalsAfter(one), h.totalsAfter(two)]);
    expect(load).not.toHaveBeenCalled(); // nor any engine (before the old path's, below)
    expect(zeroed(first)).toStrictEqual(zeroed(engineTotals(read)));
    expect(zeroed(a)).toStrictEqual(zeroed(engineTotals(correctedBefore(read, one))));
    expect(zeroed(b)).toStrictEqual(zeroed(engineTotals(correctedBefore(read, two))));
    expect(a.total).not.toBe(first.total); // the correction changed the figure
    expect(onPage).toStrictEqual([]);
    // the page asks the read plan's totals (0) once it holds the reading
    expect(asks.map((x) => (x.kind === 'totals' ? x.seq : x.kind))).toStrictEqual([
      'read',
      0,
      1,
      2,
    ]);
    h.close();
    await expect(h.totalsAfter(one)).rejects.toThrow('closed');
  });
});
