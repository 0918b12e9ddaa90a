import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../../domain/template';
import { PLANBOOK_FORMAT_VERSION, PLANBOOK_TYPE, parsePlanbook } from '../planbookFile';
import { unpackPlan } from './packedPlan';
import { packWorkbook, storedBlock } from './planPacking';

const plan = () =>
  makePlan({
    rows: [
      ['section', 0, 'I', {}],
      ['project', 1, 'Trường THCS Xín Mần – "mới"', { '2011:ĐTPT': 100, '2011:SN': 10.5 }],
    ],
  });

/** Raw deflate bytes (in base64) inflated by Python's zlib: a reader apart from Planbook's. */
const pythonInflate = (b64: string): string =>
  execFileSync(
    'python3',
    [
      '-c',
      'import sys, zlib, base64; sys.stdout.buffer.write(zlib.decompress(base64.b64decode(sys.stdin.read()), -15))',
    ],
    { input: b64 },
  ).toString('utf8');

/** The `.planbook` text as JSON.stringify writes the whole envelope (independent of planbookHead). */
const envelope = (wb: unknown, at: Date) =>
  JSON.stringify({
    type: PLANBOOK_TYPE,
    formatVersion: PLANBOOK_FORMAT_VERSION,
    savedAt: at.toISOString(),
    workbook: wb,
  });

describe('the packed plan of the hidden sheet', () => {
  it('unpacks to the .planbook text saved at the export (zlib and the reader agree)', async () => {
    const wb = plan();
    const at = new Date('2026-03-05T08:09:10.123Z');
    const packed = await packWorkbook(wb, at);
    expect(unpackPlan(packed)).toBe(envelope(wb, at));
    expect(pythonInflate(packed)).toBe(envelope(wb, at));
    const back = parsePlanbook(unpackPlan(packed));
    expect(back.ok && back.workbook.sheets[0].rows).toEqual(wb.sheets[0].rows);
  });

  it('packs the same workbook again with the new time, and an edited one as edited', async () => {
    const wb = plan();
    const first = new Date('2026-03-05T08:00:00.000Z');
    const later = new Date('2026-03-05T09:30:00.000Z');
    await packWorkbook(wb, first);
    expect(unpackPlan(await packWorkbook(wb, later))).toBe(envelope(wb, later));
    // an edit makes a new workbook: never the kept deflate of the one before
    const sheet = wb.sheets[0];
    const rows = sheet.rows.map((r, i) =>
      i === 1 ? { ...r, cells: { ...r.cells, name: 'Khác' } } : r,
    );
    const edited = { ...wb, sheets: [{ ...sheet, rows }] };
    const text = unpackPlan(await packWorkbook(edited, later));
    expect(text).toBe(envelope(edited, later));
    expect(text).toContain('"Khác"');
  });

  it('writes a stored block any deflate stream may follow, and refuses one too long', () => {
    const b = storedBlock('Kế hoạch');
    const bytes = new TextEncoder().encode('Kế hoạch');
    expect([...b.subarray(0, 5)]).toEqual([0, bytes.length, 0, 255 - bytes.length, 255]);
    // a stored block alone is no whole stream: a final empty one closes it
    const whole = new Uint8Array([...b, 1, 0, 0, 255, 255]);
    expect(pythonInflate(Buffer.from(whole).toString('base64'))).toBe('Kế hoạch');
    expect(() => storedBlock('x'.repeat(65_536))).toThrow(/65,535/);
  });
});
