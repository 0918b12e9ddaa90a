/** A PostgreSQL store made before sends carried the sender's unit name gains the column. */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PgStore } from './pgStore';
import { postgresBin, startPostgres } from './services';

const OLD = `CREATE TABLE submissions (id BIGSERIAL PRIMARY KEY, plan TEXT NOT NULL,
  unit TEXT NOT NULL, account TEXT NOT NULL, name TEXT NOT NULL, file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL, size BIGINT NOT NULL, at BIGINT NOT NULL, data BYTEA NOT NULL);
INSERT INTO submissions (plan, unit, account, name, file_name, sha256, size, at, data)
  VALUES ('p', 'yte', 'tuan', 'Tuấn', 'a.xlsx', 'ab', 1, 1, '\\x01');`;

describe.skipIf(!postgresBin())('the PostgreSQL store, from before unit names', () => {
  it('old sends read with no unit name, new ones keep it', async () => {
    const svc = await startPostgres();
    try {
      const c = new pg.Client({ connectionString: svc.url });
      await c.connect();
      await c.query(OLD);
      await c.end();
      const store = await PgStore.open(svc.url);
      await store.addSubmission(
        {
          plan: 'p',
          unit: 'gtvt',
          unitName: 'Sở Giao thông vận tải',
          account: 'lan',
          name: 'Lan',
          fileName: 'b.xlsx',
          sha256: 'cd',
          size: 1,
          at: 2,
        },
        new Uint8Array([2]),
      );
      const list = await store.submissions('p');
      expect(list.map((x) => [x.unit, x.unitName])).toEqual([
        ['yte', null],
        ['gtvt', 'Sở Giao thông vận tải'],
      ]);
      await store.close();
    } finally {
      await svc.stop();
    }
  }, 60_000);
});
