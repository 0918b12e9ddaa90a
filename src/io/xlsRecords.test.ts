import { readdirSync, readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkFormulaRecords } from './xlsRecords';

/** A BIFF record: type, length, data. */
function rec(type: number, data: number[]): number[] {
  return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
}
const BOF8 = rec(0x0809, [0x00, 0x06, 0x10, 0x00, 0, 0, 0, 0]);
const EOF = rec(0x000a, []);
const stream = (...records: number[][]) => new Uint8Array(records.flat());
const zeros = (n: number) => new Array<number>(n).fill(0);

/** An ARRAY record (BIFF8): range, flags, reserved, then a formula of `cce` bytes. */
const array = (cce: number, body: number[]) =>
  rec(0x0221, [...zeros(12), cce & 0xff, cce >> 8, ...body]);
/** A FORMULA record (BIFF8): cell, value, flags, chn, then a formula of `cce` bytes. */
const formula = (cce: number, body: number[]) =>
  rec(0x0006, [...zeros(20), cce & 0xff, cce >> 8, ...body]);

describe('formula records of an .xls workbook stream', () => {
  it('accepts whole records (PtgInt 1: 0x1e 01 00)', () => {
    expect(() =>
      checkFormulaRecords(stream(BOF8, formula(3, [0x1e, 1, 0]), array(3, [0x1e, 1, 0]), EOF)),
    ).not.toThrow();
    // a shared formula's own record, and a formula that states no length (0xFFFF)
    expect(() =>
      checkFormulaRecords(stream(BOF8, rec(0x04bc, [...zeros(8), 3, 0, 0x1e, 1, 0]), EOF)),
    ).not.toThrow();
  });

  it('refuses a record too short to hold its formula length (SheetJS reads NaN and loops)', () => {
    const cut = rec(0x0021, zeros(7)); // m6058.xls: BIFF2's ARRAY type, 7 bytes, in a BIFF8 stream
    expect(() => checkFormulaRecords(stream(BOF8, cut, EOF))).toThrow(
      'its array formula record at byte 12 is cut short to 7 bytes',
    );
    expect(() => checkFormulaRecords(stream(BOF8, rec(0x0006, zeros(21)), EOF))).toThrow(
      /formula record at byte 12 is cut short to 21 bytes/,
    );
    expect(() => checkFormulaRecords(stream(BOF8, rec(0x04bc, zeros(9)), EOF))).toThrow(
      /shared formula record/,
    );
  });

  it('refuses a formula longer than its record', () => {
    expect(() => checkFormulaRecords(stream(BOF8, formula(9, [0x1e, 1, 0]), EOF))).toThrow(
      'its formula record at byte 12 states a formula longer than itself',
    );
  });

  it('stops at the end-of-file padding and at an encrypted part', () => {
    expect(() =>
      checkFormulaRecords(stream(BOF8, EOF, zeros(64), rec(0x0221, zeros(3)))),
    ).not.toThrow();
    expect(() =>
      checkFormulaRecords(stream(BOF8, rec(0x002f, zeros(6)), rec(0x0221, zeros(3)))),
    ).not.toThrow();
    // zeros before the EOF are records of type 0 (SheetJS reads on past them)
    expect(() => checkFormulaRecords(stream(BOF8, zeros(8), rec(0x0021, zeros(7)), EOF))).toThrow(
      /cut short/,
    );
  });

  it('passes every .xls fixture', () => {
    for (const dir of ['fixtures', 'fixtures/mof', 'fixtures/shapes', 'fixtures/compare'])
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.xls'))) {
        const cfb = XLSX.CFB.read(readFileSync(`${dir}/${f}`), { type: 'buffer' });
        const wb = XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book');
        expect(() => checkFormulaRecords(wb!.content as Uint8Array), f).not.toThrow();
      }
  });
});
