/**
 * Renders the README screenshots in headless Chromium: the sample plan → docs/screenshot.png, its
 * year view with a ceiling → docs/views.png.
 */
import { launch, serveDist } from '../tests/e2e/harness';

async function main(): Promise<void> {
  const srv = await serveDist();
  const { context, close } = await launch();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 860 });
  await page.goto(srv.url);
  await page.waitForSelector('[data-testid=workbook-list] tbody tr a');
  await page.click('[data-testid=workbook-list] tbody tr a');
  await page.waitForSelector('.ag-row[row-id="pin:all"]');
  await page.evaluate(() => {
    const api = (
      window as unknown as { __grid: { setFocusedCell: (i: number, c: string) => void } }
    ).__grid;
    api.setFocusedCell(6, 'y2015_dtpt');
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.click('[data-testid=view-years]');
  await page.waitForSelector('[data-testid=years-table] tbody tr');
  await page.fill('[data-testid="ceiling-2012-ĐTPT"]', '10.000');
  await page.press('[data-testid="ceiling-2012-ĐTPT"]', 'Enter');
  await page.waitForSelector('td.pb-over');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/views.png' });
  await close();
  await srv.close();
}
void main();
