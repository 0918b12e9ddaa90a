/** `planbook check` over every sheet of a workbook, and `planbook read`, as commands. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CheckJson, WorkbookCheckJson } from './check';
import { runCli } from './main';
import type { ReadingJson } from './readCmd';

const BOOK = 'fixtures/mof/Final_2009.xls';

describe('planbook check on a workbook of nine sheets', () => {
  it('checks every sheet, with a per-sheet summary and the cell of each finding', async () => {
    const r = await runCli(['check', BOOK, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as WorkbookCheckJson;
    expect(out.sheets.map((s) => s.sheet)).toEqual([
      'M01+',
      'M02+',
      'M03+',
      'M04+',
      'M05+',
      'M06+',
      'M07+',
      'M08+',
      'M09+',
    ]);
    expect(out.summary).toMatchObject({ sheets: 9, errors: 1 });
    // the one real difference of the workbook (fixtures/audits/Final_2009.json)
    const e = out.findings.filter((f) => f.severity === 'error');
    expect(e.map((f) => [f.sheet, f.cell, f.rule, f.from])).toEqual([
      ['M07+', 'K36', 'column-rule', 'code row'],
    ]);
    const text = await runCli(['check', BOOK]);
    expect(text.stdout).toMatch(/9 sheet\(s\) checked, 1 error\(s\)/);
    expect(text.stdout).toMatch(/^ {2}M07\+: 1 error\(s\)/m);
    // the per-sheet summary says what the structure reading says (fixtures/audits/Final_2009.json)
    expect(text.stdout).toMatch(
      /^ {2}M02\+: 0 error\(s\), 0 warning\(s\); 7 sections, 19 items, 0 total rows \(2 heading\(s\) without figures, 2 derived row\(s\)\)$/m,
    );
    const m02 = out.sheets.find((s) => s.sheet === 'M02+')!;
    expect(m02.plan).toMatchObject({ sections: 7, projects: 19, totals: 0, derived: 2 });
  });

  it('--sheet picks one sheet by name or index', async () => {
    const byName = JSON.parse((await runCli(['check', BOOK, '--sheet', 'M09+', '--json'])).stdout);
    const byIndex = JSON.parse((await runCli(['check', BOOK, '--sheet', '9', '--json'])).stdout);
    expect((byName as CheckJson).sheet).toBe('M09+');
    expect(byIndex).toEqual(byName);
    expect((byName as CheckJson).plan).toMatchObject({ sections: 8, projects: 63, totals: 1 });
  });
});

describe('planbook read', () => {
  it('prints the columns with roles and rules, the rows with kinds, what was left out', async () => {
    const r = await runCli(['read', BOOK, '--sheet', 'M07+', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ReadingJson;
    const s = out.sheets[0];
    expect(s.band).toMatchObject({ codeRow: 11 });
    expect(s.rules.map((x) => [x.text, x.from])).toEqual([
      ['2=3+6+7', 'code row'],
      ['3=4+5', 'code row'],
      ['9=10+11+…+18', 'code row'],
      ['19=20+21+22', 'code row'],
      // the first figure column over the parts the header numbers I, II, III, IV
      ['Quyết toán Final Accounts 2009 = 2 + 8 + 9 + 19', 'structure'],
    ]);
    expect(s.columns.find((c) => c.column === 'K')).toMatchObject({
      role: 'value',
      additive: true,
    });
    expect(s.rows.filter((x) => x.kind === 'project')).toHaveLength(88);
    const m01 = JSON.parse((await runCli(['read', BOOK, '--sheet', 'M01+', '--json'])).stdout);
    const ratio = (m01 as ReadingJson).sheets[0].rows.find((x) => x.part === 'ratio');
    expect(ratio?.label).toMatch(/^Tỷ lệ bội chi/);
    expect((m01 as ReadingJson).sheets[0].footer[0]).toMatch(/^Ghi chú/);
    const text = await runCli(['read', BOOK, '--sheet', 'M01+']);
    expect(text.stdout).toMatch(/ratio: not added/);
    expect(text.stdout).toMatch(/below the table \(kept as text\)/);
  });

  it('runs as a command', () => {
    const r = spawnSync('node', ['bin/planbook.mjs', 'read', BOOK, '--sheet', '1'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/sheet M01\+: header rows/);
  });
});
