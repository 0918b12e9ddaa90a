import { describe, expect, it } from 'vitest';
import { generatePlan } from './generate';
import { projectRefs } from './match';
import type { AppendixSheet } from './types';

/** The list a sheet's rows give when built afresh (a copy: nothing kept for it). */
const fresh = (sheet: AppendixSheet) => projectRefs(structuredClone(sheet));

function sheet(): AppendixSheet {
  return generatePlan({ projects: 60 }).sheets[0];
}

describe('project lists kept between comparisons', () => {
  it('reuses the refs of unchanged rows (a new array each time)', () => {
    const s = sheet();
    const first = projectRefs(s);
    const again = projectRefs(s);
    expect(again).not.toBe(first);
    expect(again.every((p, i) => p === first[i])).toBe(true);
    expect(again).toEqual(fresh(s));
  });

  const edits: [string, (s: AppendixSheet) => void][] = [
    [
      'a project renamed in place',
      (s) => (s.rows.find((r) => r.kind === 'project')!.cells.name = 'Khác'),
    ],
    [
      'a lead unit changed in place',
      (s) => (s.rows.filter((r) => r.kind === 'project')[3].cells.lead = 'Sở Y tế'),
    ],
    [
      'a section renamed in place',
      (s) => (s.rows.filter((r) => r.kind === 'section')[1].cells.name = 'Mục mới'),
    ],
    ['a section indented', (s) => s.rows.filter((r) => r.kind === 'section')[2].level++],
    [
      'a row made a section',
      (s) => (s.rows.filter((r) => r.kind === 'project')[7].kind = 'section'),
    ],
    ['a section id changed', (s) => (s.rows.filter((r) => r.kind === 'section')[2].id = 'other')],
    ['two rows swapped', (s) => s.rows.splice(4, 2, s.rows[5], s.rows[4])],
    ['a row removed', (s) => s.rows.splice(6, 1)],
    [
      'a row replaced by a copy',
      (s) => (s.rows[9] = { ...s.rows[9], cells: { ...s.rows[9].cells, name: 'Sao chép' } }),
    ],
    ['the sheet id changed', (s) => (s.id = 'other')],
  ];
  for (const [what, edit] of edits)
    it(`builds the list again after ${what}`, () => {
      const s = sheet();
      const before = structuredClone(projectRefs(s));
      edit(s);
      expect(projectRefs(s)).toEqual(fresh(s));
      expect(fresh(s)).not.toEqual(before); // the edit changes the list
    });
});
