/**
 * The year view: per year and source the planned amount, its share, the cumulative line, ceilings;
 * figures in the sheet's display unit (ceilings typed in it too), stored in the plan's unit.
 */
import { useState } from 'react';
import type { WorkbookSession } from '../app/session';
import { toDisplay } from '../domain/display';
import { formatAmount } from '../domain/numbers';
import { ceilingKey } from '../domain/types';
import { DisplayControls } from './DisplayControls';
import { moneyText, readMoney } from '../domain/displayMoney';
import { useLang } from './i18n';
import { ViewChart } from './ViewChart';

function CeilingInput(p: {
  value: number | null;
  disabled: boolean;
  label: string;
  fmt: (v: number | null) => string;
  onCommit: (text: string) => void;
}) {
  const shown = p.fmt(p.value);
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      className="pb-ceiling"
      aria-label={p.label}
      data-testid={`ceiling-${p.label}`}
      disabled={p.disabled}
      value={text ?? shown}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text !== null && text !== shown) p.onCommit(text);
        setText(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setText(null);
      }}
    />
  );
}

export function YearsView(p: {
  session: WorkbookSession;
  sheetId: string;
  onError: (text: string) => void;
}) {
  const { t, lang } = useLang();
  const { session, sheetId } = p;
  const rows = session.views.yearRows(sheetId);
  const sheet = session.workbook.sheets.find((s) => s.id === sheetId);
  const planUnit = session.workbook.meta.unit;
  const display = sheet?.display;
  const sources = rows.length ? Object.keys(rows[0].bySource) : [];
  const fmt = moneyText(planUnit, display, lang);
  const shown = (v: number | null) => (v === null ? null : toDisplay(v, planUnit, display));
  const pct = (v: number) => `${formatAmount(Math.round(v * 1000) / 10, lang)}%`;
  const setCeiling = (year: number, source: string, text: string) => {
    const v = readMoney(text, planUnit, display);
    if (v !== null && typeof v === 'object') return p.onError(t('ceilingInvalid'));
    const ceilings = { ...(session.workbook.meta.ceilings ?? {}) };
    if (v === null) delete ceilings[ceilingKey(year, source)];
    else ceilings[ceilingKey(year, source)] = v;
    session.dispatch({ type: 'setMeta', meta: { ...session.workbook.meta, ceilings } }, 'ceiling');
  };
  const series = [
    ...sources.map((s) => ({
      name: `Vốn ${s}`,
      stack: 'von',
      data: rows.map((r) => shown(r.bySource[s].amount)),
    })),
    { name: t('cumulative'), line: true, data: rows.map((r) => shown(r.all.cumulative)) },
    // a source's annual ceilings, where the user entered some
    ...sources
      .filter((s) => rows.some((r) => r.bySource[s].ceiling !== null))
      .map((s) => ({
        name: `${t('ceiling')} ${s}`,
        dashed: true,
        data: rows.map((r) => shown(r.bySource[s].ceiling)),
      })),
  ];
  return (
    <div className="pb-view" data-testid="years-view">
      {sheet && (
        <DisplayControls session={session} sheet={sheet} readOnly={session.readOnly} wrap={false} />
      )}
      <table className="pb-view-table" data-testid="years-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t('yearCol')}</th>
            {sources.map((s) => (
              <th key={s} colSpan={5}>
                Vốn {s}
              </th>
            ))}
            <th colSpan={3}>{t('totalAll')}</th>
          </tr>
          <tr>
            {sources.map((s) =>
              [t('planned'), t('share'), t('cumulative'), t('ceiling'), t('gap')].map((h) => (
                <th key={`${s}${h}`}>{h}</th>
              )),
            )}
            <th>{t('planned')}</th>
            <th>{t('share')}</th>
            <th>{t('cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <td>{r.year}</td>
              {sources.map((s) => {
                const x = r.bySource[s];
                const over = x.over
                  ? t('overCeiling', {
                      year: r.year,
                      source: s,
                      amount: fmt(x.amount),
                      ceiling: fmt(x.ceiling),
                    })
                  : undefined;
                return [
                  <td
                    key="a"
                    className={`pb-num${x.over ? ' pb-over' : ''}`}
                    data-field={`amount-${s}`}
                    title={over}
                  >
                    {fmt(x.amount)}
                  </td>,
                  <td key="s" className="pb-num">
                    {pct(x.share)}
                  </td>,
                  <td key="c" className="pb-num">
                    {fmt(x.cumulative)}
                  </td>,
                  <td key="l">
                    <CeilingInput
                      value={x.ceiling}
                      label={`${r.year}-${s}`}
                      fmt={fmt}
                      disabled={session.readOnly}
                      onCommit={(text) => setCeiling(r.year, s, text)}
                    />
                  </td>,
                  <td
                    key="g"
                    className={`pb-num${x.over ? ' pb-over' : ''}`}
                    data-field={`gap-${s}`}
                    title={over}
                  >
                    {fmt(x.gap)}
                  </td>,
                ];
              })}
              <td className="pb-num" data-field="amount-all">
                {fmt(r.all.amount)}
              </td>
              <td className="pb-num">{pct(r.all.share)}</td>
              <td className="pb-num">{fmt(r.all.cumulative)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('capitalByYear')}</h4>
      <ViewChart
        categories={rows.map((r) => String(r.year))}
        series={series}
        fileName="von-theo-nam"
        testId="years-chart"
      />
    </div>
  );
}
