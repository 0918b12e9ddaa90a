import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePlan } from '../domain/template';
import { PlanEngine } from '../engine/engine';
import { parsePlanbook, serializePlanbook } from './planbookFile';

const SAMPLE = readFileSync('fixtures/quang-tri-2011-2015.planbook', 'utf8');

describe('.planbook files', () => {
  it('round-trips a workbook (fresh ids, same content)', () => {
    const wb = makePlan({
      rows: [
        ['section', 0, 'I'],
        ['project', 1, 'p', { '2011:ĐTPT': '=2*500' }],
      ],
    });
    const r = parsePlanbook(serializePlanbook(wb));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workbook.id).not.toBe(wb.id);
    expect(r.workbook.meta).toEqual(wb.meta);
    expect(r.workbook.sheets[0].rows).toEqual(wb.sheets[0].rows);
    expect(r.workbook.sheets[0].columns).toEqual(wb.sheets[0].columns);
  });

  it('refuses what is not a valid planbook file, saying why', () => {
    const codes = [
      'not json',
      '{"type":"other"}',
      '{"type":"planbook","formatVersion":99,"workbook":{}}',
      '{"type":"planbook","formatVersion":1,"workbook":{"meta":{}}}',
      '{"type":"planbook","formatVersion":1,"workbook":{"__proto__":{"x":1}}}',
    ].map((t) => {
      const r = parsePlanbook(t);
      return r.ok ? 'ok' : r.error.code;
    });
    expect(codes).toEqual(['notJson', 'notPlanbook', 'tooNew', 'invalid', 'invalid']);
    const bad = JSON.parse(SAMPLE);
    bad.workbook.sheets[0].rows[3].cells.y2011_dtpt = { evil: true };
    const r = parsePlanbook(JSON.stringify(bad));
    expect(r.ok ? '' : r.error).toEqual({
      code: 'invalid',
      path: 'sheets[0].rows[3].cells.y2011_dtpt',
    });
  });

  it('migrates an older format version', () => {
    const old = JSON.parse(SAMPLE);
    old.formatVersion = 1;
    old.workbook.meta.unitName = old.workbook.meta.unit; // a made-up v1 → v2 rename
    delete old.workbook.meta.unit;
    const migrations = {
      1: (p: Record<string, unknown>) => {
        const w = p.workbook as { meta: Record<string, unknown> };
        w.meta.unit = w.meta.unitName;
        delete w.meta.unitName;
        return { ...p, formatVersion: 2 };
      },
    };
    const r = parsePlanbook(JSON.stringify(old), migrations, 2);
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(r.ok && r.workbook.meta.unit).toBe('triệu đồng');
  });
});

describe('the sample plan (Quảng Trị 2011–2015, transcribed)', () => {
  const r = parsePlanbook(SAMPLE);
  if (!r.ok) throw new Error('sample does not parse');
  const wb = r.workbook;
  const sh = wb.sheets[0];
  const e = new PlanEngine();
  e.loadWorkbook(wb);

  it('has the published structure', () => {
    expect(sh.rows.filter((x) => x.kind === 'section')).toHaveLength(2);
    expect(sh.rows.filter((x) => x.kind === 'project')).toHaveLength(17);
    expect(sh.rows.filter((x) => x.kind === 'total')).toHaveLength(3);
    expect(wb.meta.stated).toEqual({ total: 61600, bySource: { ĐTPT: 50100, SN: 11500 } });
  });

  it('computes the totals a hand audit gives (see fixtures/README.md)', () => {
    // ĐTPT by year: 3.500+2.000+1.000; 4.500+2.000+2.000+2.000+500; 4.000+1.000+2.000+2.000+2.000+500; 1.000×3+2.000×2; 600+3.000
    const dtpt = [6500, 11000, 11500, 7000, 3600];
    const sn = [2600, 3850, 2450, 1300, 50];
    [2011, 2012, 2013, 2014, 2015].forEach((y, i) => {
      expect(e.total(sh.id, 'ĐTPT', `y${y}_dtpt`)).toBe(dtpt[i]);
      expect(e.total(sh.id, 'SN', `y${y}_sn`)).toBe(sn[i]);
      expect(e.total(sh.id, null, `y${y}`)).toBe(dtpt[i] + sn[i]);
    });
    expect(e.total(sh.id, 'ĐTPT', 'total')).toBe(39600);
    expect(e.total(sh.id, 'SN', 'total')).toBe(10250);
    expect(e.total(sh.id, null, 'total')).toBe(49850);
    expect(e.value(sh.id, 0, 'stated')).toBe(41300); // section 1 states 36.300
    expect(e.value(sh.id, 0, 'total')).toBe(41300);
    expect(e.value(sh.id, 7, 'stated')).toBe(10200); // section 2 states 7.800
    expect(e.value(sh.id, 7, 'total')).toBe(8550);
    // issue 15: the plan's total rows are live sums of their block; their stated figures are kept
    expect(e.value(sh.id, 19, 'stated')).toBe(39600);
    expect(e.raw(sh.id, 19, 'stated')).toBe(50100);
  });
});
