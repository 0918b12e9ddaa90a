/**
 * LibreOffice as the peer Excel client in tests: converts an .xlsx to one CSV per sheet, either
 * recalculating every formula on load (a profile with OOXMLRecalcMode = 0) or showing the cached
 * values (its default profile).
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unoConvert, warmUno } from './loUno';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

const RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function profile(recalc: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), recalc ? 'lo-recalc-' : 'lo-default-'));
  if (recalc) {
    mkdirSync(join(dir, 'user'), { recursive: true });
    writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC);
  }
  return dir;
}

// the running LibreOffice instances a Vitest pool slot converts with start while its first test
// file loads (the slot's later files use them too). Outside Vitest (an e2e file is a process of its
// own, most using one of the two) an instance starts at its first conversion: warming both there
// cost a LibreOffice start (7–9 s of CPU, beside Chromium's) for nothing.
if (existsSync(SOFFICE) && process.env.VITEST_POOL_ID)
  for (const recalc of [true, false]) warmUno(recalc ? 'recalc' : 'default', () => profile(recalc));

/** Parses the CSV LibreOffice writes (comma, double quotes, UTF-8). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else if (c !== '\r') f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

/** Converts `file` to CSV (every sheet); returns the rows of each sheet by sheet name. */
export function toCsv(file: string, recalc: boolean): Map<string, string[][]> {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice is missing at ${SOFFICE} (apt-get install libreoffice-calc-nogui)`,
    );
  const out = mkdtempSync(join(tmpdir(), 'lo-out-'));
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  if (!unoConvert('csv', recalc ? 'recalc' : 'default', () => profile(recalc), file, out))
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile(recalc)}`,
        '--headless',
        '--convert-to',
        filter,
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
  const stem = basename(file).replace(/\.[^.]+$/, '');
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    if (!f.endsWith('.csv')) continue;
    const name = f === `${stem}.csv` ? '' : f.slice(stem.length + 1, -4);
    sheets.set(name, parseCsv(readFileSync(join(out, f), 'utf8')));
  }
  return sheets;
}

/** A profile whose locale (number recognition, dates) is `locale`, e.g. en-US or vi-VN. */
function localeProfile(locale: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lo-${locale}-`));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * The .xlsx LibreOffice Calc makes of an HTML table read by its HTML import (the filter its paste
 * of `text/html` runs), in a profile of `locale`: what a paste into Calc would hold. Through a
 * running instance of that profile (loUno), else one-shot.
 */
export function htmlToXlsx(html: string, locale = 'en-US'): Uint8Array {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice is missing at ${SOFFICE} (apt-get install libreoffice-calc-nogui)`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'lo-html-'));
  const file = join(dir, 'pasted.html');
  writeFileSync(file, html);
  const infilter = 'HTML (StarCalc)';
  if (!unoConvert('xlsx', `html-${locale}`, () => localeProfile(locale), file, dir, infilter))
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${localeProfile(locale)}`,
        '--headless',
        `--infilter=${infilter}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
  return new Uint8Array(readFileSync(join(dir, 'pasted.xlsx')));
}

/**
 * The files LibreOffice saves of `files` in each format of `formats` (`xlsx`, `ods`), with a
 * private profile (its defaults: what an officer re-saving the file gets): through the running
 * instance of that profile (loUno), else in one `--convert-to` run per format; the path of each
 * converted file by `<stem>.<format>`.
 */
export function convertTo(files: string[], formats: string[]): Map<string, string> {
  if (!existsSync(SOFFICE))
    throw new Error(
      `LibreOffice is missing at ${SOFFICE} (apt-get install libreoffice-calc-nogui)`,
    );
  const out = mkdtempSync(join(tmpdir(), 'lo-conv-'));
  const paths = new Map<string, string>();
  for (const format of formats) {
    const uno =
      (format === 'xlsx' || format === 'ods') &&
      files.every((f) => unoConvert(format, 'default', () => profile(false), f, out));
    if (!uno)
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${profile(false)}`,
          '--headless',
          '--convert-to',
          format,
          '--outdir',
          out,
          ...files,
        ],
        { stdio: 'pipe', timeout: 180_000 },
      );
    for (const f of files) {
      const name = `${basename(f).replace(/\.[^.]+$/, '')}.${format}`;
      paths.set(name, join(out, name));
    }
  }
  return paths;
}
