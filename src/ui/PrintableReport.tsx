/** The printable check report: hidden on screen, the only thing printed while it is requested. */
import type { ReportRow } from '../io/checkReport';
import { REPORT_HEADERS } from '../io/checkReport';
import { formatAmount } from '../domain/numbers';
import { useLang } from './i18n';

export function PrintableReport({
  rows,
  title,
  subtitle,
}: {
  rows: ReportRow[];
  title: string;
  subtitle: string;
}) {
  const { t, lang } = useLang();
  const a = (x: number) => formatAmount(x, lang);
  return (
    <section className="pb-print-report" data-testid="print-report">
      <h1>{t('reportTitle')}</h1>
      <p>
        <strong>{title}</strong>
        <br />
        {subtitle}
      </p>
      <table>
        <thead>
          <tr>
            {REPORT_HEADERS[lang].slice(0, 9).map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.no}>
              <td>{r.no}</td>
              <td>{r.rule}</td>
              <td>{r.severity}</td>
              <td>{r.row}</td>
              <td>{r.label}</td>
              <td>{r.scope}</td>
              <td className="pb-num">{a(r.expected)}</td>
              <td className="pb-num">{a(r.actual)}</td>
              <td className="pb-num">{a(r.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
