/**
 * The import preview: the reading drawn over the source, its warnings, and corrections. Its totals
 * come from the preview's worker (after each correction too, «đang tính…» meanwhile), and so do
 * the live totals the confirm stores (computed there once the totals are shown).
 */
import { useMemo, useState } from 'react';
import {
  type ColumnFix,
  dropRows,
  type PreviewFix,
  readingOfRow,
  rereadRow,
  retypeColumn,
  type RowReading,
} from '../app/importFixes';
import type { PreviewHandle } from '../app/previewSession';
import { appendixNames, previewWarnings, warningDetail } from '../app/previewWarnings';
import { leaves } from '../domain/columns';
import { KNOWN_SOURCES } from '../domain/sources';
import type { ColumnLeaf, RowKind, Workbook } from '../domain/types';
import type { PlanReading } from '../io/readPlan';
import { HeaderRowsInput } from './HeaderRowsInput';
import { previewSummary } from './previewTotalText';
import { useLang } from './i18n';
import { keepsLiveTotals, type PreviewEdits } from './useImport';
import { usePreviewLive, usePreviewTotals } from './usePreviewTotals';

const ROLES: ColumnLeaf['role'][] = [
  'number',
  'name',
  'lead',
  'coord',
  'amount',
  'stated',
  'notes',
  'text',
  'value',
];

const ROW_READINGS: (RowReading | 'ignored')[] = [
  'section',
  'project',
  'total',
  'ofWhich',
  'ratio',
  'ignored',
];

/** Lines of the source drawn under the reading. */
const SHOWN_LINES = 120;

export interface ImportPreviewProps {
  fileName: string;
  reading: PlanReading;
  /** Where the totals are computed (the preview's worker). */
  handle: Pick<PreviewHandle, 'totals' | 'totalsAfter' | 'liveAfter'>;
  /** The plan confirmed, and the corrections and ignored rows it was made with. */
  onConfirm: (wb: Workbook, edits: PreviewEdits) => void;
  onCancel: () => void;
  onReread: (sheet: string, start: number, end: number) => void;
}

