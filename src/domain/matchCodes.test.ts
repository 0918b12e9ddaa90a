import { describe, expect, it } from 'vitest';
import { matchProjects, projectRefs, type ProjectRef } from './match';
import { makePlan } from './template';

/** The projects of a plan of these names, each given the code beside it ('' : no code column). */
function coded(tag: string, rows: [string, string][]): ProjectRef[] {
  const wb = makePlan({
    rows: [
      ['section', 0, 'Hạ tầng'],
      ...rows.map(([n]): ['project', number, string] => ['project', 1, n]),
    ],
  });
  wb.sheets[0].rows = wb.sheets[0].rows.map((r) => ({ ...r, id: `${tag}${r.id}` }));
  return projectRefs(wb.sheets[0]).map((p, k) =>
    rows[k][1] ? { ...p, code: rows[k][1] } : { ...p },
  );
}
const pairs = (a: ProjectRef[], b: ProjectRef[]) =>
  matchProjects(a, b).matched.map((m) => [m.a.text, m.b.text, m.by]);

describe('project codes (Mã dự án) in matching', () => {
  const a = coded('a', [
    ['Trường THCS Triệu Độ', '7012345'],
    ['Đường giao thông liên xã', '7012362'],
    ['Trạm y tế xã Hải An', '7012379'],
  ]);

  it('pairs a project renamed outright by the code both files give it', () => {
    const b = coded('b', [
      ['Trường THCS Triệu Độ', '7012345'],
      ['Trụ sở làm việc Ban quản lý dự án', '7012362'],
      ['Trạm y tế xã Hải An', '7012379'],
    ]);
    expect(pairs(a, b)).toContainEqual([
      'Đường giao thông liên xã',
      'Trụ sở làm việc Ban quản lý dự án',
      'code',
    ]);
  });

  it('leaves two rows swapped under codes kept in order to their names', () => {
    const b = coded('b', [
      ['Đường giao thông liên xã', '7012345'],
      ['Trường THCS Triệu Độ', '7012362'],
      ['Trạm y tế xã Hải An', '7012379'],
    ]);
    expect(pairs(a, b).every(([x, y]) => x === y)).toBe(true);
  });

  it('takes no code one file lacks, nor a code written twice', () => {
    const plain = coded('b', [
      ['Trường THCS Triệu Độ', ''],
      ['Trụ sở làm việc Ban quản lý dự án', ''],
      ['Trạm y tế xã Hải An', ''],
    ]);
    expect(pairs(a, plain).some(([, , by]) => by === 'code')).toBe(false);
    const twice = coded('b', [
      ['Trường THCS Triệu Độ', '7012345'],
      ['Trụ sở làm việc Ban quản lý dự án', '7012345'],
      ['Trạm y tế xã Hải An', '7012379'],
    ]);
    expect(pairs(a, twice).some(([, , by]) => by === 'code')).toBe(false);
  });
});
