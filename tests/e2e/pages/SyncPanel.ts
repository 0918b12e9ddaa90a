/** Page model: the collaboration panel of an open workbook, and opening from a server. */
import type { Page } from 'playwright-core';

export class SyncPanelModel {
  constructor(readonly page: Page) {}

  /** Shows the panel (the header's Collaborate button). */
  async show(): Promise<void> {
    if (await this.page.locator('[data-testid=sync-panel]').count()) return;
    await this.page.click('[data-testid=sync-toggle]');
    await this.page.waitForSelector('[data-testid=sync-panel]');
  }

  /** Connects this workbook (shares it) and waits until it is online. */
  async connect(url: string, document: string, token: string): Promise<void> {
    await this.tryConnect(url, document, token);
    await this.waitSaved();
  }

  /** Waits until online with every edit stored on the server. */
  async waitSaved(): Promise<void> {
    await this.page.waitForSelector(
      '[data-testid=sync-status][data-status=online][data-saved=true]',
      {
        timeout: 20_000,
      },
    );
  }

  async goOffline(): Promise<void> {
    await this.show();
    await this.page.click('[data-testid=sync-offline]');
    await this.page.waitForSelector('[data-testid=sync-status][data-status=offline]');
  }

  async goOnline(): Promise<void> {
    await this.show();
    await this.page.click('[data-testid=sync-online]');
    await this.waitSaved();
  }

  /** Clicks "connect again" without waiting to be online (the server may refuse). */
  async reconnect(): Promise<void> {
    await this.show();
    await this.page.click('[data-testid=sync-online]');
  }

  /** The problem the panel states (waits until one is shown). */
  async problem(): Promise<string> {
    await this.show();
    return this.page.locator('[data-testid=sync-problem]').innerText({ timeout: 20_000 });
  }

  /** Fills the connection form and submits it (not waiting to be online). */
  async tryConnect(url: string, document: string, token: string): Promise<void> {
    await this.show();
    await this.page.fill('[data-testid=sync-url]', url);
    await this.page.fill('[data-testid=sync-document]', document);
    await this.page.fill('[data-testid=sync-token]', token);
    await this.page.click('[data-testid=sync-connect]');
  }

  /** The values of the conflicts shown (each conflict's values, sorted). */
  async conflicts(): Promise<string[][]> {
    return this.page.$$eval('[data-testid=sync-conflict]', (els) =>
      els.map((el) =>
        [...el.querySelectorAll('[data-testid=sync-conflict-value]')]
          .map((v) => v.getAttribute('data-value') ?? '')
          .sort(),
      ),
    );
  }

  /** Waits until `n` conflicts are shown. */
  async waitConflicts(n: number): Promise<void> {
    await this.show();
    await this.page.waitForFunction(
      (k) => document.querySelectorAll('[data-testid=sync-conflict]').length === k,
      n,
      { timeout: 20_000 },
    );
  }

  /** Keeps one value of the (first) conflict. */
  async keep(value: string): Promise<void> {
    await this.page
      .locator(`[data-testid=sync-conflict-value][data-value="${value}"] [data-testid=sync-keep]`)
      .first()
      .click();
  }

  /** Sends the workbook as the submission to the consolidating department; the message shown. */
  async sendSubmission(): Promise<string> {
    await this.show();
    // the click clears the last message and disables the button until the server answers
    await this.page.click('[data-testid=sync-send-button]');
    await this.page.waitForSelector('[data-testid=sync-send-button]:not(:disabled)');
    return this.page
      .locator('[data-testid=sync-sent], [data-testid=sync-send-problem]')
      .innerText();
  }

  /** Names of the people shown in the document. */
  people(): Promise<string[]> {
    return this.page.locator('[data-testid=sync-people] li').allInnerTexts();
  }
}

/** Opens a workbook shared on a server from the start page; waits for its grid. */
export async function openFromServer(
  page: Page,
  appUrl: string,
  url: string,
  document: string,
  token: string,
): Promise<void> {
  await page.goto(appUrl);
  await page.waitForSelector('[data-testid=open-from-server]');
  await page.fill('[data-testid=ofs-url]', url);
  await page.fill('[data-testid=ofs-document]', document);
  await page.fill('[data-testid=ofs-token]', token);
  await page.click('[data-testid=ofs-open]');
  await page.waitForSelector('[data-testid=plan-grid] .ag-row', { timeout: 20_000 });
}
