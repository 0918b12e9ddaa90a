/**
 * One running headless LibreOffice per Vitest pool slot and profile (tests/support/lo_uno.py), so
 * a conversion costs a document load (~1 s) instead of a LibreOffice start (7–9 s). Each instance
 * has its own private profile, made by the same function a one-shot `soffice --convert-to` run's
 * profile is made by, so loading (recalculation or cached values) is the same. Test files that
 * run one after another in a slot (never two at once) share its instance; it stops within a
 * second of the test run's end (its keeper watches the run's process). The e2e files run one
 * after another share the run's instances the same way (tests/e2e/run.ts). Set PLANBOOK_LO_ONESHOT=1
 * to convert one-shot; any failure to start or reach an instance converts one-shot too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./lo_uno.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const broken = new Set<string>();

/**
 * The run (the Vitest main process under its forks pool, the e2e runner running its files one at
 * a time, else this process) and this slot.
 */
function slot(): { run: number; name: string } {
  const pool = process.env.VITEST_POOL_ID;
  const e2e = Number(process.env.PLANBOOK_E2E_RUN);
  if (pool) return { run: process.ppid, name: `${process.ppid}-${pool}` };
  if (e2e) return { run: e2e, name: `${e2e}-e2e` };
  return { run: process.pid, name: `${process.pid}` };
}

/** The pipe of the running instance of profile `key` in this slot, started on first use. */
function instance(key: string, profile: () => string): string {
  const { run, name } = slot();
  const pipe = `planbook-lo-${name}-${key}`;
  const marker = join(tmpdir(), `${pipe}.started`);
  if (existsSync(marker)) return pipe;
  writeFileSync(marker, '', { flag: 'wx' });
  const keeper = spawn(PYTHON, [SCRIPT, 'serve', pipe, profile(), `${run}`], {
    stdio: 'ignore',
    detached: true,
  });
  keeper.unref();
  return pipe;
}

/**
 * Starts this slot's instance of profile `key` now (in the background) if it is not running, so
 * its start overlaps the test file's import and first tests instead of its first conversion.
 */
export function warmUno(key: string, profile: () => string): void {
  if (process.env.PLANBOOK_LO_ONESHOT === '1' || broken.has(key)) return;
  try {
    instance(key, profile);
  } catch {
    broken.add(key);
  }
}

/**
 * Converts `file` in `outDir` — `csv`: one CSV per sheet (LibreOffice's own names,
 * `<stem>-<sheet>.csv`); `pdf`: `<stem>.pdf` as printed; `xlsx`, `ods`: `<stem>.xlsx` (`.ods`)
 * with the filter `soffice --convert-to` picks, read with import filter `infilter` if given (as
 * `--infilter=`) — through this slot's running instance of profile `key`, its profile made by
 * `profile` when it starts; false if that instance is unavailable (the caller then converts
 * one-shot).
 */
export function unoConvert(
  format: 'csv' | 'pdf' | 'xlsx' | 'ods',
  key: string,
  profile: () => string,
  file: string,
  outDir: string,
  infilter?: string,
): boolean {
  if (process.env.PLANBOOK_LO_ONESHOT === '1' || broken.has(key)) return false;
  try {
    const pipe = instance(key, profile);
    execFileSync(PYTHON, [SCRIPT, format, pipe, file, outDir, ...(infilter ? [infilter] : [])], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    return true;
  } catch {
    broken.add(key);
    return false;
  }
}
