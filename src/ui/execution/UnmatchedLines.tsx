/** The last report's lines left unpaired: pair each with a project, or mark it as not in the plan. */
import { useMemo, useState } from 'react';
import type { ExecutionSession } from '../../app/execution';
import type { ReportDifference } from '../../domain/executionApply';
import type { ReportLine } from '../../domain/executionReport';
import { nameSimilarity, normaliseName } from '../../domain/match';
import { execAmounts } from './ExecDisplay';
import { useLang } from '../i18n';

function disbursed(l: ReportLine, factor: number): number | null {
  for (const k of ['ytd:all', 'ytd:plan', 'inPeriod:all']) {
    const v = l.figures[k];
    if (v) return (v[''] ?? Object.values(v).reduce((a, b) => a + b, 0)) * factor;
  }
  return null;
}

/**
 * One report line to pair: unmatched, or (`from`) paired by a similar name with a project the
 * user may change; the closest names first.
 */
function LinePairing(p: {
  session: ExecutionSession;
  line: ReportLine;
  factor: number;
  from?: string;
  onDone: (text: string) => void;
}) {
  const { t, lang } = useLang();
  const { session, line } = p;
  // the projects with the closest names first
  const options = useMemo(() => {
    const n = normaliseName(line.name);
    return session.plan.projects
      .map((x) => ({ x, s: nameSimilarity(n, normaliseName(x.name)) }))
      .sort((a, b) => b.s - a.s)
      .map((o) => o.x);
  }, [session, line]);
  const [pick, setPick] = useState('');
  const d = disbursed(line, p.factor);
  const from = p.from;
  const pair = (id: string) =>
    from === undefined ? session.pair(line, id) : session.repair(line, from, id);
  const current = from && session.plan.projects.find((x) => x.id === from);
  return (
    <li
      data-line={line.line}
      data-testid={from === undefined ? 'exec-unmatched-line' : 'exec-doubtful-line'}
    >
      <span className="pb-exec-line-name">{line.name}</span>
      {line.code ? ` [${line.code}]` : ''} — {line.lead || '—'}
      {d !== null ? ` — ${execAmounts(session.plan, lang).fmt(d)}` : ''}
      {current ? ` → ${current.name}` : ''}{' '}
      <select data-testid="exec-pair-select" value={pick} onChange={(e) => setPick(e.target.value)}>
        <option value="">{t(from === undefined ? 'execPairWith' : 'execRepairWith')}</option>
        {options
          .filter((x) => x.id !== from)
          .map((x) => (
            <option key={x.id} value={x.id}>
              {x.name.length > 90 ? `${x.name.slice(0, 90)}…` : x.name} ({x.lead || '—'})
            </option>
          ))}
      </select>{' '}
      <button
        type="button"
        data-testid="exec-pair"
        disabled={!pick}
        onClick={() => {
          if (pair(pick).ok) p.onDone(line.name);
        }}
      >
        {t('execPair')}
      </button>{' '}
      <button type="button" data-testid="exec-dismiss" onClick={() => pair('')}>
        {t('execNotInPlan')}
      </button>
    </li>
  );
}

export function UnmatchedLines(p: {
  session: ExecutionSession;
  version: number;
  onMessage: (m: { text: string; kind: 'info' | 'error' } | null) => void;
}) {
  const { t, lang } = useLang();
  const imp = p.session.lastImport;
  const year = p.session.plan.year;
  const fieldLabel = (f: ReportDifference['field']) =>
    f === 'plan'
      ? t('execPlanned', { year })
      : f === 'carry'
        ? t('execCarry', { year: year - 1 })
        : t(f === 'priorAllocated' ? 'execPriorAllocated' : 'execPriorDisbursed', {
            year: year - 1,
          });
  if (!imp) return null;
  const names = new Map(p.session.plan.projects.map((x) => [x.id, x.name]));
  const money = execAmounts(p.session.plan, lang).fmt;
  // derived from the model's pairs: an undone pairing puts its line back
  const open = p.session.toPair();
  const unmatched = open.unmatched;
  const doubtful = open.doubtful.filter((d) => names.has(d.projectId));
  if (!unmatched.length && !doubtful.length && !imp.differences.length) return null;
  return (
    <section className="pb-exec-unmatched" data-testid="exec-unmatched" data-version={p.version}>
      {unmatched.length > 0 && (
        <>
          <h3>
            {t('execUnmatched')} ({imp.file})
          </h3>
          <ul>
            {unmatched.map((l) => (
              <LinePairing
                key={`${l.line}:${l.name}`}
                session={p.session}
                line={l}
                factor={imp.factor}
                onDone={() => p.onMessage(null)}
              />
            ))}
          </ul>
        </>
      )}
      {doubtful.length > 0 && (
        <details>
          <summary>
            {t('execDoubtful')} ({doubtful.length})
          </summary>
          <ul data-testid="exec-doubtful">
            {doubtful.map((d) => (
              <LinePairing
                key={`${d.line.line}:${d.line.name}`}
                session={p.session}
                line={d.line}
                factor={imp.factor}
                from={d.projectId}
                onDone={() => p.onMessage(null)}
              />
            ))}
          </ul>
        </details>
      )}
      {imp.differences.length > 0 && (
        <details>
          <summary>
            {t('execDifferences')} ({imp.differences.length})
          </summary>
          <ul>
            {imp.differences.map((d) => (
              <li key={`${d.line}:${d.field}`} data-testid="exec-difference">
                {t('execDifference', {
                  project: names.get(d.projectId) ?? '',
                  field: fieldLabel(d.field),
                  tracking: money(d.tracking),
                  report: money(d.report),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
