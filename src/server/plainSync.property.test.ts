/**
 * Issue #21, plain sheets cell by cell (here beside the server, whose tests may drive the app): any sequence of random steps (plain cells written, sheets
 * added and removed, appendix edits), undone and redone, written into the shared document step by
 * step, is read back by another replica as the same workbook after every step (plain sheets
 * compared without trailing blanks: a shorter row and one padded with blanks show the same).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CellInput, Workbook } from '../domain/types';
import { SharedWorkbook } from '../storage/sync/sharedWorkbook';
import { propertyParams } from '../app/propertySeed';
import { commandOf, seedArb, startWorkbook } from '../app/randomSteps';
import { WorkbookSession } from '../app/session';

const base = { id: 'w', createdAt: 1, updatedAt: 1 };

function trimmed(cells: CellInput[][]): CellInput[][] {
  const rows = cells.map((r) => {
    const out = r.slice();
    while (out.length && (out.at(-1) === null || out.at(-1) === '')) out.pop();
    return out;
  });
  while (rows.length && !rows.at(-1)!.length) rows.pop();
  return rows;
}

const shown = (wb: Workbook) => ({
  meta: wb.meta,
  sheets: wb.sheets,
  grids: (wb.grids ?? []).map((g) => ({ ...g, cells: trimmed(g.cells) })),
});

describe('plain sheets in the shared document', () => {
  it('another replica reads every step, undo and redo as the session shows it', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(seedArb, { minLength: 20, maxLength: 60 }), async (seeds) => {
        const n = ++runs;
        const s = new WorkbookSession(
          { workbook: startWorkbook(n), order: new Map(), rev: 1 },
          null,
        );
        const docA = new Y.Doc();
        const a = new SharedWorkbook(docA, { author: 'lan', base });
        a.publish(s.workbook);
        let last = s.workbook;
        s.subscribe(() => {
          a.commit(last, s.workbook);
          last = s.workbook;
        });
        const docB = new Y.Doc();
        const b = new SharedWorkbook(docB, { author: 'minh', base });
        const check = () => {
          Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
          expect(shown(b.workbook!)).toEqual(JSON.parse(JSON.stringify(shown(s.workbook))));
          expect(b.conflicts()).toEqual([]);
        };
        const ids = { prefix: `${n}_`, next: 1 };
        let steps = 0;
        for (const seed of seeds) {
          const cmd = commandOf(s.workbook, seed, ids);
          if (!cmd) continue;
          try {
            s.dispatch(cmd, `step ${steps++}`);
          } catch (e) {
            if (e instanceof Error && / not found| exists/.test(e.message)) continue;
            throw e;
          }
          check();
        }
        while (s.history.canUndo) {
          s.undo();
          check();
        }
        while (s.history.canRedo) {
          s.redo();
          check();
        }
      }),
      propertyParams('plain sync property', 30),
    );
  }, 300_000);
});
