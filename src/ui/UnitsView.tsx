/** The unit view: one row per lead unit with its projects, amounts by year and source, a chart. */
import { useState } from 'react';
import type { WorkbookSession } from '../app/session';
import { cellOf, leaves } from '../domain/columns';
import { toDisplay } from '../domain/display';
import { normaliseName } from '../domain/match';
import { mergeUnits, splitUnit } from '../domain/units';
import { DisplayControls } from './DisplayControls';
import { moneyText } from '../domain/displayMoney';
import { useLang } from './i18n';
import { ViewChart } from './ViewChart';

export function UnitsView(p: { session: WorkbookSession; sheetId: string }) {
  const { t, lang } = useLang();
  const { session, sheetId } = p;
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId)!;
  const amounts = leaves(sheet.columns).filter((l) => l.role === 'amount');
  const years = [...new Set(amounts.map((l) => l.year))];
  const rows = session.views.unitRows(sheetId);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [name, setName] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const aliases = session.workbook.meta.unitAliases ?? {};
  const merged = new Set(Object.values(aliases).map((v) => normaliseName(v)));
  // figures in the sheet's display unit, as its grid shows them
  const fmt = moneyText(session.workbook.meta.unit, sheet.display, lang);
  const shown = (v: number) => toDisplay(v, session.workbook.meta.unit, sheet.display);
  const setMeta = (unitAliases: Record<string, string>, label: string) =>
    session.dispatch({ type: 'setMeta', meta: { ...session.workbook.meta, unitAliases } }, label);

  const merge = () => {
    const groups = session.views.unitGroups(sheetId).filter((g) => picked.has(g.key));
    if (groups.length < 2 || !name.trim()) return;
    setMeta(mergeUnits(session.workbook.meta, groups, name.trim()), 'mergeUnits');
    setPicked(new Set());
  };
  const split = (key: string) => {
    const g = session.views.unitGroups(sheetId).find((x) => x.key === key);
    if (g) setMeta(splitUnit(session.workbook.meta, g), 'splitUnit');
  };
  const sources = [...new Set(amounts.map((l) => l.source ?? ''))];
  const series = sources.map((src) => ({
    name: `Vốn ${src}`,
    stack: 'von',
    data: rows.map((u) =>
      shown(
        amounts
          .filter((l) => (l.source ?? '') === src)
          .reduce((a, l) => a + (u.amounts[l.id] ?? 0), 0),
      ),
    ),
  }));
  const categories = rows.map((u) => u.name || t('noUnit'));
  const totalCol = leaves(sheet.columns).find((l) => l.role === 'rowTotal')?.id;
  const openRow = rows.find((u) => u.key === open);

  return (
    <div className="pb-view" data-testid="units-view">
      <DisplayControls session={session} sheet={sheet} readOnly={session.readOnly} wrap={false} />
      <table className="pb-view-table" data-testid="units-table">
        <thead>
          <tr>
            <th rowSpan={2} />
            <th rowSpan={2}>{t('unitName')}</th>
            <th rowSpan={2}>{t('projectCount')}</th>
            {years.map((y) => (
              <th key={String(y)} colSpan={amounts.filter((l) => l.year === y).length}>
                {y}
              </th>
            ))}
            <th rowSpan={2}>{t('totalAll')}</th>
          </tr>
          <tr>
            {amounts.map((l) => (
              <th key={l.id}>{l.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.key} data-unit={u.name}>
              <td>
                <input
                  type="checkbox"
                  aria-label={u.name}
                  checked={picked.has(u.key)}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(u.key);
                    else next.delete(u.key);
                    setPicked(next);
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="pb-link"
                  onClick={() => setOpen(open === u.key ? null : u.key)}
                >
                  {u.name || t('noUnit')}
                </button>
                {merged.has(u.key) && (
                  <>
                    {' '}
                    <small>({t('mergedFrom', { names: u.spellings.join('; ') })})</small>{' '}
                    <button type="button" onClick={() => split(u.key)}>
                      {t('splitUnit')}
                    </button>
                  </>
                )}
              </td>
              <td className="pb-num" data-field="count">
                {u.count}
              </td>
              {amounts.map((l) => (
                <td key={l.id} className="pb-num" data-col={l.id}>
                  {fmt(u.amounts[l.id] ?? 0)}
                </td>
              ))}
              <td className="pb-num" data-field="total">
                {fmt(u.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pb-merge">
        {t('mergeUnits')}{' '}
        <input data-testid="merge-name" value={name} onChange={(e) => setName(e.target.value)} />{' '}
        <button
          type="button"
          data-testid="merge-units"
          disabled={picked.size < 2 || !name.trim() || session.readOnly}
          onClick={merge}
        >
          {t('mergeButton')}
        </button>
      </p>
      {openRow && (
        <div className="pb-unit-projects" data-testid="unit-projects">
          <h4>{t('unitProjects', { name: openRow.name || t('noUnit') })}</h4>
          <ol>
            {openRow.rows.map((i) => (
              <li key={i}>
                {String((sheet.rows[i] && cellOf(sheet, sheet.rows[i], 'name')) ?? '')}
                {totalCol && ` — ${fmt(Number(session.value(sheetId, i, totalCol)) || 0)}`}
              </li>
            ))}
          </ol>
        </div>
      )}
      <h4>{t('capitalByUnit')}</h4>
      <ViewChart
        categories={categories}
        series={series}
        fileName="von-theo-don-vi"
        testId="units-chart"
        horizontal
      />
    </div>
  );
}
