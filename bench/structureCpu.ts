/**
 * `N=100000 node --import tsx bench/structureCpu.ts [root…]`: structural edits on the app's
 * session without the browser (insert a project below a row, delete it, move a block of rows,
 * undo, redo) on a generated plan of N projects: the CPU milliseconds of each step's task (the
 * dispatch with its listeners: engine, checks, views) and of the checks' steps that follow it.
 * Each root given (a copy of the repository's `src` parent; default `.`) runs in its own process,
 * round after round (A/B interleaved), BENCH_ROUNDS rounds (default 2). At 100,000 projects
 * (2026-12-01, load 11-31): the step's task 1,832 -> 1,628 and 1,972 -> 1,829 ms CPU median (the
 * checks' 360-450 ms now in idle steps after it); the rest is the engine's rows moved in
 * HyperFormula (about half), applying the command, the delta and the stored change.
 * 2026-12-01 later (row operations past the orders' common ends, engine/writes.ts), old and new
 * roots alternated, load 9-25: step task CPU median 1,893 / 1,868 -> 1,664 / 1,276 ms, max
 * 2,732 / 2,973 -> 3,003 / 2,762 ms (what is left: HyperFormula's own row operations, each of which
 * walks every vertex of the graph, and reading every derived formula back after them).
 * 2026-12-02 (derived formulas read back only for the sections a step touched, derivedChecks.ts;
 * a row's total a SUM of cells, no range per row), old and new roots in one run, load 18-19:
 * step task CPU median 1,533 -> 833 ms (max 2,841 -> 1,646); per kind, task / engine's part:
 * insert 1,022 / 673 -> 609 / 252 ms, delete 1,217 / 880 -> 640 / 317, move 1,850 / 1,481 ->
 * 1,076 / 699, undo 2,030 / 1,878 -> 807 / 688, redo 1,720 / 1,569 -> 876 / 721 ms. The rest of
 * an insert's task is the command, the delta and the stored change (remapRows, followRows,
 * diffSheet, indexOfRows, about 350 ms), and in the engine HyperFormula's row operation.
 * 2026-12-02 later (HyperFormula's row operations find the array formulas in a kept set, not by
 * copying and testing each of the graph's 1.4 million vertices, three times per move, and skip
 * the walk over every resized range's dependents when the graph holds no array formula:
 * engine/arrayNodes.ts; no walk over every row's cells for formulas of the user's when the
 * workbook holds none: writes.ts; sections' last children in one walk: derivedChecks.ts), old
 * and new roots alternated, load 14-24: step task CPU median 699 / 760 -> 378 / 379 ms (max
 * 1,432 / 1,835 -> 868 / 973); per kind, task / engine's part, round 1 / round 2: insert
 * 528 / 215, 537 / 238 -> 357 / 84, 348 / 83 ms; delete 546 / 264, 607 / 294 -> 418 / 117,
 * 373 / 110; move 914 / 605, 1,087 / 767 -> 595 / 299, 559 / 259; undo 699 / 575, 821 / 693 ->
 * 337 / 249, 379 / 254; redo 768 / 650, 800 / 693 -> 328 / 227, 366 / 261 ms. What is left of
 * a move's engine part is mostly HyperFormula re-keying each of the sheet's ~44,000 ranges (a
 * section's SUM(E3:E27) per field) below the rows twice (rows added at the target, removed at
 * the source; its range map is keyed by the corners' text) and the recalculation.
 * 2026-12-02 later (#20, the app's part read over the stretch a step changed: diffSheet and
 * patchSheet between the rows both lists share at their ends, the row index read through a recent
 * list's, followRows over formula rows only, the stored change's order keys for the stretch,
 * renumber lighter per row), old and new roots in one run, load 20-21: the task minus the
 * engine's part, per kind: insert 303 -> 69, delete 234 -> 79, move 258 -> 73, undo 114 -> 22,
 * redo 101 -> 28 ms (what is left of it: renumbering the sheet, O(rows), ~30 ms loaded).
 * 2026-12-02 later (#20: HyperFormula's range maps keyed by numbers, engine/rangeKeys.ts;
 * renumbering over the stretch a step changed, domain/renumberStretch.ts; the session given the
 * keys storage gives, known in order), old and new roots alternated, load 17-21: step task CPU
 * median 241 / 226 -> 198 / 188 ms (max 701 / 712 -> 546 / 532); per kind, task / engine's part,
 * round 1, round 2: insert 175 / 95, 171 / 101 -> 194 / 89, 158 / 85; delete 233 / 169, 164 / 114
 * -> 189 / 138, 145 / 99; move 401 / 349, 305 / 253 -> 284 / 261, 290 / 260; undo 310 / 285,
 * 273 / 243 -> 223 / 195, 200 / 186; redo 265 / 243, 256 / 239 -> 198 / 178, 193 / 178 ms. Apart:
 * an insert and a move's applyCommand 50 -> 22 ms (renumbering), an addRows' range re-key 31 ->
 * 19 ms. What is left of a move's engine part: HyperFormula's passes over every range (moved, then
 * truncated and sorted at the rows removed) and the recalculation.
 * 2026-12-02 later (#20: derived formulas' sections found near the touched rows, no walk over the
 * sheet, engine/derivedChecks.ts; renumbering after an undo, a redo or a typed cell over the
 * stretch only, domain/renumberStretch.ts; a cell edit's diff over the rows it replaced), old and
 * new roots one round each, load 19-54 (very noisy): step task CPU median 359 -> 263 ms (p95
 * 907 -> 1,040, one outlier); per kind, task / engine's part: insert 304 / 155 -> 216 / 109,
 * delete 315 / 216 -> 199 / 142, move 511 / 421 -> 464 / 399, undo 437 / 394 -> 265 / 239, redo
 * 359 / 322 -> 263 / 227 ms.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** One process: the figures of one build, as a JSON line. */
