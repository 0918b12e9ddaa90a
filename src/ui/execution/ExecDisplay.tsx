/**
 * A tracking's amounts as the views show them: in the plan's unit or a display unit (đồng … tỷ
 * đồng), rounded to a number of decimals, with the same rules as the appendix grid
 * (domain/display.ts). Figures typed or pasted in the display unit are stored in the plan's unit;
 * exports keep the plan's unit.
 */
import type { ExecutionSession } from '../../app/execution';
import {
  DISPLAY_UNITS,
  displayDecimals,
  inputScale,
  scaleAmount,
  type SheetDisplay,
  shownUnit,
  toDisplay,
  unitOf,
} from '../../domain/display';
import type { AnnualPlan } from '../../domain/execution';
import { formatAmount } from '../../domain/numbers';
import { useLang } from '../i18n';

const DECIMALS = [0, 1, 2, 3, 4, 5, 6];

/** Formatting and input scaling of a tracking's amounts (plan's unit ↔ display unit). */
export function execAmounts(plan: AnnualPlan, lang: 'vi' | 'en') {
  const d = plan.display;
  const decimals = displayDecimals(d);
  const scale = inputScale(plan.unit, d);
  return {
    /** The unit figures are shown in. */
    unit: shownUnit(plan.unit, d) ?? plan.unit,
    /** A figure in the plan's unit, in the shown unit (a chart's value). */
    shown: (v: number) => toDisplay(v, plan.unit, d),
    /** A figure in the plan's unit as shown. */
    fmt: (v: number) => formatAmount(toDisplay(v, plan.unit, d), lang, decimals),
    /** A figure typed in the shown unit, in the plan's unit. */
    toPlan: (v: number) => scaleAmount(v, scale),
  };
}

/** The display unit and decimals of the execution views (one undoable step each). */
export function ExecDisplayControls({ session }: { session: ExecutionSession }) {
  const { t } = useLang();
  const d = session.plan.display ?? {};
  const known = unitOf(session.plan.unit) !== null;
  const set = (next: SheetDisplay) => {
    const merged = Object.fromEntries(
      Object.entries({ ...d, ...next }).filter(([, v]) => v !== undefined),
    ) as SheetDisplay;
    session.setDisplay(merged);
  };
  return (
    <span className="pb-display" data-testid="exec-display" title={t('displayNote')}>
      <label>
        {t('displayUnit')}{' '}
        <select
          data-testid="exec-display-unit"
          value={d.unit ?? ''}
          disabled={!known}
          onChange={(e) =>
            set({ unit: (e.target.value || undefined) as SheetDisplay['unit'] | undefined })
          }
        >
          <option value="">{t('displayUnitPlan', { unit: session.plan.unit || '—' })}</option>
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
          data-testid="exec-display-decimals"
          value={d.decimals ?? ''}
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
    </span>
  );
}
