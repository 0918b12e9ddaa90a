/** The checks panel: every finding with stated, computed and difference; a click selects the cell. */
import type { Finding } from '../domain/checks';
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';
import type { StringKey } from './strings';

/** The translation key of a rule's name. */
export function ruleKey(rule: Finding['rule']): StringKey {
  return `rule_${rule.replace(/-/g, '_')}` as StringKey;
}

export interface ChecksPanelProps {
  findings: Finding[];
  rowNumber: (rowId: string | null) => string;
  onSelect: (f: Finding) => void;
  onPrint: () => void;
  onExport: () => void;
}

export function ChecksPanel({
  findings,
  rowNumber,
  onSelect,
  onPrint,
  onExport,
}: ChecksPanelProps) {
  const { t, lang } = useLang();
  const a = (x: number) => formatAmount(x, lang);
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
      </div>
      {findings.length === 0 ? (
        <p className="pb-ok" data-testid="no-findings">
          {t('noFindings')}
        </p>
      ) : (
        <ul>
          {findings.map((f, k) => (
            <li key={`${f.rule}|${f.rowId}|${f.colId}|${k}`}>
              <button
                type="button"
                className={`pb-finding pb-finding-${f.severity}`}
                data-testid="finding"
                data-rule={f.rule}
                data-row={f.rowId ?? ''}
                onClick={() => onSelect(f)}
              >
                <span className="pb-finding-rule">
                  {t(ruleKey(f.rule))} · {t(f.severity === 'error' ? 'sev_error' : 'sev_warning')}
                  {f.scope ? ` · ${f.scope}` : ''}
                </span>
                <span className="pb-finding-label">
                  {rowNumber(f.rowId)} {f.label}
                </span>
                <span className="pb-finding-nums">
                  {t('col_stated')} {a(f.expected)} · {t('col_computed')} {a(f.actual)} ·{' '}
                  {t('col_diff')} {a(f.actual - f.expected)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
