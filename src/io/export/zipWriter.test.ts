import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zlibDeflater } from '../../cli/nativeDeflate';
import { generatePlan } from '../../domain/generate';
import type { Workbook } from '../../domain/types';
import { PlanEngine } from '../../engine/engine';
import { parsePlanbook } from '../planbookFile';
import { readPlanFile } from '../readPlan';
import { streamDeflater } from './streamDeflate';
import { exportXlsx, PLANBOOK_SHEET, unpackPlan } from './xlsx';
import { type DeflaterFactory, fflateDeflater, setNativeDeflate, ZipWriter } from './zipWriter';

const dir = mkdtempSync(join(tmpdir(), 'planbook-zip-'));
afterEach(() => setNativeDeflate(null));

const DEFLATERS: [string, DeflaterFactory][] = [
  ['fflate', fflateDeflater],
  ['zlib', zlibDeflater],
  ['CompressionStream', streamDeflater()!],
];

/** Python's zipfile checks every CRC; the names, methods and flags of the entries. */
function pythonZip(bytes: Uint8Array): string {
  const file = join(dir, 'check.zip');
  writeFileSync(file, bytes);
  const py = [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None',
    'print(" ".join(f"{i.filename}:{i.compress_type}:{i.flag_bits}" for i in z.infolist()))',
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' }).trim();
}

describe('the zip writer', () => {
  it('writes deflated and stored parts every reader opens, with any deflater', async () => {
    expect(streamDeflater()).not.toBeNull();
    // long enough for several text chunks, with non-ASCII text
    const long = Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}">Dự án ${i * 7}</c>`).join(
      '',
    );
    for (const [name, f] of DEFLATERS) {
      setNativeDeflate(f);
      const zip = new ZipWriter();
      zip.file('a.xml', '<a>ấp</a>');
      const p = zip.part('big.xml');
      for (let k = 0; k < long.length; k += 9_999) p.write(long.slice(k, k + 9_999));
      p.end();
      const s = zip.part('stored.txt', true);
      s.write('QUJD'.repeat(50_000));
      s.end();
      zip.file('empty.xml', '');
      const bytes = await zip.finish();
      const texts = Object.fromEntries(
        Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]),
      );
      expect(texts, name).toEqual({
        'a.xml': '<a>ấp</a>',
        'big.xml': long,
        'stored.txt': 'QUJD'.repeat(50_000),
        'empty.xml': '',
      });
      // sizes in the local headers (no data descriptor: flag 0x800 only, UTF-8 names)
      expect(pythonZip(bytes), name).toBe(
        'a.xml:8:2048 big.xml:8:2048 stored.txt:0:2048 empty.xml:8:2048',
      );
    }
  }, 60_000);

  it('the export is the same plan whichever deflater writes it; its packed plan is stored, deflated once', async () => {
    const wb = generatePlan({ projects: 400, seed: 11 });
    const e = new PlanEngine();
    e.loadWorkbook(wb);
    const sh = wb.sheets[0];
    const parts: Record<string, string>[] = [];
    const plans: string[] = [];
    for (const [name, f] of DEFLATERS) {
      setNativeDeflate(f);
      const out = await exportXlsx({
        workbook: wb,
        values: (id) => e.values(id),
        findings: [],
        rowNumber: (id) => String(sh.rows.findIndex((x) => x.id === id) + 1),
      });
      const hidden = `xl/worksheets/sheet${out.names.indexOf(PLANBOOK_SHEET) + 1}.xml`;
      expect(pythonZip(out.bytes), name).toContain(`${hidden}:0:`);
      const texts = Object.fromEntries(
        Object.entries(unzipSync(out.bytes)).map(([k, v]) => [k, strFromU8(v)]),
      );
      // the packed plan: its cells joined, unpacked, without the time it was saved
      const packed = [...texts[hidden].matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)]
        .slice(2)
        .map((m) => m[1])
        .join('');
      expect(parsePlanbook(unpackPlan(packed)).ok, name).toBe(true);
      plans.push(
        JSON.stringify((JSON.parse(unpackPlan(packed)) as { workbook: Workbook }).workbook),
      );
      parts.push({ ...texts, [hidden]: '' });
      // read back through the import: the same rows, columns and meta
      const back = readPlanFile('x.xlsx', out.bytes).workbook;
      const seen = (w: Workbook) => [w.meta, w.sheets.map((x) => [x.columns, x.rows])];
      expect(seen(back), name).toEqual(seen(wb));
    }
    expect(parts[1]).toEqual(parts[0]);
    expect(parts[2]).toEqual(parts[0]);
    expect(plans[1]).toBe(plans[0]);
    expect(plans[2]).toBe(plans[0]);
    expect(plans[0]).toBe(JSON.stringify(wb));
  }, 60_000);
});
