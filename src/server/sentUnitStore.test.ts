import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseAccounts } from './accounts';
import { serverMain } from './main';
import { SqliteStore } from './sqliteStore';

const dir = mkdtempSync(join(tmpdir(), 'pb-sent-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the submissions table as stores made before sends carried the sender's unit name have it
const OLD_SCHEMA = `
CREATE TABLE submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, plan TEXT NOT NULL,
  unit TEXT NOT NULL, account TEXT NOT NULL, name TEXT NOT NULL, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, at INTEGER NOT NULL, data BLOB NOT NULL);
INSERT INTO submissions (plan, unit, account, name, file_name, sha256, size, at, data)
  VALUES ('p', 'yte', 'tuan', 'Trần Văn Tuấn', 'a.xlsx', 'ab', 1, 5, x'01');
`;

describe('the unit a send is certified to come from, stored', () => {
  it('accounts carry a unit display name; older accounts without one still read', () => {
    const list = parseAccounts(
      JSON.stringify({
        accounts: [
          { id: 'lan', unit: 'gtvt', unitName: ' Sở Giao thông vận tải ', role: 'department' },
          { id: 'tuan', name: 'Tuấn', unit: 'yte', role: 'department' },
        ],
      }),
    );
    expect(list).toEqual([
      {
        id: 'lan',
        name: 'lan',
        unit: 'gtvt',
        unitName: 'Sở Giao thông vận tải',
        role: 'department',
      },
      { id: 'tuan', name: 'Tuấn', unit: 'yte', role: 'department' },
    ]);
  });

  it('`planbook account add --unit-name` writes the unit name, and keeps it when changed without one', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const data = join(dir, 'data');
    const add = (...more: string[]) =>
      serverMain([
        'account',
        'add',
        'lan',
        '--unit',
        'gtvt',
        '--role',
        'department',
        '--data',
        data,
        ...more,
      ]);
    expect(await add('--unit-name', 'Sở Giao thông vận tải')).toBe(0);
    expect(await add('--name', 'Nguyễn Thị Lan')).toBe(0);
    const file = JSON.parse(readFileSync(join(data, 'accounts.json'), 'utf8')) as unknown;
    expect(parseAccounts(JSON.stringify(file))).toEqual([
      {
        id: 'lan',
        name: 'Nguyễn Thị Lan',
        unit: 'gtvt',
        unitName: 'Sở Giao thông vận tải',
        role: 'department',
      },
    ]);
    vi.restoreAllMocks();
  });

  it('a store made before gains the column: old sends read with no unit name, new ones keep it', async () => {
    const file = join(dir, 'old.sqlite');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()',
      file,
      OLD_SCHEMA,
    ]);
    const store = await SqliteStore.open(file);
    const id = await store.addSubmission(
      {
        plan: 'p',
        unit: 'gtvt',
        unitName: 'Sở Giao thông vận tải',
        account: 'lan',
        name: 'Lan',
        fileName: 'b.xlsx',
        sha256: 'cd',
        size: 1,
        at: 6,
      },
      new Uint8Array([2]),
    );
    const list = await store.submissions('p');
    expect(list.map((s) => [s.unit, s.unitName])).toEqual([
      ['yte', null],
      ['gtvt', 'Sở Giao thông vận tải'],
    ]);
    expect((await store.submissionFile(id))?.info.unitName).toBe('Sở Giao thông vận tải');
    await store.close();
    // opened again: nothing to add
    const again = await SqliteStore.open(file);
    expect((await again.submissions('p')).length).toBe(2);
    await again.close();
  });
});
