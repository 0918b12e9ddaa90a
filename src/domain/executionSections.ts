/**
 * The sections of a year's tracking at every level (I, 1, 1.1 …): each project's path of section
 * labels names the sections it counts in, outermost first. Keys, the sections in the plan's tree
 * order, and the order that keeps every section's projects together (the engine's layout and the
 * figures by section use them both).
 */
import type { ExecProject } from './execution';

/** Separates the labels of a section's path in its key. */
export const SECTION_SEP = '\u001f';

/** A section of the tracking (key '' stands for the projects outside any section). */
export interface SectionNode {
  key: string;
  label: string;
  /** Labels from the outermost section down to this one ([] for key ''). */
  path: string[];
  /** 0 for a top-level section. */
  level: number;
}

/** The key of a section by its path (a top-level section's key is its label). */
export const sectionKeyOf = (path: readonly string[]): string => path.join(SECTION_SEP);

/** Keys of the sections a project counts in, outermost first ('' alone outside any section). */
export function sectionKeys(path: readonly string[]): string[] {
  if (!path.length) return [''];
  const out: string[] = [];
  for (let i = 1; i <= path.length; i++) out.push(sectionKeyOf(path.slice(0, i)));
  return out;
}

function cmpTuple(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The section tree of a tracking's projects, with each project's section keys (`sectionKeys`). */
export interface SectionTree {
  nodes: SectionNode[];
  compare: (a: number, b: number) => number;
  /** Each project's section keys, outermost first, by project index. */
  keysOf: string[][];
}

/**
 * The sections in tree order (a parent before its children, siblings as the plan first lists
 * them) and a comparison of project indexes that keeps every section's projects together (then
 * the plan's order), even when a section comes back later in the plan (once per source section).
 */
export function sectionTree(projects: readonly ExecProject[]): SectionTree {
  const it = sectionTreeSteps(projects);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** `sectionTree` in steps: yields after every `every` projects read (a 100,000-project tracking). */
export function* sectionTreeSteps(
  projects: readonly ExecProject[],
  every = Infinity,
): Generator<void, SectionTree, void> {
  const first = new Map<string, number>();
  const nodeOf = new Map<string, SectionNode>();
  const keysOf: string[][] = new Array<string[]>(projects.length);
  const projectTuple: number[][] = new Array<number[]>(projects.length);
  for (let i = 0; i < projects.length; i++) {
    if (i && i % every === 0) yield;
    const p = projects[i];
    const keys = sectionKeys(p.path);
    keys.forEach((k, d) => {
      if (first.has(k)) return;
      first.set(k, i);
      const path = p.path.slice(0, d + 1);
      nodeOf.set(k, { key: k, label: path.at(-1) ?? '', path, level: d });
    });
    keysOf[i] = keys;
    // the sections' first projects (each known by now: a project's own come first at the latest)
    projectTuple[i] = [...keys.map((k) => first.get(k)!), i];
  }
  const tuple = (keys: string[]) => keys.map((k) => first.get(k)!);
  const nodes = [...nodeOf.values()]
    .map((n) => ({ n, t: tuple(n.key ? sectionKeys(n.path) : ['']) }))
    .sort((a, b) => cmpTuple(a.t, b.t))
    .map((x) => x.n);
  return { nodes, compare: (a, b) => cmpTuple(projectTuple[a], projectTuple[b]), keysOf };
}
