/**
 * Report lines whose names are near-identical to other projects' (a year, a count apart) are never
 * paired across: a name the report marks as cut short (`…`) is the one project it begins, before
 * names merely alike; the seed's `… cho 05 đơn vị cấp huyện` / `… cho 04 đơn vị cấp huyện` stay apart.
 */
import { describe, expect, it } from 'vitest';
import type { ExecProject } from './execution';
import { figureKey, matchReport, type MatchPlan, type ReportLine } from './executionReport';

const project = (id: string, name: string, lead = ''): ExecProject => ({
  id,
  name,
  lead,
  code: '',
  path: [],
});

/** The lines of a budget table of 2013 (names a year apart), its plan figures in triệu đồng. */
const PROJECTS: [string, string, number][] = [
  ['i6', 'Kinh phí chuyển nguồn năm 2012 sang năm 2013 để thực hiện cải cách tiền lương', 12595],
  [
    'i7',
    'Kinh phí đã xuất quĩ ngân sách năm 2012 chưa quyết toán, chuyển sang năm 2013 quyết toán và số chuyển nguồn năm 2012 sang năm 2013 để chi theo chế độ qui định',
    60673,
  ],
  ['i9', 'Chi thuộc nhiệm vụ của ngân sách trung ương theo phân cấp', 515360],
  ['i13', 'Kinh phí chuyển nguồn năm 2013 sang năm 2014 thực hiện cải cách tiền lương', 7716],
  [
    'i14',
    'Kinh phí đã xuất quĩ ngân sách năm 2013 chưa quyết toán, chuyển sang năm 2014 quyết toán và số chuyển nguồn năm 2013 sang năm 2014 để chi theo chế độ qui định',
    68695,
  ],
  ['i26', 'Số chuyển nguồn năm 2012 sang năm 2013 để chi theo chế độ quy định', 119193],
];

const plan: MatchPlan = {
  projects: PROJECTS.map(([id, name]) => project(id, name)),
  pairs: {},
  lines: PROJECTS.map(([projectId, , p]) => ({ projectId, plan: p })),
};

/** A report line named as the report writes it, with its plan and disbursement (tỷ đồng). */
const line = (n: number, name: string, p: number): ReportLine => ({
  line: n,
  kind: 'project',
  level: 1,
  name,
  lead: '',
  code: '',
  figures: { [figureKey('plan', 'all')]: { '': p }, [figureKey('ytd', 'all')]: { '': p / 2 } },
});

/** Names cut to their first twelve words and marked `…`, as a treasury's narrow column prints them. */
const cut = (name: string) => `${name.split(' ').slice(0, 12).join(' ')}…`;

describe('near-identical names in a report', () => {
  it('pairs a name cut short with the project it begins, not with one a year apart', () => {
    // the 2012 line is missing from the report: its neighbour of 2013 must not take its place
    const lines = PROJECTS.filter(([id]) => id !== 'i7').map(([, name, p], i) =>
      line(10 + i, cut(name), p / 1000),
    );
    const m = matchReport(plan, { name: 'BC', title: '', columns: [], lines }, 1000);
    expect(m.matched.map((x) => [x.line.line, x.projectId])).toEqual([
      [10, 'i6'],
      [11, 'i9'],
      [12, 'i13'],
      [13, 'i14'],
      [14, 'i26'],
    ]);
    expect(m.unmatched).toEqual([]);
  });
});
