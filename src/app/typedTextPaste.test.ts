import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import type { GridSheet } from '../domain/types';
import { planPaste } from './clipboard';
import { planGridPaste } from './plainClipboard';

describe("pasting a text behind Excel's keep-as-text apostrophe", () => {
  it('a plain grid sheet stores the text 0123, a number stays a number', () => {
    const g: GridSheet = { kind: 'grid', id: 'g', name: 'G', cells: [] };
    const r = planGridPaste(g, { row: 0, col: 0 }, [["'0123", '0123']]);
    expect(JSON.stringify(r)).toContain('"value":"0123"');
    expect(JSON.stringify(r)).toContain('"value":123');
    expect(JSON.stringify(r)).not.toContain("'0123");
  });

  it('an appendix text column stores the text without the apostrophe', () => {
    const wb = makePlan({ rows: [['project', 0, 'p', {}]] });
    // the TT and name columns, both text columns
    const r = planPaste(wb.sheets[0], { row: 0, col: 0 }, [["'01", "'Dự án"]]);
    const text = JSON.stringify(r);
    expect(text).toContain('"Dự án"');
    expect(text).toContain('"01"');
    expect(text).not.toContain("'01");
  });
});
