/** Small trackings the tests of execution build on (pure data). */
import { annualPlanFrom, type AnnualPlan, lineKey } from './execution';
import { makePlan } from './template';

/**
 * A 2024 plan nested three deep (I → 1 → 1.1), a unit spread over two top sections, and a project
 * outside any section.
 */
export function nestedTracking(): AnnualPlan {
  return withJune(annualPlanFrom(nestedPlan(), 2024, { now: 1, id: 'n' }));
}

/** The plan `nestedTracking` follows (a workbook). */
export function nestedPlan() {
  return makePlan({
    years: [2024],
    rows: [
      ['project', 0, 'Dự án ngoài mục', { lead: 'Sở KH', '2024:ĐTPT': 50 }],
      ['section', 0, 'Giao thông'],
      ['section', 1, 'Đường tỉnh'],
      ['section', 2, 'Chuyển tiếp'],
      ['project', 3, 'ĐT.585', { lead: 'Ban GT', '2024:ĐTPT': 1000 }],
      ['project', 3, 'ĐT.582', { lead: 'Ban DD', '2024:ĐTPT': 400 }],
      ['section', 2, 'Khởi công mới'],
      ['project', 3, 'ĐT.587', { lead: 'Ban GT', '2024:ĐTPT': 600 }],
      ['section', 1, 'Cầu'],
      ['project', 2, 'Cầu Hiền Lương', { lead: 'Ban GT', '2024:ĐTPT': 300, '2024:SN': 100 }],
      ['section', 0, 'Y tế'],
      ['project', 1, 'Bệnh viện tỉnh', { lead: 'Ban DD', '2024:ĐTPT': 2000 }],
    ],
  });
}

/** The June figures of `nestedTracking` (disbursed from 01/01 to 30/06/2024). */
export const NESTED_JUNE: Record<string, Record<string, number>> = {
  'Dự án ngoài mục': { ĐTPT: 10 },
  'ĐT.585': { ĐTPT: 500 },
  'ĐT.582': { ĐTPT: 100 },
  'ĐT.587': { ĐTPT: 60 },
  'Cầu Hiền Lương': { ĐTPT: 150, SN: 20 },
  'Bệnh viện tỉnh': { ĐTPT: 1200 },
};

function withJune(t: AnnualPlan): AnnualPlan {
  const end = '2024-06-30';
  const figures: AnnualPlan['disbursed'][string] = {};
  for (const [name, bySource] of Object.entries(NESTED_JUNE)) {
    const p = t.projects.find((x) => x.name === name)!;
    for (const [source, plan] of Object.entries(bySource))
      figures[lineKey(p.id, source)] = { plan, carry: null };
  }
  return { ...t, periods: [{ id: end, end, kind: 'month' }], disbursed: { [end]: figures } };
}
