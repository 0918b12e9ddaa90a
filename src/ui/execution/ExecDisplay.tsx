/**
 * A tracking's amounts as the views show them: in the plan's unit or a display unit (đồng … tỷ
 * đồng), rounded to a number of decimals, with the same rules as the appendix grid
 * (domain/display.ts). Figures typed or pasted in the display unit are stored in the plan's unit;
 * exports keep the plan's unit.
 */
import type { ExecutionSession } from '../../app/execution';
import { inputScale, scaleAmount, shownUnit, toDisplay } from '../../domain/display';
import { moneyText } from '../../domain/displayMoney';
import type { AnnualPlan } from '../../domain/execution';
import { DisplayPicker } from '../DisplayControls';

/** Formatting and input scaling of a tracking's amounts (plan's unit ↔ display unit). */
export function execAmounts(plan: AnnualPlan, lang: 'vi' | 'en') {
  const d = plan.display;
  const money = moneyText(plan.unit, d, lang);
  const scale = inputScale(plan.unit, d);
  return {
    /** The unit figures are shown in. */
    unit: shownUnit(plan.unit, d) ?? plan.unit,
    /** A figure in the plan's unit, in the shown unit (a chart's value). */
    shown: (v: number) => toDisplay(v, plan.unit, d),
    /** A figure in the plan's unit as shown. */
    fmt: (v: number) => money(v),
    /** A figure typed in the shown unit, in the plan's unit. */
    toPlan: (v: number) => scaleAmount(v, scale),
  };
}

/** The display unit and decimals of the execution views (one undoable step each). */
export function ExecDisplayControls({ session }: { session: ExecutionSession }) {
  return (
    <DisplayPicker
      planUnit={session.plan.unit}
      display={session.plan.display}
      readOnly={false}
      onChange={(d) => session.setDisplay(d)}
      testId="exec-display"
      inline
    />
  );
}
