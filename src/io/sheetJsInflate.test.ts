import { spawnSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { inflateWithNodeZlib, zlibForSheetJs } from './sheetJsInflate';

describe('SheetJS inflates with Node zlib in any Node caller', () => {
  it('an .xls with a damaged zip nested in it is refused with one clear line, not read for ever (SheetJS own inflater looped)', () => {
    // a plain Node process, as the server, the bench or a script reads (not the CLI's reader process)
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tests/support/readOnce.ts', 'fixtures/damaged/slow-record.xls'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.signal).toBeNull(); // the old code was still looping when killed
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^unreadable: cannot read the spreadsheet: the file is damaged \(/);
  }, 90_000);

  it('the inflater SheetJS is given answers what its use_zlib checks, and throws on a damaged stream', () => {
    const { InflateRaw } = zlibForSheetJs() as {
      InflateRaw: new () => {
        bytesRead: number;
        _processChunk(d: Uint8Array, f: number): Uint8Array;
      };
    };
    const ok = new InflateRaw();
    // an empty final fixed block, then bytes that are not the stream's
    expect(ok._processChunk(new Uint8Array([3, 0, 9, 9]), 4)).toHaveLength(0);
    expect(ok.bytesRead).toBe(2);
    expect(() => new InflateRaw()._processChunk(new Uint8Array([0xff, 0xff, 0xff]), 4)).toThrow();
  });

  it('SheetJS still writes compressed files through the hook (its writer deflates with it too)', () => {
    inflateWithNodeZlib(XLSX as unknown as Parameters<typeof inflateWithNodeZlib>[0]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Dự án A', 61600]]), 'S');
    const bytes = XLSX.write(wb, {
      type: 'array',
      bookType: 'xlsx',
      compression: true,
    }) as ArrayBuffer;
    const back = XLSX.read(new Uint8Array(bytes), { type: 'array' });
    expect(XLSX.utils.sheet_to_json(back.Sheets.S!, { header: 1 })).toEqual([['Dự án A', 61600]]);
  });
});
