/**
 * The checks panel: every finding with stated, computed and difference, which rule it checks and
 * where the rule came from; a click selects the cell. A finding can be marked explained (with a
 * note), and the rules of its column switched off or the column marked as never added up. Only the
 * findings in view are rendered (the others stand as space of their measured average height), so
 * thousands of findings cost an edit no more than a few.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Finding } from '../domain/checks';
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';
import type { StringKey } from './strings';

/** The translation key of a rule's name. */
export function ruleKey(rule: Finding['rule']): StringKey {
  return `rule_${rule.replace(/-/g, '_')}` as StringKey;
}

/** The translation key of a finding's severity as the user should read it. */
function severityKey(f: Finding): StringKey {
  if (f.why === 'partial' || f.why === 'inferred') return 'sev_verify';
  if (f.why === 'note') return 'sev_note';
  return f.severity === 'error' ? 'sev_error' : 'sev_warning';
}

export interface CheckActions {
  /** Marks a finding explained with a note (an empty note takes it back). */
  onExplain: (f: Finding, note: string) => void;
  /** Switches off the rules that check the finding's column. */
  onRulesOff: (f: Finding) => void;
  /** Marks the finding's column as never added up. */
  onNotAdditive: (f: Finding) => void;
  /** Whether the finding's stated figure (a section's, a total row's) can take the computed one. */
  canAcceptComputed?: (f: Finding) => boolean;
  /** Clears the finding's stated figure: the row follows its rows from then on. */
  onAcceptComputed?: (f: Finding) => void;
  /** Clears every figure the sheet's sections and total rows state (one undoable step). */
  onAcceptAllComputed?: () => void;
}

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
        {actions?.onAcceptAllComputed && findings.some((f) => actions.canAcceptComputed?.(f)) && (
          <button
            type="button"
            data-testid="accept-all-computed"
            title={t('acceptAllComputedHint')}
            onClick={() => actions.onAcceptAllComputed?.()}
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
  // the space of the findings not rendered: the average height of those rendered
  useLayoutEffect(() => {
    const n = last - first;
    const h = list.current?.offsetHeight ?? 0;
    if (n > 0 && h > 0 && Math.abs(h / n - est) > 2) setEst(Math.max(24, h / n));
  }, [first, last, est, findings]);
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
              rowNumber={rowNumber}
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

function FindingItem({
  f,
  rowNumber,
  onSelect,
  actions,
  figure,
  unit,
}: {
  f: Finding;
  rowNumber: (rowId: string | null) => string;
  onSelect: (f: Finding) => void;
  actions?: CheckActions;
  figure?: (x: number, colId: string | null) => string;
  unit?: string;
}) {
  const { t, lang } = useLang();
  const a = (x: number) => (figure ? figure(x, f.colId) : formatAmount(x, lang));
  const [note, setNote] = useState<string | null>(null);
  const explained = f.explained !== undefined;
  return (
    <li className={explained ? 'pb-finding-explained' : undefined}>
      <button
        type="button"
        className={`pb-finding pb-finding-${f.severity}`}
        data-testid="finding"
        data-rule={f.rule}
        data-row={f.rowId ?? ''}
        data-col={f.colId ?? ''}
        onClick={() => onSelect(f)}
      >
        <span className="pb-finding-rule">
          {t(ruleKey(f.rule))} · {t(severityKey(f))}
          {f.scope ? ` · ${f.scope}` : ''}
        </span>
        <span className="pb-finding-label">
          {rowNumber(f.rowId)} {f.label}
        </span>
        <span className="pb-finding-nums">
          {t('col_stated')} {a(f.expected)} · {t('col_computed')} {a(f.actual)} · {t('col_diff')}{' '}
          {a(f.actual - f.expected)}
          {unit ? ` (${unit})` : ''}
        </span>
        {f.from && (
          <span className="pb-finding-from">
            {t(`from_${f.from.replace(' ', '_')}` as StringKey)}
          </span>
        )}
        {explained && (
          <span className="pb-finding-note" data-testid="finding-note">
            {t('explainedAs')}: {f.explained}
          </span>
        )}
      </button>
      {actions && f.rowId !== null && (
        <div className="pb-finding-actions">
          {note === null ? (
            <>
              <button
                type="button"
                data-testid="finding-explain"
                onClick={() => setNote(f.explained ?? '')}
              >
                {t(explained ? 'explainEdit' : 'explain')}
              </button>
              {actions.onAcceptComputed && actions.canAcceptComputed?.(f) && (
                <button
                  type="button"
                  data-testid="finding-accept-computed"
                  title={t('acceptComputedHint', { computed: a(f.actual), stated: a(f.expected) })}
                  onClick={() => actions.onAcceptComputed?.(f)}
                >
                  {t('acceptComputed')}
                </button>
              )}
              {f.colId && (
                <>
                  <button
                    type="button"
                    data-testid="finding-rules-off"
                    onClick={() => actions.onRulesOff(f)}
                  >
                    {t('rulesOff')}
                  </button>
                  <button
                    type="button"
                    data-testid="finding-not-additive"
                    onClick={() => actions.onNotAdditive(f)}
                  >
                    {t('notAdditive')}
                  </button>
                </>
              )}
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                actions.onExplain(f, note);
                setNote(null);
              }}
            >
              <input
                data-testid="finding-note-input"
                aria-label={t('explainNote')}
                placeholder={t('explainNote')}
                value={note}
                autoFocus
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setNote(null)}
              />
              <button type="submit" data-testid="finding-note-save">
                {t('saveNote')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
