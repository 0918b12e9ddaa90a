/**
 * Undo in a shared workbook, in Chromium: two officers on one plan through the server; an edit
 * that arrives from the other is never one's own undo step, and undoing one's own edit leaves the
 * other's edits (a cell of the same row, a cell below) on both screens, with the same totals.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { token } from '../../src/server/testkit';
import { collabServer } from './collabServer';
import { e2eSuite, openSample } from './harness';
import { openFromServer, SyncPanelModel } from './pages/SyncPanel';
import { WorkbookPageModel } from './pages/WorkbookPage';

const suite = e2eSuite();
const server = collabServer();

const DOC = 'plan/e2e-undo/submission/gtvt';
const E = 'y2011_dtpt';
const F = 'y2014_dtpt';

describe('undo in a shared workbook', () => {
  it("undoes only one's own step; the other's edits stay on both screens", async () => {
    const a = await openSample(await suite.profile(), suite.url());
    const syncA = new SyncPanelModel(a.page);
    await syncA.connect(server.url(), DOC, token('lan'));
    const page = await (await suite.profile()).newPage();
    page.setDefaultTimeout(15_000);
    await openFromServer(page, suite.url(), server.url(), DOC, token('lan'));
    const b = new WorkbookPageModel(page);
    const undoB = b.page.locator('[data-action=undo]');
    const both = async (row: number, col: string, text: string) => {
      for (const w of [a, b]) assert.equal(await w.textIs(w.cell(row, col), text), text);
    };

    await a.type(1, E, '4000');
    await both(1, E, '4.000');
    assert.equal(await undoB.isDisabled(), true); // a's edit is not b's undo step

    await b.type(1, F, '777'); // the same row, another cell
    await b.type(3, E, '999'); // a row below
    await both(1, F, '777');
    await both(3, E, '999');

    await a.action('undo');
    await both(1, E, '3.500'); // a's own edit undone, for both
    await both(1, F, '777'); // was erased by a's undo (the whole row put back)
    await both(3, E, '999');
    assert.equal(await a.computed('grand', E), await b.computed('grand', E));
  });
});
