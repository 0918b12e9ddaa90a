/** Renders docs/export.png: the sample plan exported, printed to PDF by LibreOffice, first page as PNG. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-shot-'));
  const xlsx = join(dir, 'sample.xlsx');
  const r = await runCli(['export', 'fixtures/quang-tri-2011-2015.planbook', '-o', xlsx]);
  if (r.code !== 0) throw new Error(r.stderr);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      xlsx,
    ],
    { stdio: 'pipe' },
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    join(dir, 'sample.pdf'),
    join(dir, 'page'),
  ]);
  const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
  copyFileSync(join(dir, png), 'docs/export.png');
}
void main();
