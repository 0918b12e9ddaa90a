/** How the sheet shows its figures: display unit, decimals, wrapped texts (one undoable step each). */
import type { WorkbookSession } from '../app/session';
import { DISPLAY_UNITS, type SheetDisplay, unitOf } from '../domain/display';
import type { AppendixSheet } from '../domain/types';
import { useLang } from './i18n';

const DECIMALS = [0, 1, 2, 3, 4, 5, 6];

/** The settings without their unset fields (what is stored). */
function tidy(d: SheetDisplay): SheetDisplay {
  return Object.fromEntries(
    Object.entries(d).filter(([, v]) => v !== undefined && v !== false),
  ) as SheetDisplay;
}

/**
 * The display unit and decimals pickers (and the wrap box where `wrap` is offered) for any grid
 * or view whose figures are in `planUnit`; `onChange` gets the whole new settings.
 */
export function DisplayPicker(p: {
  planUnit: string;
  display: SheetDisplay | undefined;
  readOnly: boolean;
  onChange: (display: SheetDisplay) => void;
  wrap?: boolean;
  /** The test ids' stem (`display` by default: `display-controls`, `display-unit`…). */
  testId?: string;
  /** Shown inline in a toolbar (a span) rather than as its own line. */
  inline?: boolean;
}) {
  const { t } = useLang();
  const d = p.display ?? {};
  const known = unitOf(p.planUnit) !== null;
  const set = (next: SheetDisplay) => p.onChange(tidy({ ...d, ...next }));
  const id = p.testId ?? 'display';
  const Box = p.inline ? 'span' : 'div';
  return (
    <Box
      className="pb-display"
      data-testid={id === 'display' ? 'display-controls' : id}
      title={t('displayNote')}
    >
      <label>
        {t('displayUnit')}{' '}
        <select
          data-testid={`${id}-unit`}
          value={d.unit ?? ''}
          disabled={p.readOnly || !known}
          onChange={(e) =>
            set({ unit: (e.target.value || undefined) as SheetDisplay['unit'] | undefined })
          }
        >
          <option value="">{t('displayUnitPlan', { unit: p.planUnit || '—' })}</option>
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
          data-testid={`${id}-decimals`}
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
      </label>
      {p.wrap && (
        <>
          {' '}
          <label>
            <input
              type="checkbox"
              data-testid={`${id}-wrap`}
              checked={!!d.wrap}
              disabled={p.readOnly}
              onChange={(e) => set({ wrap: e.target.checked })}
            />{' '}
            {t('displayWrap')}
          </label>
        </>
      )}
    </Box>
  );
}

/** The sheet's display settings (unit, decimals, wrap), each change one undoable step. */
export function DisplayControls(p: {
  session: WorkbookSession;
  sheet: AppendixSheet;
  readOnly: boolean;
  wrap?: boolean;
}) {
  return (
    <DisplayPicker
      planUnit={p.session.workbook.meta.unit}
      display={p.sheet.display}
      readOnly={p.readOnly}
      wrap={p.wrap ?? true}
      onChange={(display) =>
        p.session.dispatch({ type: 'setDisplay', sheetId: p.sheet.id, display }, 'setDisplay')
      }
    />
  );
}
