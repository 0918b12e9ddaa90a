/** The target curve (rates by dates). */
import { useState } from 'react';
import type { ExecutionSession } from '../../app/execution';
import type { TargetPoint } from '../../domain/execution';
import { parseAmount } from '../../domain/numbers';
import { useLang } from '../i18n';

export function ExecutionTargets(p: { session: ExecutionSession }) {
  const { t } = useLang();
  const { session } = p;
  const [rows, setRows] = useState(() =>
    session.plan.targets.map((x) => ({
      date: x.date,
      rate: String(Math.round(x.rate * 1000) / 10),
    })),
  );
  const save = () => {
    const points: TargetPoint[] = [];
    for (const r of rows) {
      const rate = parseAmount(r.rate, 'auto');
      if (!r.date || rate === null) continue;
      points.push({ date: r.date, rate: rate / 100 });
    }
    session.setTargets(points);
  };
  return (
    <section className="pb-exec-targets" data-testid="exec-targets">
      <h3>{t('execTargets')}</h3>
      <table className="pb-view-table">
        <thead>
          <tr>
            <th>{t('execTargetDate')}</th>
            <th>{t('execTargetRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input
                  type="date"
                  value={r.date}
                  onChange={(e) =>
                    setRows(rows.map((x, k) => (k === i ? { ...x, date: e.target.value } : x)))
                  }
                />
              </td>
              <td>
                <input
                  data-testid="exec-target-rate"
                  value={r.rate}
                  onChange={(e) =>
                    setRows(rows.map((x, k) => (k === i ? { ...x, rate: e.target.value } : x)))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setRows([...rows, { date: '', rate: '' }])}>
        +
      </button>{' '}
      <button type="button" data-testid="exec-save-targets" onClick={save}>
        {t('execSaveTargets')}
      </button>
    </section>
  );
}
