/**
 * Issue #20 (the edit's slow tail): an edit that changes the findings re-renders the checks panel
 * without reading its layout. The findings list measured its height with offsetHeight after every
 * render, which forced a layout of the whole page inside the edit (~3 ms of an edit's ~6 ms of CPU
 * at 10,000 projects, up to ~10 ms on a loaded machine); a ResizeObserver now measures it after
 * the browser's own layout.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { e2eSuite, openSample } from './harness';

const suite = e2eSuite();
let context: BrowserContext;
before(async () => {
  context = await suite.profile();
});

/** Counts, in the page, reads of layout figures on elements inside the checks panel. */
const SPY = `(() => {
  const w = window;
  w.__panelReads = 0;
  const inPanel = (el) => el instanceof Element && !!el.closest('[data-testid=checks-panel]');
  for (const k of ['offsetHeight', 'offsetWidth', 'offsetTop', 'clientHeight', 'scrollHeight']) {
    const d = Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)
      ?? Object.getOwnPropertyDescriptor(Element.prototype, k);
    const owner = Object.getOwnPropertyDescriptor(HTMLElement.prototype, k) ? HTMLElement.prototype : Element.prototype;
    Object.defineProperty(owner, k, {
      configurable: true,
      get() { if (inPanel(this)) w.__panelReads++; return d.get.call(this); },
    });
  }
  const rect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (inPanel(this)) w.__panelReads++;
    return rect.call(this);
  };
})()`;

describe('the checks panel during an edit', () => {
  it('shows the new finding without reading the layout of its list', async () => {
    const wb = await openSample(context, suite.url());
    const page = wb.page;
    const badge = page.locator('[data-testid=checks-badge]');
    assert.equal(await wb.textIs(badge, '26'), '26');
    await page.evaluate(SPY);
    const finding = page.locator('[data-testid=finding][data-row=qt04]');
    await wb.type(3, 'y2014_dtpt', '1.500'); // 2.000 + 2.000 + 1.500 ≠ 5.000
    await finding.waitFor();
    assert.equal(await wb.textIs(badge, '27'), '27');
    assert.equal(await page.evaluate('window.__panelReads'), 0);
    await wb.type(3, 'y2014_dtpt', '1.000');
    await finding.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate('window.__panelReads'), 0);
    await page.close();
  });
});
