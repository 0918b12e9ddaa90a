/**
 * A consolidation too wide for one readable page: two departments' projects over five years × two
 * sources (requested, proposed, difference each: 38 columns), or one column proposed only.
 */
import { consolidate } from '../../src/domain/consolidate';
import { formColumnId } from '../../src/domain/consolidateColumns';
import type { Submission } from '../../src/domain/consolidateTypes';
import { exportConsolidationXlsx } from '../../src/io/export/consolidationXlsx';
import {
  oneProjectSubmission,
  submissionsById,
  twoUnitConsolidation,
} from '../../src/domain/consolidateSamples';

const SOURCES = ['ĐTPT', 'SN'];

/** A department's submission: `names` projects, a figure in every year × source. */
function department(id: string, unit: string, names: string[], years: number[]): Submission {
  const s = oneProjectSubmission(id, unit, names[0], {});
  s.columns = years.flatMap((y) =>
    SOURCES.map((source) => ({
      key: `s:${y}${source}`,
      sheet: 'PL',
      path: [`Năm ${y}`, `Vốn ${source}`],
      year: y,
      source,
      kind: 'amount' as const,
    })),
  );
  s.projects = names.map((name, i) => ({
    id: `s:r${i}`,
    number: String(i + 1),
    name,
    lead: unit,
    sections: ['I'],
    line: 7 + i,
    values: Object.fromEntries(s.columns.map((c, k) => [c.key, 100 * (i + 1) + k])),
  }));
  return s;
}

/** Exports the consolidation of two departments over `years` (proposed only: one figure each). */
export async function wideConsolidation(years: number[], proposedOnly = false) {
  const a = department(
    'yt',
    'Sở Y tế',
    ['Bệnh án điện tử', 'Hệ thống thông tin y tế cơ sở'],
    years,
  );
  const b = department(
    'nv',
    'Sở Nội vụ',
    ['Số hóa hồ sơ cán bộ công chức', 'Phần mềm quản lý văn bản'],
    years,
  );
  const st = twoUnitConsolidation([a, b]);
  st.form.columns = years.flatMap((y) =>
    SOURCES.map((source) => ({ id: formColumnId(y, source), year: y, source })),
  );
  const table = consolidate(st, submissionsById(a, b));
  return exportConsolidationXlsx({
    table,
    form: st.form,
    subtitle: 'Hai đơn vị nộp',
    submissions: [],
    proposedOnly,
  });
}
