/**
 * The peer in the same run: LibreOffice headless converting the bench files, and the `planbook`
 * command checking them, each timed as a process (wall time and peak resident memory from
 * `/usr/bin/time`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SOFFICE } from '../tests/support/libreoffice';

/** One timed process: wall milliseconds, peak resident set in MiB, exit code, what it printed. */
export interface Run {
  ms: number;
  peakMiB: number;
  code: number;
  /** bytes written on stdout, and stderr's text (the run's own, not time(1)'s) */
  stdoutBytes: number;
  stderr: string;
}

const TIME = '/usr/bin/time';
const ROOT = resolve(import.meta.dirname, '..');

/**
 * What a timed command may print: spawnSync's default (1 MiB) is less than `planbook check` prints
 * for 100,000 projects with thousands of findings, and past it Node kills the command (ENOBUFS):
 * time(1) died with it before writing the peak, which then read as 0 MiB, and the time was cut short.
 */
const MAX_OUTPUT = 2 ** 30;

/**
 * Runs a command under /usr/bin/time; wall time measured here, peak RSS by time(1): the largest of
 * the command and the children it waited for (the CLI's reader process), as wait4 reports it.
 */
export function timed(cmd: string, args: string[], cwd = ROOT): Run {
  const out = join(mkdtempSync(join(tmpdir(), 'pb-time-')), 'rusage');
  const useTime = existsSync(TIME);
  const opts = { cwd, stdio: 'pipe', maxBuffer: MAX_OUTPUT } as const;
  const t = performance.now();
  const r = useTime
    ? spawnSync(TIME, ['-f', '%M', '-o', out, cmd, ...args], opts)
    : spawnSync(cmd, args, opts);
  const ms = performance.now() - t;
  // a run cut short (output past the buffer, a signal) has no figures to report
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  const kb =
    useTime && existsSync(out) ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) : 0;
  return {
    ms,
    peakMiB: kb / 1024,
    code: r.status ?? -1,
    stdoutBytes: r.stdout?.length ?? 0,
    stderr: r.stderr?.toString() ?? '',
  };
}

/** The median run of `n` (by time), after one warm-up run when `warm`. */
export function medianRun(n: number, f: () => Run, warm = false): Run {
  if (warm) f();
  const runs = Array.from({ length: n }, f).sort((a, b) => a.ms - b.ms);
  const mid = runs[Math.floor(n / 2)];
  return { ...mid, peakMiB: Math.max(...runs.map((r) => r.peakMiB)) };
}

const RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A LibreOffice profile kept for the whole bench (created once: its first start is slow). */
function profile(recalc: boolean): string {
  const dir = join(tmpdir(), `pb-bench-lo-${recalc ? 'recalc' : 'default'}-${process.pid}`);
  if (!existsSync(dir)) {
    mkdirSync(join(dir, 'user'), { recursive: true });
    if (recalc) writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC);
  }
  return dir;
}

/**
 * LibreOffice converting `file`: to `xlsx` (open + save) or to `csv` (open + a one-sheet text
 * write, the nearest the command line gets to "open"), recalculating every formula on load or not.
 */
export function libreOffice(file: string, to: 'xlsx' | 'csv', recalc: boolean): Run {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice is missing at ${SOFFICE}`);
  const out = mkdtempSync(join(tmpdir(), 'pb-lo-out-'));
  const r = timed(SOFFICE, [
    `-env:UserInstallation=file://${profile(recalc)}`,
    '--headless',
    '--convert-to',
    to,
    '--outdir',
    out,
    file,
  ]);
  rmSync(out, { recursive: true, force: true });
  return r;
}

/** LibreOffice's phases on one file, in one running instance (no start-up): median ms, peak MiB. */
export interface LoPhases {
  open: number;
  /** CPU milliseconds soffice spent in the open (every thread and process). */
  openCpu: number;
  recalc: number;
  save: number;
  peakMiB: number;
}

/**
 * Times LibreOffice's open (cached values, no recalculation), recalculation of every formula and
 * save as .xlsx apart, through its Python bridge (bench/libreoffice-phases.py); null when
 * python3-uno is missing. `openOnly`: the open alone (no recalculation nor save: 0 ms).
 */
export function libreOfficePhases(
  files: string[],
  runs: number,
  openOnly = false,
): Map<string, LoPhases> | null {
  const r = spawnSync(
    '/usr/bin/python3',
    [join(ROOT, 'bench/libreoffice-phases.py'), SOFFICE, String(runs), ...files],
    {
      stdio: 'pipe',
      encoding: 'utf8',
      timeout: 1_800_000,
      env: { ...process.env, PB_LO_OPEN_ONLY: openOnly ? '1' : '0' },
    },
  );
  if (r.status !== 0) {
    console.log(
      `(LibreOffice phases not measured: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()})`,
    );
    return null;
  }
  const out = new Map<string, LoPhases>();
  for (const line of r.stdout.trim().split('\n')) {
    const j = JSON.parse(line) as {
      file: string;
      open: number;
      openCpu: number;
      recalc: number;
      save: number;
      hwmKiB: number;
    };
    out.set(j.file, {
      open: j.open,
      openCpu: j.openCpu,
      recalc: j.recalc,
      save: j.save,
      peakMiB: j.hwmKiB / 1024,
    });
  }
  return out;
}

/** Removes the LibreOffice profiles the bench made. */
export function dropProfiles(): void {
  for (const recalc of [true, false]) rmSync(profile(recalc), { recursive: true, force: true });
}

/**
 * `planbook check <file>` as a user runs it: the bundle given to node, the installed command (the
 * package's bin is the bundle, run through its #! line), the bin/planbook.mjs wrapper, or `npx`.
 */
export function planbookCheck(file: string, via: 'node' | 'bin' | 'wrapper' | 'npx'): Run {
  const run =
    via === 'npx'
      ? timed('npx', ['planbook', 'check', file])
      : via === 'bin'
        ? timed(join(ROOT, 'dist-cli/planbook.mjs'), ['check', file])
        : timed(process.execPath, [
            join(ROOT, via === 'wrapper' ? 'bin/planbook.mjs' : 'dist-cli/planbook.mjs'),
            'check',
            file,
          ]);
  return checked(run, `planbook check (${via})`);
}

/**
 * A check that did not run to its report (exit 0: no errors, 1: errors found, with a report on
 * stdout and nothing on stderr) has no time to report: a missing bundle once timed as 0.07 s.
 */
export function checked(run: Run, what: string): Run {
  if ((run.code === 0 || run.code === 1) && run.stdoutBytes > 0 && !run.stderr.trim()) return run;
  throw new Error(
    `${what} did not check the file (exit ${run.code}): ${run.stderr.trim().split('\n').slice(0, 3).join(' | ')}`,
  );
}
