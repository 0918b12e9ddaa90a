/** The find bar (Ctrl+F) with the filters of the sheet and the "filtered" mark. */
import { useEffect, useMemo, useState } from 'react';
import type { Versions } from '../app/versions';
import type { RevisionSummary } from '../app/versions';
import type { AppendixSheet } from '../domain/types';
import { FindControls } from './FindControls';
import { ReplaceControls, ReplaceToggle } from './ReplaceControls';
import { useLang } from './i18n';
import type { useFindFilter } from './useFindFilter';
import { unitNames } from '../domain/units';
import './work.css';

type FF = ReturnType<typeof useFindFilter>;

export function FindBar({
  ff,
  sheet,
  versions,
  workbookId,
}: {
  ff: FF;
  sheet: AppendixSheet;
  versions?: Versions;
  workbookId: string;
}) {
  const { t } = useLang();
  const { aliases } = ff;
  const [revs, setRevs] = useState<RevisionSummary[]>([]);
  useEffect(() => {
    if (ff.open && versions) void versions.list(workbookId).then(setRevs);
  }, [ff.open, versions, workbookId]);
  // the filters' choices, once per version of the rows (a 100,000-project plan has 4,000
  // sections): typing in the find field never lists them again
  const choices = useMemo(
    () =>
      ff.open
        ? {
            units: unitNames(sheet, aliases).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            )),
            sections: sheet.rows
              .filter((r) => r.kind === 'section')
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {`${'\u00a0'.repeat(r.level * 2)}${r.cells.tt ?? ''} ${String(r.cells.name ?? '').slice(0, 50)}`}
                </option>
              )),
          }
        : null,
    [ff.open, sheet, aliases],
  );
  if (!ff.open || !choices) return null;
  const f = ff.filter;
  return (
    <div className="pb-findbar" role="search" data-testid="find-bar">
      {ff.finding && (
        <>
          <FindControls ff={ff} />
          <ReplaceToggle ff={ff} />
        </>
      )}
      <strong>{t('filterTitle')}:</strong>
      <label>
        {t('filterUnit')}{' '}
        <select
          data-testid="filter-unit"
          value={f.unit}
          onChange={(e) => ff.setFilter({ ...f, unit: e.target.value })}
        >
          <option value="">{t('filterAll')}</option>
          {choices.units}
        </select>
      </label>
      <label>
        {t('filterSection')}{' '}
        <select
          data-testid="filter-section"
          value={f.section}
          onChange={(e) => ff.setFilter({ ...f, section: e.target.value })}
        >
          <option value="">{t('filterAll')}</option>
          {choices.sections}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="filter-findings"
          checked={f.findings}
          onChange={(e) => ff.setFilter({ ...f, findings: e.target.checked })}
        />{' '}
        {t('filterFindings')}
      </label>
      {versions && (
        <label>
          {t('filterChanged')}{' '}
          <select
            data-testid="filter-since"
            value={f.since}
            onChange={(e) => ff.setFilter({ ...f, since: e.target.value })}
          >
            <option value="">{t('filterNone')}</option>
            {revs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {ff.filtered && (
        <>
          <span className="pb-filtering" data-testid="filtering" role="status">
            {t('filtering', ff.filtered)}
          </span>
          <button
            type="button"
            data-testid="filter-clear"
            onClick={() => ff.setFilter({ unit: '', section: '', findings: false, since: '' })}
          >
            {t('filterClear')}
          </button>
        </>
      )}
      {ff.finding && <ReplaceControls ff={ff} filtered={!!ff.filtered} />}
    </div>
  );
}

/** The header's button that opens the find bar (as Ctrl+F does). */
export function FindToggle({ onOpen }: { onOpen: () => void }) {
  const { t } = useLang();
  return (
    <button type="button" data-testid="find-open" title={t('findOpenTitle')} onClick={onOpen}>
      {t('findOpen')}
    </button>
  );
}
