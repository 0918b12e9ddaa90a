/**
 * The printed form prints a stated figure that differs from its rows as stated (what the grid
 * shows, what the file keeps) and marks the computed figure beside it, with a note.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkbookSession } from '../app/session';
import { formatAmount } from '../domain/numbers';
import { generatePlan } from '../domain/generate';
import { PrintableForm } from './PrintableForm';

describe('the printed form and a stated figure that differs', () => {
  it('prints the stated figure, the computed one beside it and a note', async () => {
    const wb = generatePlan({ projects: 12 });
    const sheet = wb.sheets[0];
    const section = sheet.rows.findIndex((r) => r.kind === 'section');
    const s = new WorkbookSession({ workbook: wb, order: new Map(), rev: 1 }, null);
    await s.whenEngineReady();
    const computed = s.value(sheet.id, section, 'y2023_dtpt') as number;
    expect(computed).toBeGreaterThan(36300);
    // the section states 36.300 (as an imported plan does); its rows add up to more
    sheet.rows[section].cells.y2023_dtpt = 36300;
    const html = renderToStaticMarkup(
      createElement(PrintableForm, {
        sheet,
        meta: wb.meta,
        values: s.values(sheet.id),
        lang: 'vi',
      }),
    );
    const cells = [
      ...html.matchAll(/<td[^>]*>([^<]*)<span[^>]*print-stated-diff[^>]*>([^<]*)</g),
    ].map((m) => `${m[1]}|${m[2]}`);
    // the stated figure first (never the computed one alone where the plan states another)
    expect(cells).toEqual([`36.300|≠ ${formatAmount(computed)}*`]);
    expect(html).toContain('(*) 1 số liệu ghi trên biểu khác tổng các dòng');
  });
});