async function child(root: string): Promise<void> {
  const n = Number(process.env.N ?? 10_000);
  const imp = (p: string) => import(pathToFileURL(resolve(root, p)).href);
  const { WorkbookSession } = await imp('src/app/session.ts');
  const { generatePlan } = await imp('src/domain/generate.ts');
  const { addRow } = await imp('src/app/rowActions.ts');
  // the engine's part of each step: PlanEngine.applySheet's CPU (the row operations, the writes,
  // the formulas read back)
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
  const wb = generatePlan({ projects: n });
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
  const sheetId = wb.sheets[0].id;
  const settle = async () => {
    // the checks' steps that follow a step (none when the checks ran in its task)
    const c0 = process.cpuUsage();
    await s.whenEngineReady();
    return cpuMs(process.cpuUsage(c0));
  };
  const task: number[] = [];
  const after: number[] = [];
  /** Per step kind: the task's CPU and the engine's part of it. */
  const kinds = new Map<string, { task: number[]; engine: number[] }>();
  const timed = async (kind: string, f: () => void) => {
    const c0 = process.cpuUsage();
    engineMs = 0;
    f();
    s.checks.list(s.workbook, sheetId);
    const ms = cpuMs(process.cpuUsage(c0));
    task.push(ms);
    const k = kinds.get(kind) ?? { task: [], engine: [] };
    kinds.set(kind, k);
    k.task.push(ms);
    k.engine.push(engineMs);
    after.push(await settle());
  };
  for (let k = 0; k < 6; k++) {
    const rows = s.workbook.sheets[0].rows;
    const at = Math.floor(rows.length * ((k + 1) / 8));
    const add = addRow(s.workbook.sheets[0], at, 'project');
    await timed('insert', () => s.dispatch(add.command, 'insertRow'));
    await timed('delete', () =>
      s.dispatch({ type: 'deleteRows', sheetId, rowIds: [add.focus] }, 'deleteRow'),
    );
    await timed('move', () =>
      s.dispatch({ type: 'moveRows', sheetId, from: at, count: 1, to: at + 3 }, 'moveRow'),
    );
    await timed('undo', () => s.undo());
    await timed('redo', () => s.redo());
  }
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const q = (a: number[], p: number) => sorted(a)[Math.min(a.length - 1, Math.floor(a.length * p))];
  console.log(
    JSON.stringify({
      taskMedian: q(task, 0.5),
      taskP95: q(task, 0.95),
      taskMax: q(task, 1),
      afterMedian: q(after, 0.5),
      findings: s.checks.list(s.workbook, sheetId).length,
      kinds: Object.fromEntries(
        [...kinds].map(([k, v]) => [k, [q(v.task, 0.5), q(v.engine, 0.5)]]),
      ),
    }),
  );
  s.close();
}

function main(): void {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['.'];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  console.log(`N=${process.env.N ?? 10_000}, load ${loadavg()[0].toFixed(1)}`);
  for (let r = 0; r < rounds; r++)
    for (const root of roots) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', process.argv[1]], {
        env: { ...process.env, STRUCTURE_ROOT: root },
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      const f = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number> & {
        kinds: Record<string, [number, number]>;
      };
      console.log(
        `${root} round ${r + 1}: step task CPU median ${f.taskMedian.toFixed(1)} ms, p95 ${f.taskP95.toFixed(1)} ms, max ${f.taskMax.toFixed(1)} ms; checks' steps after it ${f.afterMedian.toFixed(1)} ms; ${f.findings} findings (load ${loadavg()[0].toFixed(1)})`,
      );
      // per step kind: task CPU median / the engine's part of it (applySheet)
      console.log(
        '  ' +
          Object.entries(f.kinds)
            .map(([k, [t, e]]) => `${k} ${t.toFixed(0)} / engine ${e.toFixed(0)} ms`)
            .join(', '),
      );
    }
}

if (process.env.STRUCTURE_ROOT) void child(process.env.STRUCTURE_ROOT);
else main();
