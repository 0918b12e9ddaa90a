/** How the sheet shows its figures: display unit, decimals, wrapped texts (one undoable step each). */
import type { WorkbookSession } from '../app/session';
import { DISPLAY_UNITS, type SheetDisplay, unitOf } from '../domain/display';
import type { AppendixSheet } from '../domain/types';
import { useLang } from './i18n';

const DECIMALS = [0, 1, 2, 3, 4, 5, 6];

export function DisplayControls(p: {
  session: WorkbookSession;
  sheet: AppendixSheet;
  readOnly: boolean;
}) {
  const { t } = useLang();
  const d = p.sheet.display ?? {};
  const planUnit = p.session.workbook.meta.unit;
  const known = unitOf(planUnit) !== null;
  const set = (next: SheetDisplay) => {
    const display = Object.fromEntries(
      Object.entries({ ...d, ...next }).filter(([, v]) => v !== undefined && v !== false),
    ) as SheetDisplay;
    p.session.dispatch({ type: 'setDisplay', sheetId: p.sheet.id, display }, 'setDisplay');
  };
  return (
    <div className="pb-display" data-testid="display-controls" title={t('displayNote')}>
      <label>
        {t('displayUnit')}{' '}
        <select
          data-testid="display-unit"
          value={d.unit ?? ''}
          disabled={p.readOnly || !known}
          onChange={(e) =>
            set({ unit: (e.target.value || undefined) as SheetDisplay['unit'] | undefined })
          }
        >
          <option value="">{t('displayUnitPlan', { unit: planUnit || '—' })}</option>
          {DISPLAY_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('displayDecimals')}{' '}
        <select
          data-testid="display-decimals"
          value={d.decimals ?? ''}
          disabled={p.readOnly}
          onChange={(e) =>
            set({ decimals: e.target.value === '' ? undefined : Number(e.target.value) })
          }
        >
          <option value="">—</option>
          {DECIMALS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input
          type="checkbox"
          data-testid="display-wrap"
          checked={!!d.wrap}
          disabled={p.readOnly}
          onChange={(e) => set({ wrap: e.target.checked })}
        />{' '}
        {t('displayWrap')}
      </label>
    </div>
  );
}
