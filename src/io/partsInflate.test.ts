/**
 * The parts inflated ahead (the browser worker's DecompressionStream) give the reader exactly the
 * grids it reads with fflate (the browser's path without them) and with Node's zlib; a part that
 * inflates past its declared size or is damaged is left out, and the file then reads as before.
 */
import './sheetJsEager'; // reads here cannot wait for SheetJS to load
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { planXlsx } from '../../bench/planXlsx';
import { partsInflatedAhead, withPartsInflatedAhead } from './partsInflate';
import { gridsFromWorkbook } from './sheets';
import { rawInflater, setNativeInflate, ZipParts } from './xlsxZip';

const node = rawInflater();
afterEach(() => setNativeInflate(node));

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const files = [
  Buffer.from(
    readFileSync(join(FIXTURES, 'quang-tri-2011-2015-appendix.xlsx.b64'), 'utf8'),
    'base64',
  ),
  readFileSync(join(FIXTURES, 'compare/all-b.xlsx')),
  planXlsx({ projects: 400, findings: 'many' }),
];

/** The grids of `bytes` read with fflate (no native inflater: the browser without the parts ahead). */
function withFflate(bytes: Uint8Array) {
  setNativeInflate(null);
  try {
    return gridsFromWorkbook(bytes);
  } finally {
    setNativeInflate(node);
  }
}

describe('the parts inflated ahead', () => {
  it('read every file to the grids fflate and Node give, serving each part once inflated', async () => {
    let read = 0;
    for (const bytes of files) {
      setNativeInflate(null);
      const ahead = await partsInflatedAhead(bytes);
      if (!ahead) {
        // a package of stored parts (SheetJS writes some so): nothing to inflate
        expect(ZipParts.open(bytes)!.deflated()).toStrictEqual([]);
        continue;
      }
      read++;
      let served = 0;
      setNativeInflate((data, max) => (served++, ahead(data, max)));
      const grids = gridsFromWorkbook(bytes);
      setNativeInflate(node);
      expect(served).toBeGreaterThan(2);
      expect(grids).toStrictEqual(withFflate(bytes));
      expect(grids).toStrictEqual(gridsFromWorkbook(bytes));
    }
    expect(read).toBeGreaterThanOrEqual(2);
  });

  it('are used only where no native inflater is (the browser), and then put away', async () => {
    const bytes = files[2];
    let inside: unknown = 'unset';
    await withPartsInflatedAhead(bytes, async () => void (inside = rawInflater()));
    expect(inside).toBe(node); // Node: its zlib stays
    setNativeInflate(null);
    await withPartsInflatedAhead(bytes, async () => void (inside = rawInflater()));
    expect(inside).not.toBeNull();
    expect(rawInflater()).toBeNull();
  });

  it('leave out a part inflating past its declared size, or damaged: the file reads as before', async () => {
    const bytes = files[2];
    const zip = ZipParts.open(bytes)!;
    const sheet = zip.deflated().find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    // the directory's declared size of the sheet, one byte short (central directory: offset 24)
    const lying = bytes.slice();
    const dv = new DataView(lying.buffer);
    let p = lying.length - 22;
    while (dv.getUint32(p, true) !== 0x06054b50) p--;
    let at = dv.getUint32(p + 16, true);
    for (;;) {
      const nameLen = dv.getUint16(at + 28, true);
      const name = new TextDecoder().decode(lying.subarray(at + 46, at + 46 + nameLen));
      if (name === sheet.name) break;
      at += 46 + nameLen + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
    }
    dv.setUint32(at + 24, sheet.size - 1, true);
    const damaged = bytes.slice();
    damaged.fill(0xff, sheet.data.byteOffset + 10, sheet.data.byteOffset + 40);
    for (const b of [lying, damaged]) {
      setNativeInflate(null);
      const ahead = (await partsInflatedAhead(b))!;
      const part = ZipParts.open(b)!
        .deflated()
        .find((x) => x.name === sheet.name)!;
      expect(ahead(part.data, 1 << 30)).toBeNull();
      setNativeInflate(ahead);
      const run = () => {
        try {
          return gridsFromWorkbook(b);
        } catch (e) {
          return String(e);
        }
      };
      const got = run();
      setNativeInflate(null);
      expect(got).toStrictEqual(run());
    }
  });

  it('are not made for an .ods or a file that is no zip', async () => {
    const ods = zipSync({
      'META-INF/manifest.xml': strToU8('<m/>'),
      'content.xml': strToU8('<x/>'),
    });
    expect(await partsInflatedAhead(ods)).toBeNull();
    expect(await partsInflatedAhead(strToU8('a;b\n1;2'))).toBeNull();
  });
});
