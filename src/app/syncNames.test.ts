import { describe, expect, it } from 'vitest';
import { registerKey, type Conflict } from '../domain/registers';
import { NameBook } from './syncNames';

const present = (id: string, name: string, self = false) => ({
  clientId: 1,
  self,
  user: { id, name },
  cell: null,
});

/** A Storage kept in a Map. */
function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  };
}

describe('the names of the accounts seen', () => {
  it('names each write by the name presence gave, the id when none is known, kept per server', () => {
    const store = memory();
    const book = new NameBook('wss://a', store);
    book.learn([present('lan', 'lan', true).user, present('u-3f9a2c', 'Đỗ Thu').user]);
    const register = { kind: 'cell', sheetId: 's1', rowId: 'r1', colId: 'e' } as const;
    const c: Conflict = {
      key: registerKey(register),
      register,
      writes: [
        { v: 1, by: 'u-3f9a2c', at: 1, id: 'a:1', seen: [] },
        { v: 2, by: 'u-77b0', at: 2, id: 'b:1', seen: [] },
        { v: 3, by: 'lan', at: 3, id: 'c:1', seen: [] },
      ],
    };
    expect(book.named([c])[0].writes.map((w) => w.who)).toEqual(['Đỗ Thu', 'u-77b0', 'lan']);
    // the next session on this server still knows the name; another server does not
    expect(new NameBook('wss://a', store).who('u-3f9a2c')).toBe('Đỗ Thu');
    expect(new NameBook('wss://b', store).who('u-3f9a2c')).toBe('u-3f9a2c');
    expect(new NameBook('wss://a', null).who('u-3f9a2c')).toBe('u-3f9a2c');
  });

  it('names this person by their certified account, anyone unnamed by the name known', () => {
    const book = new NameBook('wss://a', null);
    book.learn([{ id: 'u-3f9a2c', name: 'Đỗ Thu' }]);
    const self = { id: 'lan', name: 'Nguyễn Thị Lan', unit: 'gtvt', role: 'department' };
    const named = book.presence(
      [present('lan', 'lan', true), present('u-3f9a2c', 'u-3f9a2c'), present('u-77b0', 'u-77b0')],
      self,
    );
    expect(named.map((p) => [p.user.name, p.user.unit])).toEqual([
      ['Nguyễn Thị Lan', 'gtvt'],
      ['Đỗ Thu', undefined],
      ['u-77b0', undefined],
    ]);
    // before the server has said who this person is: their id
    expect(book.presence([present('lan', 'lan', true)], null)[0].user.name).toBe('lan');
    expect(book.known('u-77b0')).toBeNull();
  });
});
