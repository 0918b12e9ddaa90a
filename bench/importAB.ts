/**
 * The app's import (importApp.ts: its worker in Chromium) of two builds, A/B alternated in one run,
 * beside LibreOffice's open of the same file: wall and CPU milliseconds (medians) per size.
 * Usage: `npx vite build --outDir /tmp/old` on the old commit, `npx vite build` on the new, then
 * `BENCH_A=/tmp/old node --import tsx bench/importAB.ts` (BENCH_B: the new build, default dist/;
 * BENCH_PROJECTS default 10,000 and 100,000; BENCH_RUNS per round, BENCH_ROUNDS rounds).
 *
 * 2026-12-02 (h140: figures written into a row's cells, NumberCells; load 19-22 on 2 shared cores,
 * so wall figures are mostly waiting): 10,000 projects A (de7987a) 3.91 s wall, 1.20 s CPU; B 3.39
 * s wall, 1.17 s CPU; LibreOffice open 1.22 s wall, 0.47 s CPU. 100,000 projects A 20.6 s wall,
 * 5.88 s CPU (1.15x LibreOffice's CPU); B 18.5 s wall, 5.32 s CPU (1.04x; one of B's two rounds hit
 * the app's 20 s import limit); LibreOffice open 17.2 s wall, 5.11 s CPU. The reader alone in Node
 * at 100,000, A/B alternated in one process: CPU median 2,969 -> 2,704 ms (load 19). Again at
 * load 8.4-8.7 (2 runs x 2 rounds): 100,000 A 6.67 s wall, 4.09 s CPU; B 7.80 s wall, 3.89 s CPU
 * (0.94x LibreOffice's CPU); LibreOffice 5.16 s wall, 4.12 s CPU. 10,000 A 0.85 s wall, 0.85 s
 * CPU; B 0.69 s wall, 0.83 s CPU; LibreOffice 0.54 s wall, 0.46 s CPU.
 *
 * 2026-12-02 (h153: each cell's shown text made once per row, `rowShown`, and a number's plain
 * own formula on the plain-cell path; A main 2aa32eb, B h153; 3 runs x 2 rounds, load 14-22 on 2
 * shared cores): 10,000 projects A 1.73 s wall, 0.69 s CPU (1.82x LibreOffice's CPU); B 1.22 s
 * wall, 0.60 s CPU (1.58x); LibreOffice open 2.15 s wall, 0.38 s CPU. 100,000 projects A 14.67 s
 * wall, 3.80 s CPU (0.96x); B 11.80 s wall, 3.37 s CPU (0.85x); LibreOffice open 23.95 s wall,
 * 3.95 s CPU. The reader alone in Node at 100,000 (readPlanFile, A/B alternated, load 15-18): CPU
 * median ~3.0 -> ~2.65 s. Again with 23b7cc7 (lines without an empty text not copied; load 20-24,
 * A's first 100,000 round hit the 20 s import limit): 10,000 A 0.73 s CPU (1.81x), B 0.68 s
 * (1.70x), LibreOffice 0.40 s; 100,000 A 3.56 s CPU (0.94x), B 3.36 s (0.89x), LibreOffice 3.77 s.
 * Not met: 0.8x at 100,000 and 1.3x at 10,000 (a fresh worker's cold
 * code; the row passes' per-cell objects and GC, ~14 %, remain).
 *
 * 2026-12-03 (h197: the preview's worker started ahead at idle on the start page and its reader
 * warmed on a small appendix, previewSpare.ts; the reading's cell arrays sized ahead; the app idle
 * 3 s before each import; A main dc3c54b, B h197; load 30-46 on 2 shared cores, so the figures are
 * noise: 100,000 projects hit the app's 55 s import limit in A and B alike and LibreOffice once
 * failed to start). 10,000 projects, 3 runs x 2 rounds: A 10.28 s wall, 2.04 s CPU; B 12.90 s
 * wall, 2.18 s CPU (LibreOffice open 1.99 s wall, 0.43 s CPU); with the spare alone (no warm-up
 * read, 1 s idle): A 14.48 s wall, 2.37 s CPU; B 11.81 s wall, 1.85 s CPU. Thread CPU from a
 * Chromium trace over the import alone (posting to the page holding the reading, 10,000): the
 * worker's thread, 3 traces each alternated, 852, 696, 873 ms (A) -> 636, 589, 524 ms (B), the
 * page's ~50 -> ~35 ms, the renderer's thread pool (concurrent compiles, GC) ~1.07 -> ~1.20 s: the
 * whole renderer ~1.94 -> ~1.83 s (median), a smaller gain than the worker thread's alone.
 *
 * 2026-12-03 (h208: composedTexts and unlegacy made once per grid; load 30-59 on 2 shared cores,
 * the app's 100,000-project import past its 55 s limit, so no Chromium figures): the reader and
 * toWire alone in Node at 100,000, A (55fe643) / B alternated in one process, 8 rounds, CPU ms
 * 6253/5517, 5808/5783, 5917/5796, 6021/5319, 5829/5959, 7686/7121, 7937/6496, 5920/5397 (median
 * 6,021 -> 5,796, mean -7.7 %; B less in 7 of 8). Not met: 0.9x LibreOffice's open at 100,000.
 *
 * 2026-12-03 (h217: a sheet chunk's rows read in the chunk itself, no longer after joining it to
 * the text kept from the chunk before, which made V8 copy each 1 MiB chunk once more to flatten the
 * join; inflated parts decoded in chunks cut between two ASCII bytes, each alone, instead of
 * TextDecoder's stream mode; load 27-41 on 2 shared cores, so no Chromium figures). Micro, the
 * 100,000-project sheet's 42 chunks in Node: the `</sheetData>` search on the joined text 290-310
 * ms CPU, on the chunk alone 16 ms; stream-mode decode 8.5 s wall against 2.8 s decoding each
 * chunk alone (load 30: the ratio, ~3x, is the figure). The streaming reader alone
 * (gridsFromXlsx) at 100,000 in Node, A (4f7861d) / B alternated in one process, CPU ms
 * 2928/2153, 2466/1567, 2449/1825, 2075/1602 (B less in 4 of 4; median ~2,450 -> ~1,830). The whole
 * reader + toWire (readRequest, as the worker runs it) at 100,000, alternated, later at load 11-17:
 * 4309/3580, 4387/3766, 3906/3906 CPU ms (median 4,309 -> 3,766, -13 %). The chunk join
 * applies in Chromium's worker too (V8); the decode gain is Node's (the CLI, the bench's reader).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from '../tests/e2e/harness';
import { appImport } from './importApp';
import { libreOfficePhases } from './peer';
import { planXlsx } from './planXlsx';

const SIZES = (process.env.BENCH_PROJECTS ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const A = process.env.BENCH_A;
const B = process.env.BENCH_B ?? DIST;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  if (!A) throw new Error('BENCH_A: the old build (vite build --outDir)');
  const dir = mkdtempSync(join(tmpdir(), 'pb-import-ab-'));
  console.log(`A ${A}, B ${B}; load at start ${loadavg()[0].toFixed(1)}`);
  for (const n of SIZES) {
    const file = join(dir, `plan-${n}.xlsx`);
    writeFileSync(file, planXlsx({ projects: n, findings: 'few' }));
    const got = {
      A: { wall: [] as number[], cpu: [] as number[] },
      B: { wall: [] as number[], cpu: [] as number[] },
    };
    for (let k = 0; k < ROUNDS; k++)
      for (const [name, dist] of k % 2
        ? ([
            ['B', B],
            ['A', A],
          ] as const)
        : ([
            ['A', A],
            ['B', B],
          ] as const)) {
        // an import past the app's time limit (a loaded machine) is told, not counted
        const r = await appImport(file, RUNS, dist).catch((e: unknown) => {
          console.log(`${name} at ${n}: ${String(e).split('\n')[0]}`);
          return null;
        });
        if (!r) continue;
        got[name].wall.push(r.wall);
        got[name].cpu.push(r.cpu);
      }
    const lo = libreOfficePhases([file], RUNS, true)?.get(file);
    const line = (name: 'A' | 'B') => {
      const wall = median(got[name].wall);
      const cpu = median(got[name].cpu);
      const vs = lo
        ? ` (${(wall / lo.open).toFixed(2)}× wall, ${(cpu / lo.openCpu).toFixed(2)}× CPU of LibreOffice)`
        : '';
      return `${name} ${s(wall)} wall, ${s(cpu)} CPU${vs}`;
    };
    console.log(
      `${n.toLocaleString('en')} projects: ${line('A')}; ${line('B')}` +
        (lo ? `; LibreOffice open ${s(lo.open)} wall, ${s(lo.openCpu)} CPU` : '') +
        ` (load ${loadavg()[0].toFixed(1)})`,
    );
  }
}

void main();
