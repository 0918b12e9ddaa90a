/**
 * `N=100000 node --import tsx bench/pasteBelowCpu.ts [root…]`: the paste of 1,000 lines × 10
 * amounts at the last project (999 rows added below it) on the app's session without the browser,
 * PASTE_REPS times (default 2) per root (a copy of the repository's `src` parent; default `.`),
 * each root in its own process, roots alternated: the CPU ms of the paste's task (planPaste, the
 * dispatch with its listeners, the checks' list) and the engine's part of it (applySheet).
 * 2026-12-02 (#20, the app's part of structural steps read over the stretch they changed), old
 * and new roots in one run at 100,000 projects, load 23: the second paste's task 1,044 -> 678 ms
 * CPU, of which outside the engine 446 -> 131 ms (the first paste after the load 706 -> 635: its
 * rows' order keys not yet known in order, every key read once).
 * 2026-12-02 later (#20, a loaded or imported workbook's rows known in key order: storage says so,
 * `LoadedWorkbook.keysInOrder`; this bench now gives the session the keys storage would), old and
 * new roots alternated, load 9-13: the first paste's task outside the engine 430 / 416 -> 317 /
 * 330 ms (no key read but the stretch's; what is left of the first paste over the second, 120-140
 * ms, is first-call work: renumbering, the row index, the code's warm-up), the second's 121 /
 * 142 -> 134 / 142 ms (unchanged).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** One process: the pastes of one build, one JSON line each. */
async function child(root: string): Promise<void> {
  const imp = (p: string) => import(pathToFileURL(resolve(root, p)).href);
  const { WorkbookSession } = await imp('src/app/session.ts');
  const { generatePlan } = await imp('src/domain/generate.ts');
  const { planPaste } = await imp('src/app/clipboard.ts');
  const { leaves } = await imp('src/domain/columns.ts');
  const { PlanEngine } = await imp('src/engine/engine.ts');
  const proto = PlanEngine.prototype as { applySheet: (...a: unknown[]) => unknown };
  const apply = proto.applySheet;
  let engineMs = 0;
  proto.applySheet = function (this: unknown, ...a: unknown[]) {
    const c0 = process.cpuUsage();
    try {
      return apply.apply(this, a);
    } finally {
      engineMs += cpuMs(process.cpuUsage(c0));
    }
  };
  const wb = generatePlan({ projects: Number(process.env.N ?? 10_000) });
  // the keys storage gives (as after a load or an import; a build without `keysInOrder` reads
  // them all at the first step)
  const { orderKeys } = await imp('src/storage/repo.ts');
  const order = new Map<string, string>();
  for (const sh of wb.sheets) {
    const keys: string[] = orderKeys(null, null, sh.rows.length);
    sh.rows.forEach((r: { id: string }, i: number) => order.set(r.id, keys[i]));
  }
  const s = new WorkbookSession({ workbook: wb, order, rev: 1, keysInOrder: true }, null);
  await s.whenEngineReady();
  for (let k = 0; k < Number(process.env.PASTE_REPS ?? 2); k++) {
    const sheet = s.workbook.sheets[0];
    let last = sheet.rows.length - 1;
    while (sheet.rows[last].kind !== 'project') last--;
    const col = leaves(sheet.columns).findIndex((l: { id: string }) => l.id === 'y2021_dtpt');
    const m = Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => String(i + j + 1)),
    );
    engineMs = 0;
    const c0 = process.cpuUsage();
    const r = planPaste(sheet, { row: last, col }, m);
    const ok = s.dispatch(r.command, 'paste').ok;
    s.checks.list(s.workbook, sheet.id);
    console.log(JSON.stringify({ task: cpuMs(process.cpuUsage(c0)), engine: engineMs, ok }));
    await s.whenEngineReady();
  }
  s.close();
}

function main(): void {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['.'];
  console.log(`N=${process.env.N ?? 10_000}, load ${loadavg()[0].toFixed(1)}`);
  for (const root of roots) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', process.argv[1]], {
      env: { ...process.env, PASTE_ROOT: root },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const lines = out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    for (const l of lines) {
      const f = JSON.parse(l) as { task: number; engine: number; ok: boolean };
      console.log(
        `${root}: paste task ${f.task.toFixed(0)} ms CPU, engine ${f.engine.toFixed(0)}, rest ${(f.task - f.engine).toFixed(0)} ms${f.ok ? '' : ' (refused)'} (load ${loadavg()[0].toFixed(1)})`,
      );
    }
  }
}

if (process.env.PASTE_ROOT) void child(process.env.PASTE_ROOT);
else main();
