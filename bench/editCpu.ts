/**
 * `N=100000 node --import tsx bench/editCpu.ts [root…]`: typed figures on the app's session
 * without the browser (the dispatch with its listeners: command, diff, engine, checks, views,
 * the stored change) on a generated plan of N projects (default 100,000), EDITS edits (default
 * 40, the first 10 not counted) spread over the sheet; CPU milliseconds per edit, median and p95.
 * Each root given (a checkout's directory; default `.`) runs in its own process, round after
 * round (BENCH_ROUNDS, default 2: A/B interleaved), so old and new share the machine's load.
 * 2026-12-02 (#20: a cell edit's diff over the rows setCells replaced, domain/rowsReplaced.ts),
 * old and new roots alternated, load 35-42: edit CPU median 13.7 -> 11.5 ms, p95 58.0 -> 47.3 ms.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** One process: the figures of one build, as a JSON line. */
async function child(root: string): Promise<void> {
  const n = Number(process.env.N ?? 100_000);
  const edits = Number(process.env.EDITS ?? 40);
  const imp = (p: string) => import(pathToFileURL(resolve(root, p)).href);
  const { WorkbookSession } = await imp('src/app/session.ts');
  const { generatePlan } = await imp('src/domain/generate.ts');
  const { orderKeys } = await imp('src/storage/repo.ts');
  const wb = generatePlan({ projects: n });
  const order = new Map<string, string>();
  for (const sh of wb.sheets) {
    const keys: string[] = orderKeys(null, null, sh.rows.length);
    sh.rows.forEach((r: { id: string }, i: number) => order.set(r.id, keys[i]));
  }
  const s = new WorkbookSession({ workbook: wb, order, rev: 1, keysInOrder: true }, null);
  await s.whenEngineReady();
  const sheet = s.workbook.sheets[0];
  const projects = sheet.rows.filter((r: { kind: string }) => r.kind === 'project');
  const ms: number[] = [];
  for (let k = 0; k < edits; k++) {
    const r = projects[(k * 2377) % projects.length];
    const c0 = cpu();
    s.dispatch(
      {
        type: 'setCells',
        sheetId: sheet.id,
        changes: [{ rowId: r.id, colId: 'y2023_dtpt', value: 1000 + k }],
      },
      'edit',
    );
    s.checks.list(s.workbook, sheet.id);
    if (k >= 10) ms.push(cpu() - c0);
    await new Promise((res) => setTimeout(res, 10));
  }
  const sorted = ms.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  console.log(JSON.stringify({ median: q(0.5), p95: q(0.95) }));
  s.close();
  process.exit(0);
}

function main(): void {
  const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['.'];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  console.log(`N=${process.env.N ?? 100_000}, load ${loadavg()[0].toFixed(1)}`);
  for (let r = 0; r < rounds; r++)
    for (const root of roots) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', process.argv[1]], {
        env: { ...process.env, EDIT_ROOT: root },
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      const f = JSON.parse(out.trim().split('\n').pop()!) as { median: number; p95: number };
      console.log(
        `${root} round ${r + 1}: edit CPU median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (load ${loadavg()[0].toFixed(1)})`,
      );
    }
}

if (process.env.EDIT_ROOT) void child(process.env.EDIT_ROOT);
else main();
