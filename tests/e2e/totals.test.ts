/** Issue 15 in Debian Chromium: one set of totals (the plan's own), marked figures, the export choice. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { e2eSuite } from './harness';
import { TotalsPageModel } from './pages/TotalsPage';

const suite = e2eSuite();

/** Section 1 of the sample (Tổng mức đầu tư stated 36.300) and its grand total row (Tổng cộng). */
const SECTION1 = 'qt01';
const GRAND = 'qt22';

describe('totals on screen', () => {
  it('shows the plan’s total rows once, its stated figures marked with the computed ones beside', async () => {
    const wb = await suite.sample();
    const tp = new TotalsPageModel(wb.page);
    // one Tổng cộng row: the plan's own; no computed rows pinned, no "(tính)" column
    assert.equal(await tp.rowsNamed('Tổng cộng'), 1);
    assert.equal(await tp.pinnedRows().count(), 0);
    assert.equal(await tp.headerShown('total'), false);
    assert.equal(await wb.page.locator('.ag-header-cell', { hasText: '(tính)' }).count(), 0);
    // section 1 shows what the plan states, marked, with what its projects add up to beside
    assert.equal(await tp.shown(SECTION1, 'stated'), '36.300');
    assert.equal(await tp.marked(SECTION1, 'stated'), true);
    assert.equal(await tp.besideIs(SECTION1, 'stated', '≠ 41.300'), '≠ 41.300');
    assert.match(
      (await tp.cell(SECTION1, 'stated').getAttribute('class')) ?? '',
      /pb-finding-error/,
    );
    // the plan's Tổng cộng row is live: 2011 over both sources (stated 11.150) follows an edit
    assert.equal(await tp.shown(GRAND, 'y2011_dtpt'), '11.150');
    assert.equal(await tp.besideIs(GRAND, 'y2011_dtpt', '≠ 9.100'), '≠ 9.100');
    await wb.type(2, 'y2011_dtpt', '2.050');
    await tp.beside(GRAND, 'y2011_dtpt').waitFor({ state: 'detached' });
    assert.equal(await tp.marked(GRAND, 'y2011_dtpt'), false);
    assert.equal(await tp.besideIs(GRAND, 'stated', '≠ 51.900'), '≠ 51.900');
    await wb.page.close();
  });
});

describe('export of stated figures that differ', () => {
  it('asks: formulas write the computed figures and the check sheet lists each; keep writes the stated ones', async () => {
    const wb = await suite.sample();
    const tp = new TotalsPageModel(wb.page);
    const dialog = await tp.exportAsked();
    assert.match(await dialog.innerText(), /20 số liệu/);
    assert.match(await dialog.innerText(), /36\.300.*41\.300/);
    // cancel writes nothing
    assert.equal(await tp.choose('cancel'), null);
    assert.equal(await wb.page.locator('[data-testid=stated-choice]').count(), 0);

    await tp.exportAsked();
    const formulas = XLSX.read(readFileSync((await (await tp.choose('formulas'))!.path())!), {
      type: 'buffer',
      cellFormula: true,
    });
    const a = formulas.Sheets['Phụ lục'];
    assert.equal(a.O11.f, 'SUM(O12:O17)');
    assert.equal(a.O11.v, 41300);
    const report = XLSX.utils.sheet_to_json<unknown[]>(formulas.Sheets['Kiểm tra'], { header: 1 });
    const o8 = report.find((r) => r[1] === "'Phụ lục'!O11");
    assert.equal(o8?.[9], '36.300 → 41.300');
    assert.equal(report.filter((r) => /^'Phụ lục'!/.test(String(r[1] ?? ''))).length, 20);

    await tp.exportAsked();
    const kept = XLSX.read(readFileSync((await (await tp.choose('keep'))!.path())!), {
      type: 'buffer',
      cellFormula: true,
    });
    assert.equal(kept.Sheets['Phụ lục'].O11.v, 36300);
    assert.equal(kept.Sheets['Phụ lục'].O11.f, undefined);
    const keptReport = XLSX.utils.sheet_to_json<unknown[]>(kept.Sheets['Kiểm tra'], {
      header: 1,
    });
    assert.equal(keptReport.find((r) => r[1] === "'Phụ lục'!O11")?.[2], 'Giữ số ghi');
    await wb.page.close();
  });
});