export function ImportPreview({
  fileName,
  reading,
  handle,
  onConfirm,
  onCancel,
  onReread,
}: ImportPreviewProps) {
  const { t, lang } = useLang();
  const [wb, setWb] = useState<Workbook>(reading.workbook);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const source = reading.sources?.find((x) => x.band) ?? reading.sources?.[0];
  const sheet = wb.sheets[0] as Workbook['sheets'][number] | undefined;
  const [band, setBand] = useState({
    a: (source?.band?.start ?? 0) + 1,
    b: source?.band?.end ?? 1,
  });
  const [fixes, setFixes] = useState<PreviewFix[]>([]);
  const totals = usePreviewTotals(handle, reading.workbook, fixes);
  const ignoredIds = useMemo(() => [...ignored], [ignored]);
  usePreviewLive(handle, fixes, ignoredIds, totals !== null && keepsLiveTotals(fileName));
  const names = appendixNames(reading);
  const ls = sheet ? leaves(sheet.columns).filter((l) => l.role !== 'rowTotal') : [];
  const kindOfRow = useMemo(() => {
    const m = new Map<number, { id: string; kind: RowReading | 'ignored' }>();
    for (const r of sheet?.rows ?? []) {
      const at = source?.rowOf[r.id];
      if (at !== undefined && at < SHOWN_LINES)
        m.set(at, { id: r.id, kind: ignored.has(r.id) ? 'ignored' : readingOfRow(r) });
    }
    return m;
  }, [sheet, source, ignored]);
  const fix = (colId: string, f: ColumnFix) => {
    if (!sheet) return;
    setWb({ ...wb, sheets: [retypeColumn(sheet, colId, f), ...wb.sheets.slice(1)] });
    setFixes([...fixes, { kind: 'column', colId, fix: f }]);
  };
  const rekind = (rowId: string, kind: RowReading | 'ignored') => {
    const next = new Set(ignored);
    if (kind === 'ignored') next.add(rowId);
    else next.delete(rowId);
    setIgnored(next);
    if (!sheet || kind === 'ignored') return;
    setWb({ ...wb, sheets: [rereadRow(sheet, rowId, kind), ...wb.sheets.slice(1)] });
    setFixes([...fixes, { kind: 'row', rowId, reading: kind }]);
  };
  // counted once per change (not three passes over 100,000 rows at each drawing)
  const counts = useMemo(() => {
    const n: Partial<Record<RowKind, number>> = {};
    for (const r of sheet?.rows ?? [])
      if (!r.part && !ignored.has(r.id)) n[r.kind] = (n[r.kind] ?? 0) + 1;
    return n;
  }, [sheet, ignored]);
  const count = (k: RowKind) => counts[k] ?? 0;
  const counted = {
    sections: count('section'),
    projects: count('project'),
    totals: count('total'),
  };
  const confirmed = (): Workbook =>
    sheet ? { ...wb, sheets: [dropRows(sheet, ignored), ...wb.sheets.slice(1)] } : wb;

  return (
    <section className="pb-import" data-testid="import-preview">
      <h2>
        {t('importPreview')}: {fileName}
      </h2>
      <p data-testid="import-summary" data-totals={totals ? 'ready' : 'computing'}>
        {previewSummary(counted, totals, t, lang)}
      </p>
      {!sheet && (
        <p className="pb-note" data-testid="no-appendix">
          {t('noAppendixYet')}
        </p>
      )}
      {reading.skipped.length > 0 && (
        <p className="pb-note">{t('skippedSheets', { names: reading.skipped.join(', ') })}</p>
      )}
      {names.length > 0 && (
        <p className="pb-note" data-testid="import-appendices">
          {t('importAppendices', { count: names.length, names: names.join(', '), first: names[0] })}
        </p>
      )}
      <ul className="pb-import-warnings" data-testid="import-warnings">
        {previewWarnings(reading).map(({ warning: w, sheet: on }, k) => (
          <li key={k} data-code={w.code}>
            {on !== undefined && `${on} · `}
            {t(`w_${w.code}`, { row: w.row ?? '', detail: warningDetail(w, lang) })}
          </li>
        ))}
      </ul>
      <div className="pb-import-band">
        <HeaderRowsInput
          band={band}
          onChange={setBand}
          testId="band"
          labels={['headerFrom', 'headerTo']}
        />{' '}
        <button type="button" onClick={() => source && onReread(source.name, band.a - 1, band.b)}>
          {t('importReread')}
        </button>
      </div>
      <h3>{t('columns')}</h3>
      <table className="pb-import-cols" data-testid="import-columns">
        <tbody>
          {ls.map((l) => (
            <tr key={l.id} data-col={l.id}>
              <td>{l.label}</td>
              <td>
                <select
                  aria-label={t('role')}
                  value={l.role}
                  onChange={(e) =>
                    fix(l.id, {
                      role: e.target.value as ColumnLeaf['role'],
                      year: l.year,
                      source: l.source,
                    })
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role_${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {l.role === 'amount' && (
                  <>
                    <input
                      aria-label={t('year')}
                      type="number"
                      value={l.year ?? ''}
                      onChange={(e) =>
                        fix(l.id, {
                          role: 'amount',
                          year: Number(e.target.value) || undefined,
                          source: l.source,
                        })
                      }
                    />
                    <select
                      aria-label={t('source')}
                      value={l.source ?? ''}
                      onChange={(e) =>
                        fix(l.id, {
                          role: 'amount',
                          year: l.year,
                          source: e.target.value || undefined,
                        })
                      }
                    >
                      <option value="">—</option>
                      {KNOWN_SOURCES.map((s) => (
                        <option key={s.code} value={s.code}>
                          {s.code}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pb-import-source" data-testid="import-source">
        <table>
          <tbody>
            {(source?.rows ?? []).slice(0, SHOWN_LINES).map((row, i) => {
              const mark = kindOfRow.get(i);
              const inBand = !!source?.band && i >= source.band.start && i < source.band.end;
              return (
                <tr
                  key={i}
                  className={
                    inBand ? 'pb-src-header' : mark ? `pb-src-${mark.kind}` : 'pb-src-ignored'
                  }
                >
                  <td className="pb-src-line">{i + 1}</td>
                  <td>
                    {mark && (
                      <select
                        aria-label="kind"
                        value={mark.kind}
                        onChange={(e) => rekind(mark.id, e.target.value as RowReading)}
                      >
                        {ROW_READINGS.map((k) => (
                          <option key={k} value={k}>
                            {t(`kind_${k}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  {row.slice(0, 20).map((c, j) => (
                    <td key={j}>{c.length > 40 ? `${c.slice(0, 40)}…` : c}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="pb-import-actions">
        <button
          type="button"
          data-testid="import-confirm"
          onClick={() => onConfirm(confirmed(), { fixes, ignored: ignoredIds })}
        >
          {t('importConfirm')}
        </button>
        <button type="button" data-testid="import-cancel" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </section>
  );
}
