/**
 * Asked before an export when stated figures differ from their rows: keep the stated figures (the
 * first choice: what the grid shows and the printed form prints) or write the formulas (the
 * computed figures). Mounted on its own root, so any view can ask.
 */
import { useEffect, useRef } from 'react';
import { formatAmount } from '../domain/numbers';
import type { DifferingFigure, StatedChoice } from '../app/exports';
import { totalsText } from './stringsTotals';
import { askDialog } from './askDialog';
import './totals.css';

const SHOWN = 6;

function StatedChoiceDialog(p: {
  lang: 'vi' | 'en';
  figures: readonly DifferingFigure[];
  onChoice: (c: StatedChoice | null) => void;
}) {
  const { lang, figures } = p;
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => first.current?.focus(), []);
  const tt = (k: Parameters<typeof totalsText>[1], v?: Record<string, string | number>) =>
    totalsText(lang, k, v);
  return (
    <div className="pb-stated-backdrop" onKeyDown={(e) => e.key === 'Escape' && p.onChoice(null)}>
      <div
        className="pb-stated-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pb-stated-title"
        data-testid="stated-choice"
      >
        <h3 id="pb-stated-title">{tt('statedTitle')}</h3>
        <p>{tt('statedIntro', { n: figures.length })}</p>
        <ul data-testid="stated-list">
          {figures.slice(0, SHOWN).map((f, k) => (
            <li key={k}>
              {tt('statedLine', {
                where: f.where,
                stated: formatAmount(f.stated, lang),
                computed: formatAmount(f.computed, lang),
              })}
            </li>
          ))}
          {figures.length > SHOWN && <li>{tt('statedMore', { n: figures.length - SHOWN })}</li>}
        </ul>
        <div className="pb-stated-choices">
          {/* the first (Enter) keeps what the grid shows and the printed form prints */}
          <button
            ref={first}
            type="button"
            data-testid="stated-keep"
            title={tt('statedKeepHint')}
            onClick={() => p.onChoice('keep')}
          >
            {tt('statedKeep')}
          </button>
          <button
            type="button"
            data-testid="stated-formulas"
            title={tt('statedFormulasHint')}
            onClick={() => p.onChoice('formulas')}
          >
            {tt('statedFormulas')}
          </button>
          <button type="button" data-testid="stated-cancel" onClick={() => p.onChoice(null)}>
            {tt('statedCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Asks how to write stated figures that differ; null when the user cancels. */
export function askStatedChoice(
  lang: 'vi' | 'en',
  figures: readonly DifferingFigure[],
): Promise<StatedChoice | null> {
  return askDialog<StatedChoice>((done) => (
    <StatedChoiceDialog lang={lang} figures={figures} onChoice={done} />
  ));
}
