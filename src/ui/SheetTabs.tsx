/** Sheet tabs under the grid (appendices, then plain grid sheets), with a button to add an appendix. */
import type { AppendixSheet, GridSheet } from '../domain/types';
import { useLang } from './i18n';

export function SheetTabs(p: {
  sheets: AppendixSheet[];
  grids: GridSheet[];
  current: string;
  onPick: (id: string) => void;
  onAdd: () => void;
  readOnly: boolean;
  /** Renames an appendix (double-click on its tab). */
  onRename?: (id: string) => void;
  /** The unit and year views of the current appendix. */
  views?: { current: 'units' | 'years' | null; onPick: (kind: 'units' | 'years') => void };
}) {
  const { t } = useLang();
  return (
    <nav className="pb-tabs" data-testid="sheet-tabs">
      {p.sheets.map((s) => (
        <button
          key={s.id}
          type="button"
          className={s.id === p.current ? 'pb-tab pb-tab-on' : 'pb-tab'}
          data-sheet={s.id}
          onClick={() => p.onPick(s.id)}
          onDoubleClick={() => !p.readOnly && p.onRename?.(s.id)}
        >
          {s.name}
        </button>
      ))}
      {p.grids.map((g) => (
        <button
          key={g.id}
          type="button"
          className={g.id === p.current ? 'pb-tab pb-tab-grid pb-tab-on' : 'pb-tab pb-tab-grid'}
          data-sheet={g.id}
          data-grid="1"
          title={t('gridSheet')}
          onClick={() => p.onPick(g.id)}
        >
          {g.name}
        </button>
      ))}
      {p.views &&
        (['units', 'years'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className={
              p.views!.current === k ? 'pb-tab pb-tab-view pb-tab-on' : 'pb-tab pb-tab-view'
            }
            data-testid={`view-${k}`}
            onClick={() => p.views!.onPick(k)}
          >
            {t(k === 'units' ? 'viewUnits' : 'viewYears')}
          </button>
        ))}
      <button
        type="button"
        className="pb-tab"
        data-testid="add-sheet"
        disabled={p.readOnly}
        onClick={p.onAdd}
        title={t('addSheet')}
      >
        + {t('addSheet')}
      </button>
    </nav>
  );
}
