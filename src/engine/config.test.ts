import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { ENGINE_CONFIG, parseDateTime } from './config';

describe('engine configuration', () => {
  it('never tries the date formats on text the engine holds as text', () => {
    let tried = 0;
    const hf = HyperFormula.buildFromSheets(
      { s: [["'31/12/2020", '=DATEVALUE("31/12/2020")']] },
      {
        ...ENGINE_CONFIG,
        parseDateTime: (t: string, d?: string, tf?: string) => {
          if (t.startsWith("'")) tried++;
          return parseDateTime(t, d, tf);
        },
      },
    );
    // the text stays text, a date in a formula is still a date (the default reading)
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe('31/12/2020');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(44196);
    expect(parseDateTime("'31/12/2020")).toBeUndefined();
    expect(ENGINE_CONFIG.parseDateTime).toBe(parseDateTime);
    expect(tried).toBeGreaterThan(0);
    hf.destroy();
  });
});
