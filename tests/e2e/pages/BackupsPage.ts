/** Page model: the start page's automatic backups, Export all / Import all, and Settings. */
import type { Locator, Page } from 'playwright-core';

export class BackupsPageModel {
  constructor(readonly page: Page) {}

  /** Leaves the open workbook for the start page (as the back button does: the workbook closes). */
  async toStart(): Promise<void> {
    await this.page.evaluate(() => (window.location.hash = ''));
    await this.page.waitForSelector('[data-testid=workbook-list] tbody tr');
  }

  /** The backups of a workbook (its details block, opened). */
  async of(workbookId: string): Promise<Locator> {
    const d = this.page.locator(`[data-testid=backups] details[data-backups-of="${workbookId}"]`);
    await d.waitFor();
    if (!(await d.evaluate((e) => (e as HTMLDetailsElement).open)))
      await d.locator('summary').click();
    return d;
  }

  /** Waits until a workbook has at least `n` backups; their reasons, newest first. */
  async reasons(workbookId: string, n: number): Promise<string[]> {
    const rows = this.page.locator(
      `[data-testid=backups] details[data-backups-of="${workbookId}"] tbody tr`,
    );
    await this.page.waitForFunction(
      ([id, k]) =>
        document.querySelectorAll(`[data-testid=backups] details[data-backups-of="${id}"] tbody tr`)
          .length >= (k as number),
      [workbookId, n] as const,
    );
    return rows.evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent ?? ''));
  }

  /** Restores the k-th backup (0: newest) of a workbook as a new workbook. */
  async restoreAsNew(workbookId: string, k: number): Promise<string> {
    const d = await this.of(workbookId);
    await d.locator('tbody tr').nth(k).getByRole('button').nth(0).click();
    return this.message('[data-testid=backup-message]');
  }

  /** Restores the k-th backup of a workbook over it, accepting the confirmation. */
  async restoreOver(workbookId: string, k: number): Promise<string> {
    const d = await this.of(workbookId);
    this.page.once('dialog', (dlg) => void dlg.accept());
    await d.locator('tbody tr').nth(k).getByRole('button').nth(1).click();
    return this.message('[data-testid=backup-message]');
  }

  /** Ids of the listed workbooks, in order. */
  ids(): Promise<string[]> {
    return this.page
      .locator('[data-testid=workbook-list] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-workbook') ?? ''));
  }

  /** Clicks Export all; the archive's bytes. */
  async exportAll(): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.page.click('[data-testid=export-all]');
    const { readFileSync } = await import('node:fs');
    return readFileSync((await (await download).path())!);
  }

  /** Chooses an archive for Import all (the clash dialog, if any, is left to the caller). */
  async importAll(name: string, bytes: Buffer): Promise<void> {
    await this.page.setInputFiles('[data-testid=import-all]', {
      name,
      mimeType: 'application/zip',
      buffer: bytes,
    });
  }

  /** The answer of the clash dialog: copy, skip or replace (replace accepts the confirmation). */
  async resolveClashes(button: RegExp): Promise<void> {
    const box = this.page.locator('[data-testid=import-all-clashes]');
    await box.waitFor();
    this.page.once('dialog', (dlg) => void dlg.accept());
    await box.getByRole('button', { name: button }).click();
  }

  /** The archive's message after an import or export. */
  archiveMessage(): Promise<string> {
    return this.message('[data-testid=archive-message]');
  }

  /** Opens Settings; the persistence answer and the usage line. */
  async settings(): Promise<{ persist: string; usage: string }> {
    await this.page.click('[data-testid=settings-toggle]');
    const p = this.page.locator('[data-testid=settings-persist]');
    await this.page.waitForFunction(() => !!document.querySelector('[data-testid=settings-usage]'));
    return {
      persist: (await p.innerText()).trim(),
      usage: (await this.page.locator('[data-testid=settings-usage]').innerText()).trim(),
    };
  }

  private async message(sel: string): Promise<string> {
    const l = this.page.locator(sel);
    await l.waitFor();
    return (await l.innerText()).trim();
  }
}
