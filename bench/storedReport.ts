/**
 * Saving a recorded report at 100,000 projects: the structured clone IndexedDB makes of the saved
 * change before its write returns (main thread), the period's 187,527 figures as objects (before
 * 2026-12-01) against packed (packDelta included), alternated in the same run: CPU ms.
 * `node --import tsx bench/storedReport.ts` (BENCH_LINES, BENCH_ROUNDS).
 */
import type { Disbursed } from '../src/domain/execution';
import type { ExecDelta } from '../src/domain/executionDelta';
import { packDelta } from '../src/storage/packedFigures';

const lines = Number(process.env.BENCH_LINES ?? 187_527);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const figures: Record<string, Disbursed> = {};
for (let i = 0; i < lines; i++)
  figures[`e${i.toString(36)}x${i}|Ngân sách ${i % 2 ? 'địa phương' : 'trung ương'}`] = {
    plan: Math.round(i * 13.7) / 10,
    carry: i % 3 ? null : i / 7,
  };
const delta: ExecDelta = { patch: { lines: [] }, set: {}, figures: { p7: figures }, updatedAt: 1 };
const cpu = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const out = { objects: [] as number[], packed: [] as number[] };
for (let r = 0; r < rounds; r++)
  for (const k of r % 2 ? (['packed', 'objects'] as const) : (['objects', 'packed'] as const))
    out[k].push(cpu(() => structuredClone(k === 'packed' ? packDelta(delta) : delta)));
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of ['objects', 'packed'] as const)
  console.log(
    `saved change of a report (${lines} figures), ${k}: CPU median ${med(out[k]).toFixed(0)} ms (all: ${out[k].map((x) => x.toFixed(0)).join(' ')})`,
  );
