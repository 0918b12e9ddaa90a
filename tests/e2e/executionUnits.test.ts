/**
 * A disbursement report in đồng that states no unit, imported into a tracking in triệu đồng: read
 * in đồng by its own year-plan column (never a rate a million times too high), and the import's
 * message says so in Vietnamese.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite } from './harness';
import { ExecutionPageModel } from './pages/ExecutionPage';
import { StartPageModel } from './pages/StartPage';

const F = resolve(import.meta.dirname, '../../fixtures/execution');
const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** The report: three projects of the 2022–2025 plan, figures in đồng, no `Đơn vị tính` line. */
const REPORT = [
  ['BÁO CÁO TÌNH HÌNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG NĂM 2024'],
  ['(Số liệu đến ngày 30/04/2024)'],
  [
    'STT',
    'Tên dự án',
    'Chủ đầu tư',
    'Kế hoạch vốn năm 2024',
    'Lũy kế giải ngân từ đầu năm đến 30/04/2024',
  ],
  [
    '1',
    'Đường giao thông liên xã Hải Thượng - Hải Lâm',
    'Ban QLDA ĐTXD công trình giao thông',
    '15000000000',
    '6000000000',
  ],
  ['2', 'Cầu Thạch Hãn 2', 'Ban QLDA ĐTXD công trình giao thông', '20000000000', '5000000000'],
  [
    '3',
    'Đường cứu hộ cứu nạn huyện Triệu Phong',
    'UBND huyện Triệu Phong',
    '5000000000',
    '1000000000',
  ],
];

describe('a report that states no unit', () => {
  it('is read in the unit its plan column shows, and the message says so', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const start = new StartPageModel(page);
    await start.goto(suite.url());
    await start.drop(
      'ke-hoach-dau-tu-cong-2022-2025.xlsx',
      readFileSync(`${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`),
    );
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=plan-grid] .ag-row');
    const exec = new ExecutionPageModel(page);
    await exec.start(2024);
    const file = join(mkdtempSync(join(tmpdir(), 'planbook-units-')), 'bao-cao-khong-don-vi.csv');
    writeFileSync(file, REPORT.map((r) => r.join('\t')).join('\n'));
    assert.match(
      await exec.importReport(file),
      /3 dòng khớp với dự án, 0 dòng chưa ghép\. Báo cáo không ghi đơn vị tính: theo cột kế hoạch vốn năm của chính báo cáo \(3 dòng\), số liệu được đọc theo đồng\./,
    );
    // 6.000 + 5.000 + 1.000 triệu đồng, not 12.000.000.000
    assert.equal(await exec.totalDisbursed(), '12.000');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
