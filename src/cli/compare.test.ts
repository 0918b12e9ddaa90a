import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { CompareJson } from './compareCmd';
import { runCli } from './main';

const A = 'fixtures/compare/quang-tri-a.planbook';
const B = 'fixtures/compare/quang-tri-b.planbook';
const tmp = mkdtempSync(join(tmpdir(), 'planbook-compare-'));

describe('planbook compare', () => {
  it('the issue’s case: two .tsv revisions of the seed’s appendix yield exactly their 4 changes', async () => {
    // b: one 2011 amount changed, one project removed, one added near the end, one renamed from
    // “(Giai đoạn 2)” to “giai đoạn 2” (scripts/make-compare-pairs.py); the reader numbers the rows
    // of each file i1, i2… — those numbers identify nothing, so they must not pair projects
    const r = await runCli([
      'compare',
      'fixtures/compare/issue-a.tsv',
      'fixtures/compare/issue-b.tsv',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CompareJson;
    expect(j.renamed.map((x) => [x.before.label, x.after.label])).toEqual([
      ['Dự án GIS cơ sở (Giai đoạn 2)', 'Dự án GIS cơ sở giai đoạn 2'],
    ]);
    expect(j.renamed[0].reason).toBe(
      'same name but for case, accents, spacing or punctuation; same lead unit; same section',
    );
    expect(j.removed.map((p) => p.label)).toEqual([
      'XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh',
    ]);
    expect(j.added.map((p) => p.label)).toEqual(['Triển khai chữ ký số cho các cơ quan nhà nước']);
    expect(j.changes).toEqual([
      {
        label: 'Hệ thống giao ban trực tuyến cho 04 đơn vị cấp huyện',
        year: 2011,
        source: 'ĐTPT',
        column: 'Nhu cầu vốn đầu tư các năm / 2011 / Vốn DTPT',
        before: 2000,
        after: 2500,
        kind: 'value',
      },
    ]);
    expect([j.moved, j.split, j.merged, j.toConfirm]).toEqual([[], [], [], []]);
    expect(j.matched).toHaveLength(16);
    expect(j.matched.every((m) => m.by === 'key' && m.confidence >= 0.9 && !m.confirm)).toBe(true);
  });

  it('prints exactly one JSON object with the scripted changes', async () => {
    const r = await runCli(['compare', A, B, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as CompareJson;
    expect(Object.keys(j)).toEqual([
      'a',
      'b',
      'matched',
      'added',
      'removed',
      'outside',
      'renamed',
      'respelled',
      'moved',
      'split',
      'merged',
      'toConfirm',
      'changes',
      'totals',
    ]);
    expect([j.a, j.b]).toEqual([A, B]);
    expect(j.matched).toHaveLength(16);
    for (const m of j.matched)
      expect(Object.keys(m)).toEqual([
        'a',
        'b',
        'renamed',
        'respelled',
        'moved',
        'by',
        'confidence',
        'reason',
        'confirm',
      ]);
    expect(j.matched.filter((m) => m.renamed).map((m) => m.b)).toEqual([
      expect.stringMatching(/^Ban hành quy chế vận hành mạng tin học diện rộng/),
    ]);
    expect(j.matched.filter((m) => m.moved).map((m) => m.a)).toEqual([
      'Xây dựng hệ thống quản lý cán bộ công chức tỉnh',
    ]);
    expect(j.added).toEqual([{ label: 'Triển khai chữ ký số cho các cơ quan nhà nước', row: 19 }]);
    expect(j.removed).toEqual([
      { label: 'XD hệ thống quản lý đơn thư khiếu nại tố cáo của tỉnh', row: 14 },
    ]);
    expect(j.changes).toEqual([
      {
        label: 'Nâng cấp hạ tầng CNTT cho Trung tâm tích hợp dữ liệu tỉnh',
        year: 2013,
        source: 'ĐTPT',
        column: 'Nhu cầu vốn đầu tư các năm / 2013 / Vốn DTPT',
        before: 1000,
        after: 1500,
        kind: 'value',
      },
      {
        label:
          'Triển khai hệ thống quản lý Hồ sơ văn bản và điều hành tác nghiệp mới cho khoảng 50 DV',
        year: 2012,
        source: 'SN',
        column: 'Nhu cầu vốn đầu tư các năm / 2012 / Vốn SN',
        before: 1000,
        after: 800,
        kind: 'value',
      },
      {
        label:
          'Tập huấn kỹ năng quản trị mạng (cho khoảng 200 HV là cán bộ chuyên trách CNTT trong các đơn vị)',
        year: 2012,
        source: 'SN',
        column: 'Nhu cầu vốn đầu tư các năm / 2012 / Vốn SN',
        before: '=J17*0.15',
        after: '=J16*0.2',
        kind: 'formula',
      },
    ]);
    expect(j.totals).toEqual({ before: 49850, after: 51100, increase: 1750, decrease: 500 });
  });

  it('reads the department’s file as Excel too, and writes the adjustment table', async () => {
    const bx = join(tmp, 'b.xlsx');
    expect((await runCli(['export', B, '-o', bx])).code).toBe(0);
    const out = join(tmp, 'dieu-chinh.xlsx');
    const r = await runCli(['compare', A, bx, '--json', '-o', out]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CompareJson;
    expect(j.changes.map((c) => [c.before, c.after, c.kind])).toEqual([
      [1000, 1500, 'value'],
      [1000, 800, 'value'],
      ['=J17*0.15', '=J16*0.2', 'formula'],
    ]);
    expect(j.totals).toEqual({ before: 49850, after: 51100, increase: 1750, decrease: 500 });
    const wb = XLSX.read(readFileSync(out));
    expect(wb.SheetNames).toEqual(['Biểu điều chỉnh']);
    expect(
      XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Biểu điều chỉnh'], { header: 1 })[0],
    ).toEqual(['BIỂU ĐIỀU CHỈNH KẾ HOẠCH']);
  });

  it('exits 2 when one file cannot be read, with the file named; the text form runs as a command', async () => {
    const r = await runCli(['compare', A, join(tmp, 'missing.planbook')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^planbook: cannot read .*missing\.planbook: ENOENT$/);
    expect((await runCli(['compare', A])).code).toBe(2);
    const cmd = spawnSync(process.execPath, ['bin/planbook.mjs', 'compare', A, B], {
      encoding: 'utf8',
    });
    expect(cmd.status).toBe(0);
    expect(cmd.stdout).toMatch(/16 projects matched \(1 renamed, 1 moved\), 1 added, 1 removed/);
  });
});
