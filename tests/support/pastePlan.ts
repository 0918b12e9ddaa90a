/** The small appendix the paste tests write into (one section of two projects and the total). */
import { WorkbookSession } from '../../src/app/session';
import { makePlan } from '../../src/domain/template';
import type { GridSheet } from '../../src/domain/types';

/** 2011's ĐTPT amount column. */
export const A11 = 'y2011_dtpt';

/**
 * A session over the appendix: section I, projects a (2011 ĐTPT 1) and b (2), the total stating 3,
 * and the plain grid sheets `grids`. Leaves: 0 tt, 1 name, 2 lead, 3 coord, 4 2011 ĐTPT, 5 2011 SN,
 * 6 2012 ĐTPT, 7 2012 SN, 8 total, 9 stated, 10 notes.
 */
export function pastePlan(grids: GridSheet[] = []): WorkbookSession {
  const wb = makePlan({
    rows: [
      ['section', 0, 'I'],
      ['project', 1, 'a', { [A11]: 1 }],
      ['project', 1, 'b', { [A11]: 2 }],
      ['total', 0, 'Tổng cộng', { stated: 3 }],
    ],
  });
  const workbook = grids.length ? { ...wb, grids } : wb;
  return new WorkbookSession({ workbook, order: new Map(), rev: 1 }, null);
}
