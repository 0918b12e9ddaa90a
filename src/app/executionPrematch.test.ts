/**
 * A report paired beside its reading (the worker) records exactly what pairing at the recording
 * gave: the fixtures' three reports in two layouts, a generated plan, and a stale pairing ignored.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annualPlanFrom } from '../domain/execution';
import { pairingInput, prematch } from '../domain/executionPrematch';
import type { ReportReading } from '../domain/executionReport';
import { generatePlan } from '../domain/generate';
import { readPlanFile } from '../io/readPlan';
import { readReportFile } from '../io/report/readReport';
import { ExecutionSession } from './execution';
import { recordReport } from './executionImport';
import type { PairedReading } from './reportImport';

const F = 'fixtures/execution';
const PLAN = `${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`;
const REPORTS = [
  'kbnn-giai-ngan-2024-01.xlsx',
  'bao-cao-giai-ngan-thang-02-2024.xls',
  'kbnn-giai-ngan-2024-03.xlsx',
];
const load = (f: string) => readReportFile(f, readFileSync(`${F}/${f}`), 2024);

/** What the worker posts: the reading and its pairing in one message (a structured clone). */
function viaWorker(s: ExecutionSession, r: ReportReading): PairedReading {
  const sent = structuredClone(pairingInput(s.plan));
  const reply = structuredClone({ reading: r, pre: prematch(sent, r) });
  return { reading: reply.reading, pre: { basis: s.plan, result: reply.pre } };
}

/** Everything an import leaves: the tracking, the summary, the engine's totals. */
function state(s: ExecutionSession) {
  return {
    plan: { ...s.plan, updatedAt: 0, createdAt: 0 },
    lastImport: s.lastImport,
    total: s.engine.group('total', ''),
    groups: s.engine.groupList().map((g) => s.engine.group(g.kind, g.key)),
    projects: s.plan.projects.map((p) => s.engine.project(p.id)),
  };
}

describe('pairing beside the reading', () => {
  it('records the fixtures’ reports exactly as pairing at the recording does', () => {
    const wb = readPlanFile(PLAN, readFileSync(PLAN)).workbook;
    const plan = () => annualPlanFrom(wb, 2024, { now: 1, id: 'x' });
    const a = new ExecutionSession('w', plan(), null);
    const b = new ExecutionSession('w', plan(), null);
    for (const f of REPORTS) {
      const r = load(f);
      const paired = viaWorker(b, structuredClone(r));
      expect(a.importReport(r)).toBeTruthy();
      expect(b.importReport(paired.reading, paired.pre)).toBeTruthy();
      expect(state(b)).toEqual(state(a));
    }
    a.close();
    b.close();
  });

  it('gives recordReport the same result on a generated plan, and null for no table', () => {
    const wb = generatePlan({ projects: 300, firstYear: 2021 });
    const plan = annualPlanFrom(wb, 2023, { now: 0 });
    const r: ReportReading = {
      ...load('kbnn-giai-ngan-2024-01.xlsx'),
      sheets: load('kbnn-giai-ngan-2024-01.xlsx').sheets.map((sh) => ({
        ...sh,
        lines: plan.projects.slice(0, 200).map((p, i) => ({
          ...sh.lines.find((l) => l.kind === 'project')!,
          line: i + 5,
          name: i % 7 ? p.name : `${p.name} (giai đoạn 2)`,
          lead: p.lead,
          code: '',
        })),
      })),
    };
    const pre = prematch(structuredClone(pairingInput(plan)), r);
    const direct = recordReport(plan, r, '2023-01-31');
    const viaPre = recordReport(plan, r, '2023-01-31', pre);
    const timeless = (x: typeof direct) => x && { ...x, plan: { ...x.plan, updatedAt: 0 } };
    expect(timeless(viaPre)).toEqual(timeless(direct));
    expect(direct!.summary.matched).toBeGreaterThan(100);
    expect(recordReport(plan, { ...r, sheets: [] }, '2023-01-31', null)).toBeNull();
  });

  it('pairs again when the tracking changed after the reading (a pair made meanwhile)', () => {
    const wb = readPlanFile(PLAN, readFileSync(PLAN)).workbook;
    const s = new ExecutionSession('w', annualPlanFrom(wb, 2024, { now: 1, id: 'x' }), null);
    const t = new ExecutionSession('w', annualPlanFrom(wb, 2024, { now: 1, id: 'x' }), null);
    const r = load('kbnn-giai-ngan-2024-01.xlsx');
    // a stale pairing that matched nothing: ignored once the tracking's pairs changed
    const stale: PairedReading['pre'] = {
      basis: s.plan,
      result: { sheet: 0, match: { matched: [], unmatched: [], dismissed: [] }, factor: 1 },
    };
    for (const x of [s, t]) x.edit({ pairs: [{ key: 'name:x|y', projectId: '' }] }, 'exec.pair');
    expect(s.importReport(r, stale)).toEqual(t.importReport(r));
    expect(state(s)).toEqual(state(t));
    s.close();
    t.close();
  });
});
