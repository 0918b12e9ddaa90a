/**
 * Every text the CLI prints is safe for a terminal, whatever the input's names hold (ESC, BEL,
 * line breaks, bidirectional overrides in file, folder, sheet and project names), and titles and
 * sheet names come from a file's own name at most, never from the folders of its path.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { runCli } from './main';

// a folder whose name would colour the terminal and start a forged line
const DIR = join(mkdtempSync(join(tmpdir(), 'planbook-out-')), 'Phòng KH\u001b[31m\nFORGED');
mkdirSync(DIR);
const EVIL = '\u001b]0;owned\u0007\u001b[2J\u202e';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const plan = (amount: number) =>
  [
    `${q(`KẾ HOẠCH ${EVIL}`)},,`,
    'STT,Tên dự án,Năm 2024',
    `I,${q(`Hạ tầng ${EVIL}`)},`,
    `1,${q(`Mạng LAN ${EVIL}\nFORGED line`)},${amount}`,
    `2,${q(`Trung tâm\u0007 dữ liệu`)},=1+1`,
    '',
  ].join('\n');
const A = join(DIR, `a${EVIL}.csv`);
const B = join(DIR, `b\u0007.csv`);
writeFileSync(A, plan(100));
writeFileSync(B, plan(150));

/** The JSON without the paths the user gave (`file`, `plan`, warnings naming a file): no folder left. */
function withoutPaths(json: string): string {
  return JSON.stringify(JSON.parse(json), (k, v: unknown) =>
    k === 'file' || k === 'plan' || k === 'warnings' ? undefined : v,
  );
}

/** No control character but the line breaks the CLI writes itself; no line forged by input. */
function safe(text: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is checked
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  expect(text.split('\n').some((l) => l.startsWith('FORGED'))).toBe(false);
}

describe('CLI output', () => {
  it('check, read and compare: escaped texts, names from the file only', async () => {
    for (const args of [
      ['check', A],
      ['check', A, '--all'],
      ['read', A],
      ['compare', A, B],
    ]) {
      const r = await runCli(args);
      safe(r.stdout);
      safe(r.stderr);
      expect(r.stdout, args.join(' ')).toMatch(/\\x1b/); // the names are there, escaped
    }
    const read = JSON.parse((await runCli(['read', A, '--json'])).stdout) as {
      sheets: { name: string; title?: string }[];
    };
    for (const s of read.sheets) expect(JSON.stringify(s)).not.toMatch(/Phòng KH|planbook-out-/);
    // errors name the file escaped
    const missing = await runCli(['check', join(DIR, `none${EVIL}.xlsx`)]);
    expect(missing.code).toBe(2);
    safe(missing.stderr);
    // the adjustment table's title block names the files, not their folders
    const out = join(DIR, 'adj.xlsx');
    expect((await runCli(['compare', A, B, '-o', out])).code).toBe(0);
    const book = XLSX.read(readFileSync(out));
    const texts = XLSX.utils
      .sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1 })
      .flat()
      .join(' ');
    expect(texts).toContain('.csv →');
    expect(texts).not.toMatch(/Phòng KH|planbook-out-/);
    // an export's sheet and title come from the file's name at most
    const x = join(DIR, 'x.xlsx');
    expect((await runCli(['export', A, '-o', x])).code).toBe(0);
    const exported = XLSX.read(readFileSync(x));
    expect(exported.SheetNames.join(' ')).not.toMatch(/Phòng KH|planbook-out-/);
  });

  it('consolidate and progress: escaped texts, names from the file only', async () => {
    const c1 = join(DIR, `so-tttt${EVIL}.xlsx`);
    const c2 = join(DIR, `so-y-te\u0007.xlsx`);
    copyFileSync('fixtures/consolidate/so-tttt.xlsx', c1);
    copyFileSync('fixtures/consolidate/so-y-te.xlsx', c2);
    const cons = await runCli(['consolidate', c1, c2, join(DIR, `gone${EVIL}.xlsx`)]);
    safe(cons.stdout);
    safe(cons.stderr);
    expect(cons.stderr).toMatch(/gone\\x1b/);
    const usage = await runCli(['consolidate', '--by', `x${EVIL}`]);
    safe(usage.stderr.split('Usage')[0]);

    const F = 'fixtures/execution';
    const p = join(DIR, `ke-hoach${EVIL}.xlsx`);
    const r = join(DIR, `bao-cao\u0007\n.xlsx`);
    copyFileSync(`${F}/ke-hoach-dau-tu-cong-2022-2025.xlsx`, p);
    copyFileSync(`${F}/kbnn-giai-ngan-2024-01.xlsx`, r);
    const prog = await runCli(['progress', p, r]);
    expect(prog.code).toBe(0);
    safe(prog.stdout);
    safe(prog.stderr);
    const json = await runCli(['progress', p, r, '--json']);
    expect(withoutPaths(json.stdout)).not.toMatch(/Phòng KH|planbook-out-/);
    const bad = await runCli(['progress', p, join(DIR, `none${EVIL}.xlsx`)]);
    expect(bad.code).toBe(2);
    safe(bad.stderr);
    // a report read from a text file: its sheet is named after the file, not its folders
    const csvReport = join(DIR, 'bao-cao.csv');
    writeFileSync(csvReport, 'STT,Tên dự án,Giải ngân\n1,Mạng LAN,10\n');
    const viaCsv = await runCli(['progress', p, csvReport, '--json']);
    expect(withoutPaths(viaCsv.stdout)).not.toMatch(/Phòng KH|planbook-out-/);
  });
});
