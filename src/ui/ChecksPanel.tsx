/**
 * The checks panel: every finding with stated, computed and difference, which rule it checks and
 * where the rule came from; a click selects the cell. A finding can be marked explained (with a
 * note), and the rules of its column switched off or the column marked as never added up. Only the
 * findings in view are rendered (the others stand as space of their measured average height), so
 * thousands of findings cost an edit no more than a few.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../domain/checks';
import { type CheckActions, FindingItem } from './FindingItem';
import { useLang } from './i18n';

export type { CheckActions } from './FindingItem';

/** Height of a finding (px) until the rendered ones are measured. */
export const FINDING_HEIGHT = 90;
/** Findings rendered above and below the visible ones. */
const OVERSCAN = 6;
/** Up to this many findings are all rendered (a short list needs no window). */
export const WINDOW_FROM = 100;

/** The slice [first, last) of `count` rows of about `height` px seen in a scrolled box. */
export function visibleSlice(
  count: number,
  height: number,
  scrollTop: number,
  viewport: number,
): { first: number; last: number } {
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / height) - OVERSCAN));
  const last = Math.min(
    count,
    Math.ceil((scrollTop + Math.max(viewport, height)) / height) + OVERSCAN,
  );
  return { first, last: Math.max(first, last) };
}

/**
 * The height (px) to stand for each finding not rendered, once `n` rendered ones measure `h` px
 * together: null when the current `est` is close enough (within 2 px) or nothing is measured.
 */
export function averageHeight(h: number, n: number, est: number): number | null {
  if (n <= 0 || h <= 0 || Math.abs(h / n - est) <= 2) return null;
  return Math.max(24, h / n);
}

export interface ChecksPanelProps {
  findings: Finding[];
  rowNumber: (rowId: string | null) => string;
  onSelect: (f: Finding) => void;
  onPrint: () => void;
  onExport: () => void;
  /** Absent when the workbook is read-only. */
  actions?: CheckActions;
  /** Formats a finding's figure (plan's unit) as the sheet shows it (default: as it is). */
  figure?: (x: number, colId: string | null) => string;
  /** The display unit of the figures, when not the plan's. */
  unit?: string;
}

export function ChecksPanel({
  findings,
  rowNumber,
  onSelect,
  onPrint,
  onExport,
  actions,
  figure,
  unit,
}: ChecksPanelProps) {
  const { t } = useLang();
  // scanned once per list (a new list comes with every change of the findings or the rows), not at
  // every render of the panel
  const acceptAny = useMemo(
    () => !!actions?.onAcceptAllComputed && findings.some((f) => actions.canAcceptComputed?.(f)),
    [findings, actions],
  );
  return (
    <aside className="pb-checks" data-testid="checks-panel">
      <div className="pb-checks-head">
        <strong>{t('checks')}</strong>
        <button type="button" onClick={onPrint}>
          {t('printReport')}
        </button>
        <button type="button" onClick={onExport} data-testid="export-report">
          {t('exportReport')}
        </button>
        {acceptAny && (
          <button
            type="button"
            data-testid="accept-all-computed"
            title={t('acceptAllComputedHint')}
            onClick={() => actions?.onAcceptAllComputed?.()}
          >
            {t('acceptAllComputed')}
          </button>
        )}
      </div>
      {findings.length === 0 ? (
        <p className="pb-ok" data-testid="no-findings">
          {t('noFindings')}
        </p>
      ) : (
        <FindingList
          findings={findings}
          rowNumber={rowNumber}
          onSelect={onSelect}
          actions={actions}
          figure={figure}
          unit={unit}
        />
      )}
    </aside>
  );
}

/** The findings in view, between two spaces standing for the others. */
function FindingList({
  findings,
  rowNumber,
  onSelect,
  actions,
  figure,
  unit,
}: Pick<ChecksPanelProps, 'findings' | 'rowNumber' | 'onSelect' | 'actions' | 'figure' | 'unit'>) {
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [est, setEst] = useState(FINDING_HEIGHT);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);
  const { first, last } =
    findings.length <= WINDOW_FROM
      ? { first: 0, last: findings.length }
      : visibleSlice(findings.length, est, view.top, view.height);
  // the space of the findings not rendered: the average height of those rendered, measured by a
  // ResizeObserver once the browser has laid the list out (reading offsetHeight after each render
  // forced a layout of the whole page inside every edit: ~3 ms of an edit's ~6 ms at 10,000
  // projects)
  const rendered = useRef(0);
  rendered.current = last - first;
  useEffect(() => {
    const el = list.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => {
      const h = e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height;
      setEst((est) => averageHeight(h, rendered.current, est) ?? est);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div
      className="pb-checks-list"
      ref={box}
      data-testid="findings"
      data-count={findings.length}
      onScroll={(e) =>
        setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
      }
    >
      <div style={{ paddingTop: first * est, paddingBottom: (findings.length - last) * est }}>
        <ul ref={list}>
          {findings.slice(first, last).map((f, k) => (
            <FindingItem
              key={`${f.rule}|${f.rowId}|${f.colId}|${first + k}`}
              f={f}
              row={rowNumber(f.rowId)}
              onSelect={onSelect}
              actions={actions}
              figure={figure}
              unit={unit}
            />
          ))}
        </ul>
      </div>
    </div>
  );
}
