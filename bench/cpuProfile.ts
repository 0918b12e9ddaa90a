/** CPU profiles (CDP Profiler) summed by function, for the browser benches. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  /** µs, the clock of trace events' `ts`. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self and inclusive ms by function name@file:line over a profile. */
export function profileSummary(p: CpuProfile, edits: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(p.samples[i])!;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, t]) => `  ${(t / edits).toFixed(2).padStart(7)} ms/edit  ${n}`);
  return ['self:', ...top(self, 30), 'inclusive:', ...top(incl, 50)];
}

/** Inclusive ms per named function over the samples in [a, b] (µs), the `top` largest. */
export function functionsWithin(p: CpuProfile, a: number, b: number, top: number): string[] {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const by = new Map<string, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    if (t < a || t > b) return;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.functionName === '(garbage collector)') seen.add('(gc)');
      if (!f.functionName || f.url === '') continue;
      seen.add(`${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber}`);
    }
    for (const k of seen) by.set(k, (by.get(k) ?? 0) + dt);
  });
  return [...by]
    .sort((x, y) => y[1] - x[1])
    .slice(0, top)
    .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
}
