/**
 * Asked before an export when the sheet shows another unit than the plan's: write the figures in
 * the plan's unit, or converted to the display unit. Mounted on its own root, as the stated choice.
 */
import { useEffect, useRef } from 'react';
import { unitExportText } from './stringsUnitExport';
import { askDialog } from './askDialog';
import './totals.css';

/** Which unit the export writes: the plan's own or the sheet's display unit. */
export type UnitChoice = 'plan' | 'shown';

function UnitChoiceDialog(p: {
  lang: 'vi' | 'en';
  plan: string;
  shown: string;
  onChoice: (c: UnitChoice | null) => void;
}) {
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => first.current?.focus(), []);
  const tt = (k: Parameters<typeof unitExportText>[1]) =>
    unitExportText(p.lang, k, { plan: p.plan, shown: p.shown });
  return (
    <div className="pb-stated-backdrop" onKeyDown={(e) => e.key === 'Escape' && p.onChoice(null)}>
      <div
        className="pb-stated-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pb-unit-title"
        data-testid="unit-choice"
      >
        <h3 id="pb-unit-title">{tt('u_title')}</h3>
        <p>{tt('u_intro')}</p>
        <div className="pb-stated-choices">
          <button
            ref={first}
            type="button"
            data-testid="unit-plan"
            onClick={() => p.onChoice('plan')}
          >
            {tt('u_plan')}
          </button>
          <button
            type="button"
            data-testid="unit-shown"
            title={tt('u_shownHint')}
            onClick={() => p.onChoice('shown')}
          >
            {tt('u_shown')}
          </button>
          <button type="button" data-testid="unit-cancel" onClick={() => p.onChoice(null)}>
            {tt('u_cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Asks which unit to export in; null when the user cancels. */
export function askExportUnit(
  lang: 'vi' | 'en',
  plan: string,
  shown: string,
): Promise<UnitChoice | null> {
  return askDialog<UnitChoice>((done) => (
    <UnitChoiceDialog lang={lang} plan={plan} shown={shown} onChoice={done} />
  ));
}
