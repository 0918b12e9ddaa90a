/**
 * A file whose findings run into the hundreds of thousands (a total line repeated 100,000 times by
 * a damaged export) is answered in bounded memory: at most LISTED_FINDINGS are listed per sheet,
 * the others are counted, the summary and the exit code count them all, and the output says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from './check';
import { formatWorkbookCheck, LISTED_FINDINGS } from './checkJson';
import { readPlanFile } from '../io/readPlan';

/** The Quảng Trị appendix with its first total line repeated `n` more times. */
function repeatedTotals(n: number): Uint8Array {
  const lines = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('Tổng vốn đầu tư phát triển'));
  lines.splice(at, 0, ...Array<string>(n).fill(lines[at]));
  return new TextEncoder().encode(lines.join('\n'));
}

describe('findings beyond the listed limit', () => {
  it('are counted, not listed, and said', () => {
    const r = checkWorkbook('plan.tsv', readPlanFile('plan.tsv', repeatedTotals(2_500)));
    const sheet = r.sheets[0];
    expect(sheet.findings).toHaveLength(LISTED_FINDINGS);
    expect(sheet.unlisted).toBeDefined();
    const all = LISTED_FINDINGS + sheet.unlisted!.errors + sheet.unlisted!.warnings;
    // every repeated line states the figures of the lines above it again: each is found
    expect(all).toBeGreaterThan(2_500 * 5);
    expect(r.summary.errors + r.summary.warnings).toBe(all);
    expect(r.unlisted).toEqual(sheet.unlisted);
    const text = formatWorkbookCheck(r);
    expect(text).toContain(`${r.summary.errors} error(s)`);
    expect(text).toMatch(/\.\.\. and \d+ more finding\(s\) not listed/);
  });

  it('a file under the limit lists every finding and says nothing more', () => {
    const r = checkWorkbook('plan.tsv', readPlanFile('plan.tsv', repeatedTotals(2)));
    expect(r.sheets[0].unlisted).toBeUndefined();
    expect(r.summary.errors + r.summary.warnings).toBe(r.findings.length);
    expect(formatWorkbookCheck(r)).not.toContain('not listed');
  });
});
