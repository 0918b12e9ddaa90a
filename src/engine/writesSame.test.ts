import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  restructure as restructureBefore,
  rowWrites as rowWritesBefore,
} from '../../tests/support/restructureBefore/writes';
import { diffSheet } from '../domain/delta';
import { generatePlan } from '../domain/generate';
import type { AppendixSheet, Row } from '../domain/types';
import { layoutOf, rowContents } from './layout';
import { restructure, rowWrites } from './writes';

/** A pasted project row: amounts, a text, a formula, and (every third) nothing at all. */
function pasted(k: number): Row {
  const cells: Row['cells'] =
    k % 3 === 2
      ? {}
      : {
          name: `Dán ${k}`,
          y2021_dtpt: k + 1,
          y2022_sn: (k * 7) % 11,
          y2023_dtpt: k % 2 ? `=E${k + 3}*2` : 5,
          notes: k % 4 ? '' : 'ghi chú',
        };
  return { id: `p${k}`, kind: 'project', level: 2, cells };
}

/** The sheet after rows were pasted below the last project, inside, and some removed or moved. */
function edited(sheet: AppendixSheet): AppendixSheet {
  const rows = [...sheet.rows];
  const last = rows.findLastIndex((r) => r.kind === 'project');
  rows.splice(last + 1, 0, ...Array.from({ length: 12 }, (_, k) => pasted(k)));
  rows.splice(5, 0, pasted(20), pasted(21));
  rows.splice(9, 1);
  rows.splice(3, 0, ...rows.splice(12, 2)); // two rows moved up
  const s = rows.findIndex((r, i) => i > 2 && r.kind === 'project');
  rows[s] = { ...rows[s], kind: 'section', level: 1 }; // a project becomes a section
  return { ...sheet, rows };
}

/** An engine holding the sheet's data as the app's engine writes it. */
function engineOf(sheet: AppendixSheet) {
  const l = layoutOf(sheet);
  const contents = sheet.rows.map((_, i) => rowContents(l, sheet.rows, i));
  return HyperFormula.buildFromSheets({ d: contents }, { licenseKey: 'gpl-v3' });
}

/** The changes as `row:col=value` (blank changes where new rows were added left out). */
const changesOf = (out: ReturnType<HyperFormula['setCellContents']>, skip: Set<number>) =>
  out
    .flatMap((c) => ('address' in c ? [c] : []))
    .filter((c) => !(c.newValue === null && skip.has(c.address.row)))
    .map((c) => `${c.address.row}:${c.address.col}=${String(c.newValue)}`)
    .sort();

describe('restructure: rows added by a paste get only their non-blank cells', () => {
  it('leaves the engine as the old code did, every cell and value, and the same changes', () => {
    const before = generatePlan({ projects: 40 }).sheets[0];
    const after = edited(before);
    const d = diffSheet(before, after)!;
    expect(d.order).toBeDefined();
    const l = layoutOf(after);
    const a = engineOf(before);
    const b = engineOf(before);
    const outA = restructure(a, 0, l, d, after.rows, before.rows);
    const outB = restructureBefore(b, 0, l, d, after.rows);
    expect(a.getSheetSerialized(0)).toEqual(b.getSheetSerialized(0));
    expect(a.getSheetValues(0)).toEqual(b.getSheetValues(0));
    const had = new Set(before.rows.map((r) => r.id));
    const added = new Set(after.rows.flatMap((r, i) => (had.has(r.id) ? [] : [i])));
    expect(added.size).toBe(14);
    expect(changesOf(outA, added)).toEqual(changesOf(outB, added));
    // the blanks of the added rows are no longer written (one engine change each before)
    const blanks = (out: typeof outA) =>
      out.filter((c) => 'address' in c && c.newValue === null && added.has(c.address.row)).length;
    expect(blanks(outB)).toBeGreaterThan(100);
    expect(blanks(outA)).toBe(0);
    // and the engine holds what a build from the model holds
    expect(a.getSheetSerialized(0)).toEqual(engineOf(after).getSheetSerialized(0));
  });
});

describe('rowWrites: the changed cells of a row without a set of keys per row', () => {
  it('gives the old writes, in the old order, for rows of every kind and any change', () => {
    const sheet = generatePlan({ projects: 30 }).sheets[0];
    const l = layoutOf(sheet);
    const values = [null, undefined, '', 0, 7, 7.5, 'chữ', '=E3', '=#REF!+1', "'=x"];
    const ids = [...l.col.keys(), 'y2021', 'nope', '12'];
    let seed = 11;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length];
    const change = (r: Row): Row => {
      const cells: Record<string, unknown> = { ...r.cells };
      for (let k = 0; k < 4; k++) {
        const id = pick(ids);
        const v = pick(values);
        if (v === undefined) delete cells[id];
        else cells[id] = v;
      }
      return { ...r, cells: cells as Row['cells'] };
    };
    let n = 0;
    for (const r of sheet.rows)
      for (const kind of ['project', 'section', 'total'] as const) {
        const before = change({ ...r, kind });
        const after = change(before);
        const got = rowWrites(l, before, after, 3);
        expect(got).toEqual(rowWritesBefore(l, before, after, 3));
        n += got.length;
      }
    expect(n).toBeGreaterThan(100);
  });
});
