import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { describe, expect, it } from 'vitest';
import { decodeLegacy, detectLegacy } from './legacyText';

const lines = [
  'Tổng vốn đầu tư phát triển',
  'Xây dựng cơ sở hạ tầng thông tin',
  'Sở Thông tin và Truyền thông',
  'Ứng dụng CNTT trong QLNN',
];

describe('legacy Vietnamese text', () => {
  it('reads TCVN3 (ABC) and VNI back as Unicode', () => {
    const tcvn = lines.map((l) => toTCVN3(l.toLowerCase(), 'unicode'));
    const vni = lines.map((l) => toVNI(l, 'unicode'));
    expect(tcvn[0]).toBe('tæng vèn ®Çu t­ ph¸t triÓn');
    expect(detectLegacy(tcvn)).toBe('TCVN3');
    expect(tcvn.map((t) => decodeLegacy(t, 'TCVN3'))).toEqual(lines.map((l) => l.toLowerCase()));
    expect(detectLegacy(vni)).toBe('VNI');
    expect(vni.map((t) => decodeLegacy(t, 'VNI'))).toEqual(lines);
  });

  it('leaves Unicode text and plain ASCII alone', () => {
    expect(detectLegacy(lines)).toBeNull();
    expect(detectLegacy(['STT', 'Tong so', '1.500'])).toBeNull();
    expect(detectLegacy(['Giá trị: 15,5 µm'])).toBeNull();
  });

  it('a TCVN3 table whose figures are typed with no-break spaces (`19 348 000`) is still TCVN3', () => {
    const tcvn = lines.map((l) => toTCVN3(l.toLowerCase(), 'unicode'));
    const figures = Array.from({ length: 40 }, (_, i) => `${i + 1}\u00a0348\u00a0000`);
    expect(detectLegacy([...tcvn, ...figures])).toBe('TCVN3');
    expect(detectLegacy(figures)).toBeNull();
  });
});

describe('importing a table typed in TCVN3', async () => {
  const { readFileSync } = await import('node:fs');
  const { readPlanFile } = await import('./readPlan');
  it('reads the same plan as the Unicode text, with a warning naming the conversion', () => {
    const text = readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv', 'utf8');
    const legacy = toTCVN3(text, 'unicode');
    expect(legacy).toContain('Tæng vèn');
    const a = readPlanFile('a.tsv', new TextEncoder().encode(text));
    const b = readPlanFile('b.tsv', new TextEncoder().encode(legacy));
    expect(b.warnings[0]).toMatchObject({ code: 'legacyEncoding', detail: 'TCVN3' });
    expect(b.workbook.sheets[0].rows.map((r) => r.cells.name)).toEqual(
      a.workbook.sheets[0].rows.map((r) => r.cells.name),
    );
    expect(b.workbook.meta.unit).toBe('triệu đồng');
  });
});

describe('an old Excel file typed in TCVN3 (made by LibreOffice, scripts/make-fixtures.sh)', async () => {
  const { readFileSync } = await import('node:fs');
  const { readPlanFile } = await import('./readPlan');
  it('converts every text to Unicode and reads the same plan', () => {
    const a = readPlanFile('a.tsv', readFileSync('fixtures/quang-tri-2011-2015-appendix.tsv'));
    const b = readPlanFile('b.xls', readFileSync('fixtures/shapes/quang-tri-tcvn3.xls'));
    expect(b.warnings.filter((w) => w.code === 'legacyEncoding')).toHaveLength(1);
    const names = (r: typeof a) => r.workbook.sheets[0].rows.map((x) => x.cells.name);
    expect(names(b)).toEqual(names(a));
    expect(b.workbook.sheets[0].rows.map((x) => x.cells)).toEqual(
      a.workbook.sheets[0].rows.map((x) => x.cells),
    );
    expect(names(b)).toContain('Xây dựng cơ sở hạ tầng thông tin');
  });
});

describe('decoding in one pass', () => {
  it('reads what the longest-match-first decoder reads, on random runs of legacy sequences', () => {
    const sample = ['tæng vèn ®Çu t­ ph¸t triÓn', 'Tæng sè', 'x©y dùng', 'Ñng dông'];
    let s = 7;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const alphabet = [...new Set(sample.join('') + toVNI('ẩẫậắằặẻẽẹềểễệ Ớ ợ', 'unicode'))];
    for (let k = 0; k < 200; k++) {
      const text = Array.from(
        { length: 40 },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      for (const enc of ['TCVN3', 'VNI'] as const)
        expect(decodeLegacy(text, enc)).toBe(naive(text, enc));
    }
  });

  it('decodes and detects 100,000 lines (one pass, joined once)', () => {
    const line = toTCVN3('Xây dựng cơ sở hạ tầng thông tin huyện miền núi', 'unicode');
    const texts = Array.from({ length: 100_000 }, (_, i) => `${line} ${i}`);
    expect(detectLegacy(texts)).toBe('TCVN3');
    expect(decodeLegacy(texts.join('\n'), 'TCVN3').split('\n')[99_999]).toBe(
      'Xây dựng cơ sở hạ tầng thông tin huyện miền núi 99999',
    );
  });
});

/** The reference: at each position, the longest encoded sequence that matches (Unicode kept). */
function naive(text: string, enc: 'TCVN3' | 'VNI'): string {
  const table = enc === 'TCVN3' ? toTCVN3 : toVNI;
  const unicode = [...'ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'];
  const upper = unicode.map((c) => c.toUpperCase());
  const map = new Map<string, string>();
  for (const u of [...unicode, ...upper]) {
    const e = table(u, 'unicode');
    if (e !== u && !map.has(e)) map.set(e, u);
  }
  let out = '';
  for (let i = 0; i < text.length;) {
    const two = map.get(text.slice(i, i + 2));
    const one = map.get(text[i]);
    if (two !== undefined && text.length - i >= 2) [out, i] = [out + two, i + 2];
    else if (one !== undefined) [out, i] = [out + one, i + 1];
    else [out, i] = [out + text[i], i + 1];
  }
  return out;
}
