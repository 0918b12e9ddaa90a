/**
 * unitGroups keys each distinct lead text once: the same groups (keys, names, spellings, exact
 * texts, rows, in order) as the frozen copy that keyed every row's text, on generated plans whose
 * lead texts vary in case, diacritics, spacing and punctuation, with and without aliases.
 */
import { describe, expect, it } from 'vitest';
import { unitGroupsBefore } from '../../tests/support/unitsBefore/units';
import { generatePlan, prng } from '../domain/generate';
import type { AppendixSheet } from '../domain/types';
import { unitGroups } from '../domain/units';

const LEADS = ['Sở Tài chính', 'sở tài  chính', 'SO TAI CHINH', ' Sở Tài chính.', 'UBND huyện A'];
const MORE = ['Sở TT&TT', 'Sở Thông tin và Truyền thông', '', '  ', 'Ban QLDA', 'ban qlda'];

describe('unitGroups', () => {
  it('gives the groups the frozen copy gives, on plans with every kind of spelling', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const wb = generatePlan({ projects: 600, perSection: 9, seed });
      const rnd = prng(seed);
      const all = [...LEADS, ...MORE];
      const rows = wb.sheets[0].rows.map((r) => {
        const x = rnd();
        if (x < 0.5) return r;
        const cells = { ...r.cells };
        if (x < 0.9) cells.lead = all[Math.floor(rnd() * all.length)];
        else if (x < 0.95) delete cells.lead;
        else cells.lead = 7;
        return { ...r, cells };
      });
      const sheet: AppendixSheet = { ...wb.sheets[0], rows };
      for (const meta of [
        {},
        { unitAliases: { 'so tt&tt': 'Sở Thông tin và Truyền thông', 'ban qlda': 'Sở Tài chính' } },
      ]) {
        const want = unitGroupsBefore(sheet, meta);
        expect(want.length).toBeGreaterThan(3);
        expect(unitGroups(sheet, meta)).toStrictEqual(want);
      }
    }
  });
});
