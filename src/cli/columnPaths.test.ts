/**
 * Plan_2010 (MoF corpus): two errors of the grand total row in different columns were both
 * labelled `[TỔNG SỐ]`, the leaf label several source groups share; each now names its column by
 * its path in the sheet's header (domain/columnPath.ts), in the text and the JSON output.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookCheckJson } from './check';
import { runCli } from './main';

const FILE = 'fixtures/mof/Plan_2010.xls';

describe('planbook check names an ambiguous column by its path', () => {
  it('the errors of F13 and I13 read apart', async () => {
    const out = JSON.parse((await runCli(['check', FILE, '--json'])).stdout) as WorkbookCheckJson;
    const at = (cell: string) => out.findings.find((f) => f.cell === cell)!.message;
    // before: both 'TỔNG SỐ [TỔNG SỐ]: stated …'
    expect(at('F13')).toMatch(
      /^TỔNG SỐ \[BỔ SUNG TỪ NGÂN SÁCH TRUNG ƯƠNG CHO NGÂN SÁCH ĐỊA PHƯƠNG › TỔNG SỐ\]: stated 106,190,453/,
    );
    expect(at('I13')).toMatch(/^TỔNG SỐ \[BỔ SUNG CÓ MỤC TIÊU › TỔNG SỐ\]: stated 53,454,709/);
    const text = (await runCli(['check', FILE])).stdout;
    expect(text).toContain('I13: TỔNG SỐ [BỔ SUNG CÓ MỤC TIÊU › TỔNG SỐ]');
    expect(text).not.toMatch(/\[TỔNG SỐ\]/);
  });
});
