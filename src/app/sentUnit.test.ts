import { describe, expect, it } from 'vitest';
import type { Submission } from '../domain/consolidateTypes';
import type { PendingSubmission } from './consolidationIntake';
import { certify, type SentSubmission } from './serverSubmissions';
import { type CertifiedSender, certifiedUnit, senderUnitNames, statedIsSender } from './sentUnit';

const UNITS = ['Sở Giao thông vận tải', 'Sở Y tế', 'UBND huyện Gio Linh'];
const gtvt: CertifiedSender = { unit: 'gtvt', unitName: 'Sở Giao thông vận tải', name: 'Lan' };
const old: CertifiedSender = { unit: 'yte', name: 'Sở Y tế' }; // an account without a unit name

describe('the unit a send through the server is certified to come from', () => {
  it('is known by its display name and code, or (older accounts) its code and account name', () => {
    expect(senderUnitNames(gtvt)).toEqual(['Sở Giao thông vận tải', 'gtvt']);
    expect(senderUnitNames(old)).toEqual(['yte', 'Sở Y tế']);
    expect(senderUnitNames({ unit: 'gtvt', unitName: '  ', name: 'Lan' })).toEqual(['gtvt', 'Lan']);
  });

  it('pairs with the expected unit by the certified names, spelling aside', () => {
    expect(certifiedUnit(gtvt, UNITS)).toBe('Sở Giao thông vận tải');
    expect(certifiedUnit({ unit: 'gtvt', name: 'Lan' }, UNITS)).toBe('Sở Giao thông vận tải');
    expect(certifiedUnit(old, UNITS)).toBe('Sở Y tế');
    expect(certifiedUnit({ unit: 'u7', name: 'Hồ Văn Cũ' }, UNITS)).toBeNull();
  });

  it('tells a file stating its sender’s unit (any spelling) from one stating another', () => {
    expect(statedIsSender('SỞ GTVT TỈNH QUẢNG TRỊ', gtvt, UNITS)).toBe(true);
    expect(statedIsSender('Sở Giao thông vận tải', gtvt, [])).toBe(true);
    expect(statedIsSender('Sở Y tế', gtvt, UNITS)).toBe(false);
    expect(statedIsSender('UBND huyện Gio Linh', old, UNITS)).toBe(false);
  });
});

const sent = (over: Partial<SentSubmission>): SentSubmission => ({
  id: 1,
  plan: 'p',
  unit: 'gtvt',
  unitName: 'Sở Giao thông vận tải',
  account: 'lan',
  name: 'Nguyễn Thị Lan',
  fileName: 'f.xlsx',
  sha256: 'x',
  size: 1,
  at: 1,
  ...over,
});
const read = (unit: string, unitFrom: 'file' | 'fileName'): PendingSubmission => ({
  name: 'f.xlsx',
  bytes: new Uint8Array([1]),
  unit,
  submission: { id: 's', provenance: { unit, unitFrom } } as Submission,
  workbook: {} as PendingSubmission['workbook'],
});
const c = { form: { units: UNITS } } as Parameters<typeof certify>[0];

describe('a send read for the intake', () => {
  it('goes under the certified unit; a file stating another expected unit is refused, naming both', () => {
    const own = certify(c, read('Sở GTVT', 'file'), sent({}), 'n');
    expect([own.unit, own.certified, own.submission?.provenance]).toEqual([
      'Sở Giao thông vận tải',
      'Sở Giao thông vận tải',
      { unit: 'Sở Giao thông vận tải', unitFrom: 'server' },
    ]);
    const other = certify(c, read('Sở Y tế', 'file'), sent({}), 'n');
    expect(other).toEqual({
      name: 'f.xlsx',
      bytes: new Uint8Array([1]),
      unit: '',
      note: 'n',
      wrongUnit: { stated: 'Sở Y tế', sender: 'Sở Giao thông vận tải', refused: true },
    });
  });

  it('a file stating a unit this consolidation does not expect goes under its sender, with a warning', () => {
    const copied = certify(c, read('UBND tỉnh Quảng Trị', 'file'), sent({}), 'n');
    expect([copied.unit, copied.wrongUnit, copied.submission?.provenance.unit]).toEqual([
      'Sở Giao thông vận tải',
      { stated: 'UBND tỉnh Quảng Trị', sender: 'Sở Giao thông vận tải', refused: false },
      'Sở Giao thông vận tải',
    ]);
  });

  it('a file stating no unit (a guess from its name) goes under its sender; an unexpected sender keeps its own name', () => {
    const named = certify(c, read('Sở Y tế', 'fileName'), sent({}), 'n');
    expect([named.unit, named.certified]).toEqual([
      'Sở Giao thông vận tải',
      'Sở Giao thông vận tải',
    ]);
    const stranger = certify(
      c,
      read('x', 'fileName'),
      sent({ unit: 'sxd', unitName: 'Sở Xây dựng' }),
      'n',
    );
    expect([stranger.unit, stranger.certified, stranger.submission?.provenance.unit]).toEqual([
      'Sở Xây dựng',
      undefined,
      'Sở Xây dựng',
    ]);
  });
});
