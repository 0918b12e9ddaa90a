/** The server reads a sent file's stated unit and refuses another unit of the plan (issue #21). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Account } from './accounts';
import { expectedUnits, statedUnitOf, wrongUnit } from './statedUnit';
import { ACCOUNTS } from './testkit';

const file = (name: string) => new Uint8Array(readFileSync(`fixtures/consolidate/${name}`));
const who = (id: string) => ACCOUNTS.find((a) => a.id === id)!;
const TAM: Account = { id: 'tam', name: 'Sở TT&TT', unit: 'so-tttt', role: 'department' };
const OTHER_PLAN: Account = { ...TAM, id: 'x', unit: 'tc', name: 'Sở Tài chính', plans: ['p9'] };

describe('the unit a sent file states, on the server', () => {
  it("the plan's units: departments that may send it, by display name (else code and name)", () => {
    expect(expectedUnits([...ACCOUNTS, TAM, OTHER_PLAN], 'p1')).toEqual([
      { name: 'Sở Giao thông vận tải', unit: 'gtvt' },
      { name: 'Sở Y tế', unit: 'yte' },
      { name: 'so-tttt', unit: 'so-tttt' },
      { name: 'Sở TT&TT', unit: 'so-tttt' },
    ]);
  });

  it('reads the title block as the intake does (nothing when the file is not a plan)', () => {
    expect(statedUnitOf('a.xlsx', file('so-y-te.xlsx'))).toBe('Sở Y tế');
    expect(statedUnitOf('a.xlsx', new TextEncoder().encode('not a spreadsheet'))).toBeNull();
  });

  it('refuses another unit of the plan, takes the sender’s own, none, or an unexpected one', () => {
    const units = expectedUnits([...ACCOUNTS, TAM], 'p1');
    expect(wrongUnit('Sở Y tế', who('lan'), units)).toEqual({
      stated: 'Sở Y tế',
      sender: 'Sở Giao thông vận tải',
    });
    expect(wrongUnit('Sở Thông tin và Truyền thông', who('tuan'), units)).toMatchObject({
      sender: 'Sở Y tế',
    });
    expect(wrongUnit('SỞ Y TẾ', who('tuan'), units)).toBeNull(); // its own, in other words
    expect(wrongUnit('Sở TT&TT', TAM, units)).toBeNull(); // an account known by its name
    expect(wrongUnit(null, who('lan'), units)).toBeNull();
    expect(wrongUnit('UBND tỉnh Quảng Trị', who('lan'), units)).toBeNull(); // not a unit of the plan
  });
});
