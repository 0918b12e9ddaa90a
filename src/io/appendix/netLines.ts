/**
 * A line without figures of its own whose only breakdown, announced *Trong đó*, lists the gross,
 * the refunds and the net (`Thuế GTGT hàng nhập khẩu`: `- Tổng số thu`, `- Số hoàn thuế`, `- Số
 * thu cân đối NSNN`, the last the sum of the others): the net line stands for it (the convention
 * of fixtures/audits/README.md), so it is read as the line's item and added into it, not as an
 * of-which part; the gross and the refunds stay parts.
 */
import type { Row } from '../../domain/types';

const figures = (r: Row): [string, number][] =>
  Object.entries(r.cells).filter(
    (e): e is [string, number] => e[0] !== 'tt' && typeof e[1] === 'number',
  );

/** Whether `last` is the sum of `others` in every column any of them holds a figure in. */
function isNet(others: readonly Row[], last: Row): boolean {
  const cols = new Set([...others, last].flatMap((r) => figures(r).map(([k]) => k)));
  if (!cols.size) return false;
  for (const k of cols) {
    const own = last.cells[k];
    if (typeof own !== 'number') return false;
    let sum = 0;
    for (const r of others) sum += typeof r.cells[k] === 'number' ? (r.cells[k] as number) : 0;
    if (Math.abs(sum - own) > others.length * 0.5 + 1e-9) return false;
  }
  return true;
}

/** Reads the net line of each `gross, refunds, net` breakdown as its line's item (in place). */
export function netLines(rows: Row[]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'section' || r.part || figures(r).length) continue;
    const kids: Row[] = [];
    let j = i + 1;
    for (; j < rows.length && rows[j].level > r.level; j++)
      if (rows[j].level === r.level + 1) kids.push(rows[j]);
    if (kids.length < 3 || kids.some((k) => k.part !== 'ofWhich')) continue;
    // nothing nested under the lines: a flat list of figures
    if (j - i - 1 !== kids.length) continue;
    const last = kids[kids.length - 1];
    if (isNet(kids.slice(0, -1), last)) delete last.part;
  }
}
